package dev.tfj.keras.metrics;

import dev.tfj.Tensor;
import dev.tfj.tf;
import java.util.function.BiFunction;

/**
 * {@code keras.metrics.MeanMetricWrapper(fn, name)}: the Mean of {@code fn(y_true, y_pred)}, both
 * converted to float32 first, as Keras converts them.
 */
public class MeanMetricWrapper extends Metric {
  private final BiFunction<Tensor, Tensor, Tensor> fn;
  private final Mean mean;

  public MeanMetricWrapper(BiFunction<Tensor, Tensor, Tensor> fn, String name) {
    super(name);
    this.fn = fn;
    this.mean = new Mean(name);
  }

  @Override
  public void update_state(Object y_true, Object y_pred, Object sample_weight) {
    Tensor values = fn.apply(tf.cast(tf.convert_to_tensor(y_true), tf.float32),
        tf.cast(tf.convert_to_tensor(y_pred), tf.float32));
    mean.update_state(values, sample_weight);
  }

  @Override
  public Tensor result() {
    return mean.result();
  }

  @Override
  public void reset_state() {
    mean.reset_state();
  }

  @Override
  public java.util.List<dev.tfj.Variable> variables() {
    return mean.variables();
  }
}
