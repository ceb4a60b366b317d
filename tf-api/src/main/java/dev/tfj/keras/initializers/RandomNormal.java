package dev.tfj.keras.initializers;

import dev.tfj.Tensor;
import dev.tfj.ops.DType;
import dev.tfj.tf;

/** {@code keras.initializers.RandomNormal(mean=0.0, stddev=0.05, seed=None)}. */
public final class RandomNormal extends RandomInitializer {
  private final double mean;
  private final double stddev;

  public RandomNormal() {
    this(0.0, 0.05, null);
  }

  public RandomNormal(double mean, double stddev) {
    this(mean, stddev, null);
  }

  public RandomNormal(double mean, double stddev, Long seed) {
    super(seed);
    this.mean = mean;
    this.stddev = stddev;
  }

  @Override
  public Tensor apply(long[] shape, DType dtype) {
    return tf.random.stateless_normal(shape, statelessSeed(), mean, stddev, dtype);
  }
}
