package dev.tfj.keras.metrics;

import dev.tfj.Tensor;
import dev.tfj.Variable;
import dev.tfj.tf;

/**
 * {@code keras.metrics.Mean(name="mean")}: the weighted mean of everything it was given, Keras 3's
 * {@code Reduce("weighted_mean")}: values reduced to one per sample (summed past the weights'
 * rank), {@code total += sum(values * weights)}, {@code count += sum(weights)} (or the number of
 * samples), {@code result = total / count} (0 when empty).
 */
public class Mean extends Metric {
  private final Variable total;
  private final Variable count;

  public Mean() {
    this("mean");
  }

  public Mean(String name) {
    super(name);
    total = add_variable("total");
    count = add_variable("count");
  }

  public void update_state(Object values) {
    update_state(values, null);
  }

  /** {@code update_state(values, sample_weight)}. */
  public void update_state(Object values, Object sample_weight) {
    Tensor v = tf.cast(tf.convert_to_tensor(values), tf.float32);
    Tensor w = null;
    if (sample_weight != null) {
      w = tf.cast(tf.convert_to_tensor(sample_weight), tf.float32);
      Tensor[] same = Samplewise.squeezeOrExpand(v, w);
      v = same[0];
      w = same[1];
      if (v.ndim() > w.ndim()) {
        v = tf.reduce_sum(v, Samplewise.range(w.ndim(), v.ndim()));
      }
      w = tf.broadcast_to(w, v.shape().as_list());
      v = v.mul(w);
      if (w.ndim() > 1) {
        w = tf.reduce_sum(w, Samplewise.range(1, w.ndim()));
      }
    }
    if (v.ndim() > 1) {
      v = tf.reduce_sum(v, Samplewise.range(1, v.ndim()));
    }
    total.assign_add(tf.reduce_sum(v));
    double samples = w != null ? tf.reduce_sum(w).doubleValue() : v.ndim() >= 1 ? v.shape().get(0) : 1;
    count.assign_add(tf.constant(samples, tf.float32));
  }

  /** Python's error for Keras's {@code Reduce.update_state(values, sample_weight)} given three arguments. */
  @Override
  public void update_state(Object y_true, Object y_pred, Object sample_weight) {
    throw new dev.tfj.errors.TypeError("Reduce.update_state() takes from 2 to 3 positional arguments but 4 were"
        + " given");
  }

  @Override
  public Tensor result() {
    return tf.math.divide_no_nan(total, count);
  }
}
