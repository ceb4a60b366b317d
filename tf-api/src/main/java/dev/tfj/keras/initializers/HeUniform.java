package dev.tfj.keras.initializers;

/** {@code keras.initializers.HeUniform(seed=None)}: He uniform: limit sqrt(6 / fan_in). */
public final class HeUniform extends VarianceScaling {
  public HeUniform() {
    this(null);
  }

  public HeUniform(Long seed) {
    super(2.0, "fan_in", "uniform", seed);
  }
}
