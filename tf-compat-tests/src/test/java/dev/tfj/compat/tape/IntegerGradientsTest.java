package dev.tfj.compat.tape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.tfj.GradientTape;
import dev.tfj.Tensor;
import dev.tfj.tf;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Integer (and bool) tensors on the tape, as TensorFlow treats them: watching one logs its
 * warning (at most 5 times per calling line), ops whose only watched inputs are integers are not
 * recorded, and an integer path cuts the gradient.
 */
class IntegerGradientsTest {
  static final String WATCH_INT32 = "WARN:The dtype of the watched tensor must be floating"
      + " (e.g. tf.float32), got tf.int32";

  @Test
  void watchingAnIntegerTensorWarnsAndItsGradientIsNone() {
    Tensor x = tf.constant(10);
    GradientTape t = tf.GradientTape();
    Tensor y;
    try (TensorFlowLog log = new TensorFlowLog()) {
      try (t) {
        t.watch(x);
        y = x.mul(x);
      }
      assertEquals(List.of(WATCH_INT32), log.messages());
    }
    assertNull(t.gradient(y, x));
  }

  @Test
  void theWatchWarningAppearsAtMostFiveTimesPerCallingLine() {
    Tensor x = tf.constant(new long[] {1, 2});
    Tensor flag = tf.constant(true);
    GradientTape t = tf.GradientTape();
    try (TensorFlowLog log = new TensorFlowLog()) {
      try (t) {
        for (int i = 0; i < 8; i++) {
          t.watch(x);
        }
        t.watch(flag);
      }
      List<String> expected = new java.util.ArrayList<>(Collections.nCopies(5,
          "WARN:The dtype of the watched tensor must be floating (e.g. tf.float32), got tf.int64"));
      expected.add("WARN:The dtype of the watched tensor must be floating (e.g. tf.float32), got tf.bool");
      assertEquals(expected, log.messages());
    }
  }

  @Test
  void anIntegerSourceGetsNoneOrIntegerZeros() {
    Tensor x = tf.constant(new int[] {1, 2, 3});
    Recorded r = Recorded.watching(x, true, () -> tf.cast(x, tf.float32).mul(2.0f));
    GradientTape t = r.tape();
    Tensor y = r.y();
    assertNull(t.gradient(y, x));
    assertEquals("<tf.Tensor: shape=(3,), dtype=int32, numpy=array([0, 0, 0], dtype=int32)>",
        t.gradient(y, x, null, "zero").toString());
  }

  @Test
  void anIntegerTargetCutsThePathAtTheCast() {
    Tensor x = tf.constant(new float[] {1.5f, 2.5f});
    GradientTape t = tf.GradientTape(true);
    Tensor asInt;
    Tensor back;
    try (t) {
      t.watch(x);
      asInt = tf.cast(x.mul(2), tf.int32);
      back = tf.cast(asInt, tf.float32);
    }
    assertNull(t.gradient(asInt, x));
    assertNull(t.gradient(back, x));
  }

  @Test
  void anIntegerTargetThatIsItsOwnSourceIsSeededWithIntegerOnes() {
    Tensor x = tf.constant(new int[] {4, 5});
    GradientTape t = tf.GradientTape();
    try (t) {
      t.watch(x);
    }
    assertEquals("<tf.Tensor: shape=(2,), dtype=int32, numpy=array([1, 1], dtype=int32)>",
        t.gradient(x, x).toString());
  }

  @Test
  void floatSourcesThroughIntegerSidePathsStillGetTheirFloatGradient() {
    Tensor x = tf.constant(new float[] {1, 2});
    GradientTape t = tf.GradientTape();
    Tensor y;
    try (t) {
      t.watch(x);
      Tensor count = tf.cast(tf.greater(x, 0.0f), tf.float32);
      y = tf.reduce_sum(x.mul(x).mul(count));
    }
    assertEquals("<tf.Tensor: shape=(2,), dtype=float32, numpy=array([2., 4.], dtype=float32)>",
        t.gradient(y, x).toString());
  }
}
