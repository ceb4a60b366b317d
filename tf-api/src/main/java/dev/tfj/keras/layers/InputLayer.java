package dev.tfj.keras.layers;

import dev.tfj.Tensor;

/**
 * {@code keras.layers.InputLayer(shape)}, what {@code tf.keras.Input(shape)} gives a Sequential
 * model as its first entry: the sample shape, so the model is built, and its summary filled in,
 * before any data. The batch size is None unless given.
 */
public class InputLayer extends Layer {
  private final long[] batch_shape;

  public InputLayer(long[] shape, Long batch_size) {
    batch_shape = new long[shape.length + 1];
    batch_shape[0] = batch_size == null ? -1 : batch_size;
    System.arraycopy(shape, 0, batch_shape, 1, shape.length);
    build(batch_shape);
  }

  /** The shape with the batch axis first (-1 for None). */
  public long[] batch_shape() {
    return batch_shape.clone();
  }

  @Override
  protected Tensor call(Tensor inputs) {
    return inputs;
  }

  @Override
  public long[] compute_output_shape(long[] input_shape) {
    return input_shape;
  }
}
