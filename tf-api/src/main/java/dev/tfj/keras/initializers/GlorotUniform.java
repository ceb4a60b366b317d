package dev.tfj.keras.initializers;

/** {@code keras.initializers.GlorotUniform(seed=None)}: Glorot (Xavier) uniform: limit sqrt(6 / (fan_in + fan_out)). */
public final class GlorotUniform extends VarianceScaling {
  public GlorotUniform() {
    this(null);
  }

  public GlorotUniform(Long seed) {
    super(1.0, "fan_avg", "uniform", seed);
  }
}
