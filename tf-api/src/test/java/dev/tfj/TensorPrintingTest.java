package dev.tfj;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** repr (toString) and str of tensors and variables, as TensorFlow prints them. */
class TensorPrintingTest {
  @Test
  void reprOfScalarsAndVectors() {
    assertEquals("<tf.Tensor: shape=(), dtype=float32, numpy=6.0>", tf.constant(6.0f).toString());
    assertEquals("<tf.Tensor: shape=(), dtype=int32, numpy=3>", tf.constant(3).toString());
    assertEquals("<tf.Tensor: shape=(), dtype=bool, numpy=True>", tf.constant(true).toString());
    assertEquals("<tf.Tensor: shape=(3,), dtype=int32, numpy=array([1, 2, 3], dtype=int32)>",
        tf.constant(new int[] {1, 2, 3}).toString());
    assertEquals("<tf.Tensor: shape=(2,), dtype=bool, numpy=array([ True, False])>",
        tf.constant(new boolean[] {true, false}).toString());
    assertEquals("<tf.Tensor: shape=(2,), dtype=int64, numpy=array([1, 2])>",
        tf.constant(new long[] {1, 2}).toString());
  }

  @Test
  void strIsWhatPrintShows() {
    assertEquals("tf.Tensor(6.0, shape=(), dtype=float32)", tf.constant(6.0).str());
    assertEquals("tf.Tensor([1 2 3], shape=(3,), dtype=int32)", tf.constant(new int[] {1, 2, 3}).str());
    assertEquals("tf.Tensor(\n[[1. 2.]\n [3. 4.]], shape=(2, 2), dtype=float32)",
        tf.constant(new float[][] {{1, 2}, {3, 4}}).str());
  }

  @Test
  void reprOfAVariable() {
    assertEquals("<tf.Variable 'Variable:0' shape=(3,) dtype=float32,"
        + " numpy=array([0., 0., 0.], dtype=float32)>", tf.Variable(new float[] {0, 0, 0}).toString());
  }
}
