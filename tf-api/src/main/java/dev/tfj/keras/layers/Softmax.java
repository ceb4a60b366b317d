package dev.tfj.keras.layers;

import dev.tfj.Tensor;

/** {@code keras.layers.Softmax(axis=-1)}. */
public class Softmax extends Layer {
  private final int axis;

  public Softmax() {
    this(-1);
  }

  public Softmax(int axis) {
    this.axis = axis;
  }

  @Override
  protected Tensor call(Tensor inputs) {
    return Dense.ACTIVATIONS.softmax(inputs, axis);
  }

  @Override
  public long[] compute_output_shape(long[] input_shape) {
    return input_shape;
  }
}
