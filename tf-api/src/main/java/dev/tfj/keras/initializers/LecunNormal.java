package dev.tfj.keras.initializers;

/** {@code keras.initializers.LecunNormal(seed=None)}: LeCun normal, truncated. */
public final class LecunNormal extends VarianceScaling {
  public LecunNormal() {
    this(null);
  }

  public LecunNormal(Long seed) {
    super(1.0, "fan_in", "truncated_normal", seed);
  }
}
