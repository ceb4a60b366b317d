package dev.tfj.compat.keras;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tfj.Tensor;
import dev.tfj.errors.ValueError;
import dev.tfj.keras.losses.Loss;
import dev.tfj.tf;
import org.junit.jupiter.api.Test;

/**
 * Keras 3's losses against their formulas in float64 (losses.py and the TensorFlow backend's
 * nn.py): the per-sample values, the reductions ({@code sum_over_batch_size} is the sum over the
 * number of values, also with sample weights), {@code from_logits}, the clipping at 1e-7, the
 * logits a softmax output carries, and the shape errors with Keras's messages.
 */
class LossesTest {
  private static final double[][] LOGITS = {{2.0, 1.0, 0.1}, {0.5, 2.5, -1.0}, {-0.3, 0.2, 3.0}, {1.0, 1.0, 1.0}};
  private static final int[] LABELS = {0, 1, 2, 1};

  private static double[] softmax(double[] z) {
    double max = Double.NEGATIVE_INFINITY;
    for (double v : z) {
      max = Math.max(max, v);
    }
    double sum = 0;
    double[] out = new double[z.length];
    for (int i = 0; i < z.length; i++) {
      out[i] = Math.exp(z[i] - max);
      sum += out[i];
    }
    for (int i = 0; i < z.length; i++) {
      out[i] /= sum;
    }
    return out;
  }

  private static double sparseCe(int row) {
    return -Math.log(softmax(LOGITS[row])[LABELS[row]]);
  }

  private static void close(double expected, Tensor actual, String what) {
    assertEquals(expected, actual.doubleValue(), 1e-6 * Math.max(1, Math.abs(expected)), what);
  }

  @Test
  void sparseCategoricalCrossentropyFromLogitsAndProbabilities() {
    double mean = 0;
    for (int r = 0; r < 4; r++) {
      mean += sparseCe(r) / 4;
    }
    Tensor logits = tf.constant(LOGITS, tf.float32);
    Tensor labels = tf.constant(LABELS);
    close(mean, tf.keras.losses.SparseCategoricalCrossentropy(true).apply(labels, logits), "from_logits");
    Tensor probs = tf.nn.softmax(logits);
    close(mean, tf.keras.losses.SparseCategoricalCrossentropy().apply(labels, probs), "probabilities");
    close(mean, tf.keras.losses.SparseCategoricalCrossentropy().apply(tf.reshape(labels, 4, 1), probs),
        "labels of shape (4, 1)");
    Tensor keras = tf.keras.activations.softmax(logits);
    close(mean, tf.keras.losses.SparseCategoricalCrossentropy().apply(labels, keras), "Keras softmax output");
    Tensor perSample = tf.keras.losses.SparseCategoricalCrossentropy(true).reduction("none").apply(labels, logits);
    for (int r = 0; r < 4; r++) {
      assertEquals(sparseCe(r), ((float[]) perSample.numpy())[r], 1e-6, "none, row " + r);
    }
    close(mean * 4, tf.keras.losses.SparseCategoricalCrossentropy(true).reduction("sum").apply(labels, logits), "sum");
    double weighted = (sparseCe(0) * 1 + sparseCe(1) * 0 + sparseCe(2) * 2 + sparseCe(3) * 1) / 4;
    close(weighted, tf.keras.losses.SparseCategoricalCrossentropy(true).apply(labels, logits,
        tf.constant(new double[] {1, 0, 2, 1}, tf.float32)), "sample_weight, sum_over_batch_size");
    close(sparseCe(2), tf.losses.sparse_categorical_crossentropy(labels, logits, true).get(2), "functional form, row 2");
  }

  @Test
  void categoricalCrossentropyWithOneHotLabelsAndSmoothing() {
    Tensor logits = tf.constant(LOGITS, tf.float32);
    Tensor onehot = tf.one_hot(tf.constant(LABELS), 3);
    double mean = 0;
    double smoothed = 0;
    for (int r = 0; r < 4; r++) {
      double[] p = softmax(LOGITS[r]);
      mean += -Math.log(p[LABELS[r]]) / 4;
      for (int c = 0; c < 3; c++) {
        double t = (c == LABELS[r] ? 1 : 0) * 0.9 + 0.1 / 3;
        smoothed += -t * Math.log(p[c]) / 4;
      }
    }
    close(mean, tf.keras.losses.CategoricalCrossentropy(true).apply(onehot, logits), "from_logits");
    close(mean, tf.keras.losses.CategoricalCrossentropy().apply(onehot, tf.nn.softmax(logits)), "probabilities");
    close(smoothed, tf.keras.losses.CategoricalCrossentropy(true, 0.1).apply(onehot, logits), "label_smoothing=0.1");
    // Probabilities are renormalised and clipped to [1e-7, 1 - 1e-7] first.
    Tensor hard = tf.constant(new double[][] {{1, 0}}, tf.float32);
    close(-Math.log(1e-7), tf.keras.losses.CategoricalCrossentropy().apply(tf.constant(new double[][] {{0, 1}}, tf.float32),
        hard), "clipped at epsilon");
  }

