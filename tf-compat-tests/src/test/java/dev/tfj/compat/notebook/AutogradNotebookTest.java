package dev.tfj.compat.notebook;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tfj.GradientTape;
import dev.tfj.Tensor;
import dev.tfj.errors.RuntimeError;
import dev.tfj.examples.AutogradNotebook;
import dev.tfj.tf;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The seed notebook (d2l-zh TF2, section 2.3), cell by cell, with TensorFlow's exact output. */
class AutogradNotebookTest {
  static final String PERSISTENT_WARNING = "WARN:Calling GradientTape.gradient on a persistent tape"
      + " inside its context is significantly less efficient than calling it outside the context"
      + " (it causes the gradient ops to be recorded on the tape, leading to increased CPU and"
      + " memory usage). Only call GradientTape.gradient inside the context if you actually want"
      + " to trace the gradient in order to compute higher order derivatives.";

  static Tensor x() {
    return tf.reshape(tf.Variable(IntStream.range(0, 4).toArray(), tf.float32), 4, 1);
  }

  @Test
  void section231_xPrintsAsTensorFlowDoes() {
    assertEquals("<tf.Tensor: shape=(4, 1), dtype=float32, numpy=\n"
        + "array([[0.],\n"
        + "       [1.],\n"
        + "       [2.],\n"
        + "       [3.]], dtype=float32)>", x().toString());
  }

  @Test
  void section231_gradientOfTwoXTransposeXIsFourX() {
    Tensor x = x();
    GradientTape t = tf.GradientTape();
    Tensor y;
    try (t) {
      t.watch(x);
      y = tf.multiply(2, tf.matmul(tf.transpose(x), x));
    }
    Tensor dy_dx = t.gradient(y, x);
    assertEquals("<tf.Tensor: shape=(4, 1), dtype=float32, numpy=\n"
        + "array([[ 0.],\n"
        + "       [ 4.],\n"
        + "       [ 8.],\n"
        + "       [12.]], dtype=float32)>", dy_dx.toString());
    assertEquals("<tf.Tensor: shape=(1, 1), dtype=float32, numpy=array([[28.]], dtype=float32)>",
        y.toString());
  }

  @Test
  void section232_persistentTapeGivesBothGradientsAndWarnsOncePerCallingLine() {
    Tensor x = x();
    GradientTape g = tf.GradientTape(true);
    Tensor dz_dx;
    Tensor dy_dx;
    List<String> warnings;
    try (TensorFlowWarnings log = new TensorFlowWarnings()) {
      try (g) {
        g.watch(x);
        Tensor y = x.mul(x);
        Tensor z = y.mul(y);
        dz_dx = g.gradient(z, x);
        dy_dx = g.gradient(y, x);
      }
      warnings = log.messages();
    }
    assertArrayEquals(new float[][] {{0}, {4}, {32}, {108}}, (float[][]) dz_dx.numpy());
    assertArrayEquals(new float[][] {{0}, {2}, {4}, {6}}, (float[][]) dy_dx.numpy());
    assertEquals(List.of(PERSISTENT_WARNING, PERSISTENT_WARNING), warnings);
    assertEquals("<tf.Tensor: shape=(4, 1), dtype=float32, numpy=\n"
        + "array([[  0.],\n"
        + "       [  4.],\n"
        + "       [ 32.],\n"
        + "       [108.]], dtype=float32)>", dz_dx.toString());
  }

  @Test
  void persistentWarningRepeatsNotForOneLineInALoop() {
    Tensor x = tf.constant(3.0);
    GradientTape g = tf.GradientTape(true);
    try (TensorFlowWarnings log = new TensorFlowWarnings()) {
      try (g) {
        g.watch(x);
        Tensor y = x.mul(x);
        for (int i = 0; i < 3; i++) {
          assertEquals(6.0f, g.gradient(y, x).floatValue());
        }
      }
      assertEquals(List.of(PERSISTENT_WARNING), log.messages());
    }
  }

