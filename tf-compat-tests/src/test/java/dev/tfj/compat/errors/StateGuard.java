package dev.tfj.compat.errors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tfj.GradientTape;
import dev.tfj.Tensor;
import dev.tfj.Variable;
import dev.tfj.tf;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.function.Executable;

/**
 * Bad input must raise TensorFlow's error and change nothing. A guard holds a small recording
 * world: a variable {@code v}, a watched constant {@code x}, and a persistent tape that is still
 * recording {@code y = reduce_sum(v * x * x)} while the bad call runs. {@link #assertRejected}
 * runs the call, checks the exact error class and message, then checks that every tensor and
 * variable it was given kept its dtype, shape and value, and that the tape still records and
 * still gives {@code dy/dv = x * x}, {@code dy/dx = 2 v x}, watching only {@code v}.
 */
public final class StateGuard implements AutoCloseable {
  public final Variable v = tf.Variable(new float[][] {{1, 2, 3}, {4, 5, 6}});
  public final Tensor x = tf.constant(new float[][] {{0.5f, -1, 2}, {3, 0.25f, -2}});
  private final GradientTape tape = tf.GradientTape(true);
  private final Tensor y;

  public StateGuard() {
    tape.watch(x);
    y = tf.reduce_sum(tf.multiply(tf.multiply(v, x), x));
  }

  /** The exact error TensorFlow raises: this class (not a subclass) and this message. */
  public static <T extends Throwable> T assertRaises(Class<T> type, String message, Executable call) {
    T e = assertThrows(type, call);
    assertSame(type, e.getClass(), "error class");
    assertEquals(message, e.getMessage());
    return e;
  }

  /**
   * Runs {@code call} while the tape records, expecting {@code type} with {@code message}; then
   * checks the guard's state and that each of {@code inputs} is as it was before the call.
   */
  public <T extends Throwable> T assertRejected(Class<T> type, String message, Executable call, Tensor... inputs) {
    List<Snapshot> before = new ArrayList<>();
    for (Tensor t : inputs) {
      before.add(Snapshot.of(t));
    }
    Snapshot vBefore = Snapshot.of(v);
    Snapshot xBefore = Snapshot.of(x);
    try {
      T e = assertRaises(type, message, call);
      for (int i = 0; i < inputs.length; i++) {
        before.get(i).assertSameAs(inputs[i], "input #" + i);
      }
      vBefore.assertSameAs(v, "variable v");
      xBefore.assertSameAs(x, "tensor x");
      assertTapeIntact();
      return e;
    } finally {
      tape.close(); // never leave a recording tape on the thread for later tests
    }
  }

  /** The tape still records, gives the gradients of what it recorded before, and watches only {@code v}. */
  void assertTapeIntact() {
    assertGradientsIntact();
    assertEquals(List.of(v), tape.watched_variables(), "watched variables");
  }

  /**
   * The tape still records and gives the gradients of what it recorded before (then stops it).
   * Without the check of the watched set, for callers that read other variables on purpose.
   */
  void assertGradientsIntact() {
    Tensor doubled = tf.multiply(y, 2.0f); // recorded after the failure
    tape.close();
    List<Tensor> g = tape.gradient(y, List.<Tensor>of(v, x));
    assertArrayEquals(new float[][] {{0.25f, 1, 4}, {9, 0.0625f, 4}}, (float[][]) g.get(0).numpy(), "dy/dv");
    assertArrayEquals(new float[][] {{1, -4, 12}, {24, 2.5f, -24}}, (float[][]) g.get(1).numpy(), "dy/dx");
    List<Tensor> g2 = tape.gradient(doubled, List.<Tensor>of(v));
    assertNotNull(g2.get(0), "d(2y)/dv is null: the tape kept recording after the failure? It did not");
    assertArrayEquals(new float[][] {{0.5f, 2, 8}, {18, 0.125f, 8}}, (float[][]) g2.get(0).numpy(),
        "d(2y)/dv: the tape kept recording after the failure");
  }

  /** Stops the guard's tape (idempotent), so no test leaves a recording tape on its thread. */
  @Override
  public void close() {
    tape.close();
  }

  /** A tensor's dtype, shape and value at one moment. */
  record Snapshot(String dtype, String shape, Object value) {
    static Snapshot of(Tensor t) {
      return new Snapshot(t.dtype().toString(), t.shape().toString(), t.numpy());
    }

    void assertSameAs(Tensor t, String what) {
      Snapshot now = of(t);
      assertEquals(dtype, now.dtype, what + " dtype");
      assertEquals(shape, now.shape, what + " shape");
      assertTrue(Objects.deepEquals(value, now.value), what + " changed: was "
          + Arrays.deepToString(new Object[] {value}) + ", now " + t);
    }
  }
}
