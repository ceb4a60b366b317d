package dev.tfj.keras.layers;

import dev.tfj.Tensor;
import dev.tfj.tf;

/** {@code keras.layers.Flatten()}: each sample to one axis, {@code (batch, prod(rest))}. */
public class Flatten extends Layer {
  public Flatten() {
    this.input_spec = InputSpec.min_ndim(1);
  }

  @Override
  protected Tensor call(Tensor inputs) {
    long[] shape = inputs.shape().as_list();
    return tf.reshape(inputs, shape[0], flatSize(shape));
  }

  private static long flatSize(long[] shape) {
    long n = 1;
    for (int i = 1; i < shape.length; i++) {
      if (shape[i] < 0) {
        return -1;
      }
      n *= shape[i];
    }
    return n;
  }

  @Override
  public long[] compute_output_shape(long[] input_shape) {
    return new long[] {input_shape[0], flatSize(input_shape)};
  }
}
