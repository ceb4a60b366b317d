package dev.tfj.compat.elementwise;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.tfj.Tensor;
import dev.tfj.errors.NotFoundError;
import dev.tfj.errors.OpError;
import java.util.function.Supplier;

/** Comparisons of TFJ results with TensorFlow's. */
final class Expect {
  private Expect() {}

  /** Same dtype, shape and elements; floating elements as close as {@code tolerance} says. */
  static void same(Flat expected, Flat actual, Tolerance tolerance, String what) {
    assertEquals(expected.dtype(), actual.dtype(), what + ": dtype");
    assertArrayEquals(expected.shape(), actual.shape(), what + ": shape");
    if (expected.reals() != null) {
      for (int i = 0; i < expected.reals().length; i++) {
        double e = expected.reals()[i];
        double a = actual.reals()[i];
        if (!tolerance.close(e, a, expected.dtype())) {
          fail(what + ": element " + i + " is " + a + ", TensorFlow gives " + e + "\n  expected "
              + expected + "\n  actual   " + actual);
        }
      }
    } else if (expected.ints() != null) {
      assertArrayEquals(expected.ints(), actual.ints(), what + ": " + actual);
    } else {
      assertArrayEquals(expected.bools(), actual.bools(), what + ": " + actual);
    }
  }

  /**
   * TFJ does what TensorFlow did: the same values, or the same error class with TensorFlow's
   * message and the eager suffix {@code [Op:name]}.
   */
  static void sameOutcome(TensorFlowJava.Outcome tf, Supplier<Tensor> tfj, String op, Tolerance tolerance,
      String what) {
    if (tf.error() == null) {
      Tensor t;
      try {
        t = tfj.get();
      } catch (OpError e) {
        throw new AssertionError(what + ": TFJ raised " + e + " where TensorFlow gives " + tf.value(), e);
      }
      same(tf.value(), Flat.of(t), tolerance, what);
      return;
    }
    OpError e = assertThrows(tf.error(), tfj::get, what + ": TensorFlow raised " + tf.message());
    if (tf.error() == NotFoundError.class) {
      sameNotFoundMessage(tf.message(), e.getMessage(), op, what);
    } else {
      assertEquals(tf.message() + " [Op:" + op + "]", e.getMessage(), what);
    }
  }

  /** The first line alike; every kernel TFJ lists TensorFlow lists too (it has more dtypes). */
  private static void sameNotFoundMessage(String tf, String tfj, String op, String what) {
    String[] tfjLines = tfj.split("\n");
    assertEquals(tf.split("\n")[0], tfjLines[0], what);
    for (int i = 1; i < tfjLines.length - 1; i++) {
      assertTrue(tf.contains(tfjLines[i]), what + ": TensorFlow lists no kernel " + tfjLines[i]);
    }
    assertEquals(" [Op:" + op + "]", tfjLines[tfjLines.length - 1], what);
  }
}
