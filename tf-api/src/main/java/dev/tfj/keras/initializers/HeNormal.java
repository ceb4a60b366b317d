package dev.tfj.keras.initializers;

/** {@code keras.initializers.HeNormal(seed=None)}: He normal, truncated: stddev sqrt(2 / fan_in). */
public final class HeNormal extends VarianceScaling {
  public HeNormal() {
    this(null);
  }

  public HeNormal(Long seed) {
    super(2.0, "fan_in", "truncated_normal", seed);
  }
}
