package dev.tfj.keras.initializers;

/** {@code keras.initializers.Ones()}. */
public final class Ones extends Constant {
  public Ones() {
    super(1.0);
  }
}
