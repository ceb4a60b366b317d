package dev.tfj.keras.initializers;

import dev.tfj.Tensor;
import dev.tfj.ops.DType;

/**
 * {@code keras.initializers.Initializer}: {@code initializer(shape, dtype)}, Python's call,
 * is {@link #apply}.
 */
public abstract class Initializer {
  /** The initial value, float32. */
  public Tensor apply(long... shape) {
    return apply(shape, DType.FLOAT32);
  }

  public abstract Tensor apply(long[] shape, DType dtype);
}