  @Test
  void binaryCrossentropyMseHuber() {
    double[] y = {0, 1, 1, 0};
    double[] z = {-1.0, 2.0, 0.3, 0.8};
    double bce = 0;
    double mse = 0;
    double huber = 0;
    for (int i = 0; i < 4; i++) {
      double p = 1 / (1 + Math.exp(-z[i]));
      bce += -(y[i] * Math.log(p) + (1 - y[i]) * Math.log(1 - p)) / 4;
      mse += (y[i] - z[i]) * (y[i] - z[i]) / 4;
      double e = Math.abs(z[i] - y[i]);
      huber += (e <= 1 ? 0.5 * e * e : e - 0.5) / 4;
    }
    Tensor yt = tf.constant(y, tf.float32);
    Tensor logits = tf.constant(z, tf.float32);
    close(bce, tf.keras.losses.BinaryCrossentropy(true).apply(yt, logits), "BCE from_logits");
    close(bce, tf.keras.losses.BinaryCrossentropy().apply(yt, tf.nn.sigmoid(logits)), "BCE probabilities");
    close(bce, tf.keras.losses.BinaryCrossentropy().apply(tf.reshape(yt, 4, 1), tf.reshape(tf.nn.sigmoid(logits), 4, 1)),
        "BCE, a column each");
    close(mse, tf.keras.losses.MeanSquaredError().apply(tf.reshape(yt, 4, 1), tf.reshape(logits, 4, 1)), "MSE");
    close(mse, tf.keras.losses.MeanSquaredError().apply(yt, tf.reshape(logits, 4, 1)), "MSE, labels of rank 1");
    close(huber, tf.keras.losses.Huber().apply(tf.reshape(yt, 4, 1), tf.reshape(logits, 4, 1)), "Huber(delta=1)");
    close(mse, tf.losses.mean_squared_error(yt, logits), "tf.losses.mean_squared_error");
  }

  @Test
  void mismatchedLabelsAreKerasErrors() {
    Tensor logits = tf.constant(LOGITS, tf.float32);
    ValueError e = assertThrows(ValueError.class,
        () -> tf.keras.losses.SparseCategoricalCrossentropy(true).apply(tf.constant(new int[] {0, 1, 2}), logits));
    assertEquals("Arguments `target` and `output` must have the same shape up until the last dimension:"
        + " target.shape=(3,), output.shape=(4, 3)", e.getMessage());
    e = assertThrows(ValueError.class,
        () -> tf.keras.losses.SparseCategoricalCrossentropy(true).apply(tf.zeros(4, 3, 2), logits));
    assertEquals("Argument `output` must have rank (ndim) `target.ndim - 1`. Received: target.shape=(4, 3, 2),"
        + " output.shape=(4, 3)", e.getMessage());
    e = assertThrows(ValueError.class,
        () -> tf.keras.losses.CategoricalCrossentropy(true).apply(tf.zeros(4, 2), logits));
    assertEquals("Arguments `target` and `output` must have the same shape. Received: target.shape=(4, 2),"
        + " output.shape=(4, 3)", e.getMessage());
    e = assertThrows(ValueError.class, () -> tf.keras.losses.BinaryCrossentropy().apply(tf.zeros(4, 1), tf.zeros(4, 2)));
    assertEquals("Arguments `target` and `output` must have the same shape. Received: target.shape=(4, 1),"
        + " output.shape=(4, 2)", e.getMessage());
    Loss bad = tf.keras.losses.MeanSquaredError();
    e = assertThrows(ValueError.class, () -> bad.reduction("average"));
    assertEquals("Invalid value for argument `reduction`. Expected one of {'sum_over_batch_size', 'sum', None,"
        + " 'none', 'mean', 'mean_with_sample_weight'}. Received: reduction=average", e.getMessage());
  }
}
