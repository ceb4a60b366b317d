package dev.tfj.keras.initializers;

/** {@code keras.initializers.Zeros()}. */
public final class Zeros extends Constant {
  public Zeros() {
    super(0.0);
  }
}
