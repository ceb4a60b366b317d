package dev.tfj.compat.keras;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tfj.keras.metrics.Mean;
import dev.tfj.keras.metrics.Metric;
import dev.tfj.tf;
import org.junit.jupiter.api.Test;

/** Keras 3's Mean (weighted by samples), the accuracies, update_state / result / reset_state. */
class MetricsTest {
  @Test
  void meanIsWeightedBySampleWeights() {
    Mean m = tf.keras.metrics.Mean();
    m.update_state(tf.constant(new double[] {1, 2, 3, 4}, tf.float32));
    assertEquals(2.5, m.result().doubleValue(), 1e-7);
    m.update_state(tf.constant(10.0), tf.constant(4.0));
    assertEquals((10 + 40) / 8.0, m.result().doubleValue(), 1e-6);
    m.update_state(tf.constant(new double[][] {{1, 3}, {5, 7}}, tf.float32), tf.constant(new double[] {1, 0}, tf.float32));
    assertEquals((50 + 4) / 9.0, m.result().doubleValue(), 1e-6);
    m.reset_state();
    assertEquals(0.0, m.result().doubleValue());
  }

  @Test
  void accuracies() {
    Metric acc = tf.keras.metrics.Accuracy();
    acc.update_state(tf.constant(new int[] {1, 2, 3, 4}), tf.constant(new int[] {0, 2, 3, 4}));
    assertEquals(0.75, acc.result().doubleValue());
    Metric sparse = tf.keras.metrics.SparseCategoricalAccuracy();
    sparse.update_state(tf.constant(new int[] {2, 1}), tf.constant(new double[][] {{0.1, 0.6, 0.3}, {0.05, 0.95, 0}}));
    assertEquals(0.5, sparse.result().doubleValue());
    sparse.update_state(tf.constant(new int[][] {{0}, {1}}), tf.constant(new double[][] {{0.9, 0.1, 0}, {0.2, 0.7, 0.1}}));
    assertEquals(0.75, sparse.result().doubleValue());
    sparse.reset_state();
    sparse.update_state(tf.constant(new int[] {0}), tf.constant(new double[][] {{0.9, 0.1, 0}}), tf.constant(new double[] {0.0}));
    assertEquals(0.0, sparse.result().doubleValue(), "all weights zero: divide_no_nan");
    Metric cat = tf.keras.metrics.CategoricalAccuracy();
    cat.update_state(tf.constant(new double[][] {{0, 0, 1}, {0, 1, 0}}), tf.constant(new double[][] {{0.1, 0.9, 0.8},
        {0.05, 0.95, 0}}));
    assertEquals(0.5, cat.result().doubleValue());
    Metric bin = tf.keras.metrics.BinaryAccuracy();
    bin.update_state(tf.constant(new double[][] {{1}, {1}, {0}, {0}}), tf.constant(new double[][] {{0.98}, {1}, {0}, {0.6}}));
    assertEquals(0.75, bin.result().doubleValue());
  }
}
