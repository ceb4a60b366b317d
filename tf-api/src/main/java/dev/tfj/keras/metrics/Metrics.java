package dev.tfj.keras.metrics;

import dev.tfj.Tensor;
import dev.tfj.errors.ValueError;
import dev.tfj.tf;

/**
 * {@code tf.keras.metrics}: the metric classes and the accuracy functions, as Keras 3 computes
 * them (matches as float32 1s and 0s, one per sample).
 */
public final class Metrics {
  public Metrics() {}

  public Mean Mean() {
    return new Mean();
  }

  public Mean Mean(String name) {
    return new Mean(name);
  }

  /** {@code Accuracy()}: how often {@code y_pred == y_true}. */
  public MeanMetricWrapper Accuracy() {
    return new MeanMetricWrapper(Metrics::accuracy, "accuracy");
  }

  public MeanMetricWrapper BinaryAccuracy() {
    return new MeanMetricWrapper(Metrics::binary_accuracy, "binary_accuracy");
  }

  public MeanMetricWrapper CategoricalAccuracy() {
    return new MeanMetricWrapper(Metrics::categorical_accuracy, "categorical_accuracy");
  }

  public MeanMetricWrapper SparseCategoricalAccuracy() {
    return new MeanMetricWrapper(Metrics::sparse_categorical_accuracy, "sparse_categorical_accuracy");
  }

  public static Tensor accuracy(Tensor y_true, Tensor y_pred) {
    Tensor[] t = Samplewise.squeezeOrExpand(tf.cast(y_true, y_pred.dtype()), y_pred);
    return tf.cast(tf.equal(t[0], t[1]), tf.float32);
  }

  /** {@code y_pred > 0.5} against {@code y_true}. */
  public static Tensor binary_accuracy(Tensor y_true, Tensor y_pred) {
    Tensor[] t = Samplewise.squeezeOrExpand(tf.cast(y_true, y_pred.dtype()), y_pred);
    Tensor predicted = tf.cast(tf.greater(t[1], tf.constant(0.5, y_pred.dtype())), t[0].dtype());
    return tf.cast(tf.equal(t[0], predicted), tf.float32);
  }

  /** argmax of y_pred against argmax of one-hot y_true. */
  public static Tensor categorical_accuracy(Tensor y_true, Tensor y_pred) {
    return argmaxMatches(tf.argmax(y_true, -1), y_pred, true);
  }

  /** argmax of y_pred against integer labels (a trailing label axis of 1 allowed). */
  public static Tensor sparse_categorical_accuracy(Tensor y_true, Tensor y_pred) {
    Tensor matches = argmaxMatches(tf.cast(y_true, y_pred.dtype()), y_pred, false);
    if (matches.ndim() > 1 && matches.shape().get(matches.ndim() - 1) == 1) {
      matches = tf.squeeze(matches, -1);
    }
    return matches;
  }

  private static Tensor argmaxMatches(Tensor labels, Tensor y_pred, boolean squeezeWhenSameRank) {
    long[] original = labels.shape().as_list();
    boolean reshape = false;
    if (labels.ndim() == y_pred.ndim() && (squeezeWhenSameRank || original[original.length - 1] == 1)) {
      labels = tf.squeeze(labels, -1);
      reshape = true;
    }
    Tensor predicted = tf.cast(tf.argmax(y_pred, -1), labels.dtype());
    Tensor matches = tf.cast(tf.equal(labels, predicted), tf.float32);
    return reshape ? tf.reshape(matches, original) : matches;
  }

  /**
   * A compile string: {@code "accuracy"}/{@code "acc"} picks binary, sparse or categorical accuracy
   * from the shapes, as Keras's {@code get_metric} does, keeping the name given.
   */
  public static Metric get(String identifier, Tensor y_true, Tensor y_pred) {
    if (identifier.equalsIgnoreCase("accuracy") || identifier.equalsIgnoreCase("acc")) {
      long[] ps = y_pred.shape().as_list();
      long[] ts = y_true.shape().as_list();
      boolean binary = ps.length > 0 && ps[ps.length - 1] == 1;
      boolean sparse = ts.length < ps.length || (ts.length > 0 && ts[ts.length - 1] == 1 && !binary);
      if (binary) {
        return new MeanMetricWrapper(Metrics::binary_accuracy, identifier);
      }
      return new MeanMetricWrapper(sparse ? Metrics::sparse_categorical_accuracy : Metrics::categorical_accuracy,
          identifier);
    }
    return switch (identifier) {
      case "sparse_categorical_accuracy" ->
          new MeanMetricWrapper(Metrics::sparse_categorical_accuracy, identifier);
      case "categorical_accuracy" -> new MeanMetricWrapper(Metrics::categorical_accuracy, identifier);
      case "binary_accuracy" -> new MeanMetricWrapper(Metrics::binary_accuracy, identifier);
      case "mse", "mean_squared_error", "mae", "mean_absolute_error" -> {
        dev.tfj.keras.losses.Losses losses = new dev.tfj.keras.losses.Losses();
        boolean squared = identifier.equals("mse") || identifier.equals("mean_squared_error");
        yield new MeanMetricWrapper(squared ? losses::mean_squared_error : losses::mean_absolute_error, identifier);
      }
      default -> throw new ValueError("Could not interpret metric identifier: " + identifier);
    };
  }
}
