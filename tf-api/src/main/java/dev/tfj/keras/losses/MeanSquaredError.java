package dev.tfj.keras.losses;

import dev.tfj.Tensor;

/** {@code keras.losses.MeanSquaredError()}: mean over the last axis of {@code (y_true - y_pred)**2}. */
public class MeanSquaredError extends Loss {
  public MeanSquaredError() {
    super("mean_squared_error");
  }

  @Override
  protected Tensor call(Tensor y_true, Tensor y_pred) {
    return Losses.FUNCTIONS.mean_squared_error(y_true, y_pred);
  }
}
