package dev.tfj.keras.initializers;

import dev.tfj.Tensor;
import dev.tfj.ops.DType;
import dev.tfj.tf;

/** {@code keras.initializers.TruncatedNormal(mean=0.0, stddev=0.05, seed=None)}: within two stddevs. */
public final class TruncatedNormal extends RandomInitializer {
  private final double mean;
  private final double stddev;

  public TruncatedNormal() {
    this(0.0, 0.05, null);
  }

  public TruncatedNormal(double mean, double stddev) {
    this(mean, stddev, null);
  }

  public TruncatedNormal(double mean, double stddev, Long seed) {
    super(seed);
    this.mean = mean;
    this.stddev = stddev;
  }

  @Override
  public Tensor apply(long[] shape, DType dtype) {
    return tf.random.stateless_truncated_normal(shape, statelessSeed(), mean, stddev, dtype);
  }
}
