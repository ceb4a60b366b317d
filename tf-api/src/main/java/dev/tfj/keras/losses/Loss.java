package dev.tfj.keras.losses;

import dev.tfj.Tensor;
import dev.tfj.errors.ValueError;
import dev.tfj.tf;
import java.util.List;

/**
 * {@code keras.losses.Loss(name, reduction="sum_over_batch_size")}: Python's
 * {@code loss(y_true, y_pred, sample_weight)} is {@link #apply}. Both inputs are converted to
 * float32, the per-sample losses come from {@link #call}, are weighted, and are reduced as
 * Keras 3 reduces them: {@code sum_over_batch_size} (and {@code mean}) is the sum divided by
 * the number of per-sample values (divide_no_nan), {@code sum} the sum, {@code none} the values.
 */
public abstract class Loss {
  private static final List<String> REDUCTIONS =
      List.of("sum_over_batch_size", "sum", "none", "mean", "mean_with_sample_weight");

  private String name;
  private String reduction = "sum_over_batch_size";

  protected Loss(String name) {
    this.name = name;
  }

  public String name() {
    return name;
  }

  public String reduction() {
    return reduction;
  }

  @SuppressWarnings("unchecked")
  public <L extends Loss> L name(String name) {
    this.name = name;
    return (L) this;
  }

  /** {@code reduction=}: one of sum_over_batch_size, sum, none (or null), mean, mean_with_sample_weight. */
  @SuppressWarnings("unchecked")
  public <L extends Loss> L reduction(String reduction) {
    String r = reduction == null ? "none" : reduction;
    if (!REDUCTIONS.contains(r)) {
      throw new ValueError("Invalid value for argument `reduction`. Expected one of {'sum_over_batch_size',"
          + " 'sum', None, 'none', 'mean', 'mean_with_sample_weight'}. Received: reduction=" + reduction);
    }
    this.reduction = r;
    return (L) this;
  }

  /** The per-sample losses. */
  protected abstract Tensor call(Tensor y_true, Tensor y_pred);

  public Tensor apply(Object y_true, Object y_pred) {
    return apply(y_true, y_pred, null);
  }

  public Tensor apply(Object y_true, Object y_pred, Object sample_weight) {
    Tensor pred = LossFunctions.floatx(y_pred);
    Tensor values = call(LossFunctions.floatx(y_true), pred);
    Tensor weight = sample_weight == null ? null : tf.cast(LossFunctions.floatx(sample_weight), values.dtype());
    if (weight != null) {
      Tensor[] same = LossFunctions.squeezeOrExpandToSameRank(values, weight);
      values = same[0].mul(same[1]);
      weight = same[1];
    }
    return reduce(values, weight);
  }

  private Tensor reduce(Tensor values, Tensor weight) {
    long[] shape = values.shape().as_list();
    if (reduction.equals("none") || shape.length == 0 || (shape.length == 1 && shape[0] == 0)) {
      return values;
    }
    Tensor loss = tf.reduce_sum(values);
    if (reduction.equals("sum")) {
      return loss;
    }
    Tensor divisor = reduction.equals("mean_with_sample_weight") && weight != null
        ? tf.cast(tf.reduce_sum(weight), loss.dtype())
        : tf.cast(tf.reduce_prod(tf.shape(values)), loss.dtype());
    return tf.math.divide_no_nan(loss, divisor);
  }

  @Override
  public String toString() {
    return "<" + getClass().getSimpleName() + " name=" + name + ">";
  }
}