  @Test
  void noWarningForANonPersistentTapeOrAfterTheBlock() {
    Tensor x = tf.constant(3.0);
    try (TensorFlowWarnings log = new TensorFlowWarnings()) {
      GradientTape t = tf.GradientTape();
      try (t) {
        t.watch(x);
        assertEquals(6.0f, t.gradient(x.mul(x), x).floatValue());
      }
      GradientTape p = tf.GradientTape(true);
      Tensor y;
      try (p) {
        p.watch(x);
        y = x.mul(x);
      }
      assertEquals(6.0f, p.gradient(y, x).floatValue());
      assertEquals(List.of(), log.messages());
    }
  }

  @Test
  void nonPersistentTapeStopsRecordingAtItsGradientAndCannotBeAskedTwice() {
    Tensor x = tf.constant(3.0);
    GradientTape t = tf.GradientTape();
    try (t) {
      t.watch(x);
      Tensor y = x.mul(x);
      assertEquals(6.0f, t.gradient(y, x).floatValue());
      RuntimeError e = assertThrows(RuntimeError.class, () -> t.gradient(y, x));
      assertEquals("A non-persistent GradientTape can only be used to compute one set of"
          + " gradients (or jacobians)", e.getMessage());
    }
  }

  @Test
  void secondDerivativeThroughOnePersistentTape() {
    Tensor x = x();
    GradientTape g = tf.GradientTape(true);
    Tensor d2z_dx2;
    try (g) {
      g.watch(x);
      Tensor y = x.mul(x);
      Tensor z = y.mul(y);
      Tensor dz_dx = g.gradient(z, x);
      d2z_dx2 = g.gradient(dz_dx, x);
    }
    assertArrayEquals(new float[][] {{0}, {12}, {48}, {108}}, (float[][]) d2z_dx2.numpy());
  }

  @Test
  void secondDerivativeThroughTwoNestedTapes() {
    Tensor x = x();
    GradientTape outer = tf.GradientTape();
    Tensor dz_dx;
    try (outer) {
      outer.watch(x);
      GradientTape inner = tf.GradientTape();
      Tensor z;
      try (inner) {
        inner.watch(x);
        Tensor y = x.mul(x);
        z = y.mul(y);
      }
      dz_dx = inner.gradient(z, x);
    }
    assertArrayEquals(new float[][] {{0}, {12}, {48}, {108}}, (float[][]) outer.gradient(dz_dx, x).numpy());
  }

  @Test
  void section233_gradientThroughJavaControlFlowIsCOverA() {
    for (long seed : new long[] {1, 2, 3, 42}) {
      tf.random.set_seed(seed);
      Tensor a = tf.random.normal(new long[] {1, 1}, tf.float32);
      GradientTape t = tf.GradientTape();
      Tensor c;
      try (t) {
        t.watch(a);
        c = AutogradNotebook.f(a);
      }
      Tensor equal = tf.equal(t.gradient(c, a), tf.divide(c, a));
      assertEquals("<tf.Tensor: shape=(1, 1), dtype=bool, numpy=array([[ True]])>", equal.toString(),
          "seed " + seed + ", a = " + a);
    }
  }

  @Test
  void unwatchedConstantHasNoGradient() {
    Tensor x = tf.constant(3.0);
    GradientTape t = tf.GradientTape();
    Tensor y;
    try (t) {
      y = x.mul(x);
    }
    assertNull(t.gradient(y, x));
  }

  @Test
  void theExampleProgramPrintsTheNotebookOutput() {
    tf.random.set_seed(7);
    String out = runExample();
    String[] lines = out.split("\n");
    assertEquals("<tf.Tensor: shape=(4, 1), dtype=float32, numpy=", lines[0]);
    assertTrue(out.contains("array([[ 0.],\n       [ 4.],\n       [ 8.],\n       [12.]], dtype=float32)>"), out);
    assertTrue(out.contains("array([[  0.],\n       [  4.],\n       [ 32.],\n       [108.]], dtype=float32)>"), out);
    assertTrue(out.contains("array([[0.],\n       [2.],\n       [4.],\n       [6.]], dtype=float32)>"), out);
    assertTrue(out.endsWith("<tf.Tensor: shape=(1, 1), dtype=bool, numpy=array([[ True]])>\n"), out);
  }

  private static String runExample() {
    PrintStream original = System.out;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    try {
      AutogradNotebook.main(new String[0]);
    } finally {
      System.setOut(original);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
