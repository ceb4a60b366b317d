package dev.tfj.keras.initializers;

/** {@code keras.initializers.LecunUniform(seed=None)}: LeCun uniform. */
public final class LecunUniform extends VarianceScaling {
  public LecunUniform() {
    this(null);
  }

  public LecunUniform(Long seed) {
    super(1.0, "fan_in", "uniform", seed);
  }
}
