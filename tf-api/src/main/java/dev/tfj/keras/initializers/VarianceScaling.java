package dev.tfj.keras.initializers;

import dev.tfj.Tensor;
import dev.tfj.errors.ValueError;
import dev.tfj.ops.DType;
import dev.tfj.tf;

/**
 * {@code keras.initializers.VarianceScaling(scale=1.0, mode="fan_in",
 * distribution="truncated_normal", seed=None)}, with Keras 3's fans and constants; Glorot, He
 * and LeCun are its special cases.
 */
public class VarianceScaling extends RandomInitializer {
  private final double scale;
  private final String mode;
  private final String distribution;

  public VarianceScaling() {
    this(1.0, "fan_in", "truncated_normal", null);
  }

  public VarianceScaling(double scale, String mode, String distribution, Long seed) {
    super(seed);
    if (scale <= 0.0) {
      throw new ValueError("Argument `scale` must be positive float. Received: scale=" + scale);
    }
    if (!java.util.List.of("fan_in", "fan_out", "fan_avg").contains(mode)) {
      throw new ValueError("Invalid `mode` argument: expected one of {\"fan_in\", \"fan_out\", \"fan_avg\"}."
          + " Received: mode=" + mode);
    }
    String d = distribution == null ? null : distribution.toLowerCase(java.util.Locale.ROOT);
    if ("normal".equals(d)) {
      d = "truncated_normal";
    }
    if (!java.util.List.of("uniform", "truncated_normal", "untruncated_normal").contains(d)) {
      throw new ValueError("Invalid `distribution` argument: expected one of {\"uniform\", \"truncated_normal\","
          + " \"untruncated_normal\"}. Received: distribution=" + distribution);
    }
    this.scale = scale;
    this.mode = mode;
    this.distribution = d;
  }

  /** Keras's {@code compute_fans}: a kernel's receptive field multiplies both fans. */
  static long[] computeFans(long[] shape) {
    if (shape.length < 1) {
      return new long[] {1, 1};
    }
    if (shape.length == 1) {
      return new long[] {shape[0], shape[0]};
    }
    long receptive = 1;
    for (int i = 0; i < shape.length - 2; i++) {
      receptive *= shape[i];
    }
    return new long[] {shape[shape.length - 2] * receptive, shape[shape.length - 1] * receptive};
  }

  @Override
  public Tensor apply(long[] shape, DType dtype) {
    long[] fans = computeFans(shape);
    double s = scale;
    if (mode.equals("fan_in")) {
      s /= Math.max(1.0, fans[0]);
    } else if (mode.equals("fan_out")) {
      s /= Math.max(1.0, fans[1]);
    } else {
      s /= Math.max(1.0, (fans[0] + fans[1]) / 2.0);
    }
    if (distribution.equals("truncated_normal")) {
      double stddev = Math.sqrt(s) / 0.87962566103423978;
      return tf.random.stateless_truncated_normal(shape, statelessSeed(), 0.0, stddev, dtype);
    }
    if (distribution.equals("untruncated_normal")) {
      return tf.random.stateless_normal(shape, statelessSeed(), 0.0, Math.sqrt(s), dtype);
    }
    double limit = Math.sqrt(3.0 * s);
    return tf.random.stateless_uniform(shape, statelessSeed(), -limit, limit, dtype);
  }
}
