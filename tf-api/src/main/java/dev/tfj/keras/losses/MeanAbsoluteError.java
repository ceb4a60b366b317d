package dev.tfj.keras.losses;

import dev.tfj.Tensor;

/** {@code keras.losses.MeanAbsoluteError()}: mean over the last axis of {@code |y_true - y_pred|}. */
public class MeanAbsoluteError extends Loss {
  public MeanAbsoluteError() {
    super("mean_absolute_error");
  }

  @Override
  protected Tensor call(Tensor y_true, Tensor y_pred) {
    return Losses.FUNCTIONS.mean_absolute_error(y_true, y_pred);
  }
}
