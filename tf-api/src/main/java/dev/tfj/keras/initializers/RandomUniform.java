package dev.tfj.keras.initializers;

import dev.tfj.Tensor;
import dev.tfj.ops.DType;
import dev.tfj.tf;

/** {@code keras.initializers.RandomUniform(minval=-0.05, maxval=0.05, seed=None)}. */
public final class RandomUniform extends RandomInitializer {
  private final double minval;
  private final double maxval;

  public RandomUniform() {
    this(-0.05, 0.05, null);
  }

  public RandomUniform(double minval, double maxval) {
    this(minval, maxval, null);
  }

  public RandomUniform(double minval, double maxval, Long seed) {
    super(seed);
    this.minval = minval;
    this.maxval = maxval;
  }

  @Override
  public Tensor apply(long[] shape, DType dtype) {
    return tf.random.stateless_uniform(shape, statelessSeed(), minval, maxval, dtype);
  }
}
