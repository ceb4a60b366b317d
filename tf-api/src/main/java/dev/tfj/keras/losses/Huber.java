package dev.tfj.keras.losses;

import dev.tfj.Tensor;

/** {@code keras.losses.Huber(delta=1.0)}: quadratic within delta, linear beyond. */
public class Huber extends Loss {
  private final double delta;

  public Huber() {
    this(1.0);
  }

  public Huber(double delta) {
    super("huber_loss");
    this.delta = delta;
  }

  @Override
  protected Tensor call(Tensor y_true, Tensor y_pred) {
    return Losses.FUNCTIONS.huber(y_true, y_pred, delta);
  }
}
