package dev.tfj.keras.initializers;

/** {@code keras.initializers.GlorotNormal(seed=None)}: Glorot (Xavier) normal, truncated. */
public final class GlorotNormal extends VarianceScaling {
  public GlorotNormal() {
    this(null);
  }

  public GlorotNormal(Long seed) {
    super(1.0, "fan_avg", "truncated_normal", seed);
  }
}
