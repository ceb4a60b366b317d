package dev.tfj.keras.initializers;

import dev.tfj.Tensor;
import dev.tfj.ops.DType;
import dev.tfj.tf;

/** {@code keras.initializers.Constant(value=0.0)}; Zeros and Ones are its cases. */
public class Constant extends Initializer {
  private final double value;

  public Constant() {
    this(0.0);
  }

  public Constant(double value) {
    this.value = value;
  }

  @Override
  public Tensor apply(long[] shape, DType dtype) {
    return tf.fill(shape, tf.constant(value, dtype));
  }
}
