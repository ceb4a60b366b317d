package dev.tfj.keras.layers;

import dev.tfj.Tensor;
import dev.tfj.errors.ValueError;
import dev.tfj.keras.ShapeText;
import dev.tfj.tf;

/** {@code keras.layers.Reshape(target_shape)}: each sample to {@code target_shape} (one entry may be -1). */
public class Reshape extends Layer {
  private final long[] target_shape;

  public Reshape(long... target_shape) {
    this.target_shape = target_shape.clone();
  }

  @Override
  protected Tensor call(Tensor inputs) {
    long[] shape = new long[target_shape.length + 1];
    shape[0] = inputs.shape().get(0);
    System.arraycopy(compute_output_shape(inputs.shape().as_list()), 1, shape, 1, target_shape.length);
    return tf.reshape(inputs, shape);
  }

  /** Keras's shape rule, -1 resolved from the sample size, with its error where none fits. */
  @Override
  public long[] compute_output_shape(long[] input_shape) {
    long[] out = new long[target_shape.length + 1];
    out[0] = input_shape[0];
    long known = 1;
    int unknown = -1;
    for (int i = 0; i < target_shape.length; i++) {
      out[i + 1] = target_shape[i];
      if (target_shape[i] < 0) {
        unknown = i + 1;
      } else {
        known *= target_shape[i];
      }
    }
    long size = 1;
    for (int i = 1; i < input_shape.length; i++) {
      if (input_shape[i] < 0) {
        return out;
      }
      size *= input_shape[i];
    }
    if (unknown >= 0 ? known == 0 || size % known != 0 : known != size) {
      long[] sample = java.util.Arrays.copyOfRange(input_shape, 1, input_shape.length);
      throw new ValueError("The total size of the tensor must be unchanged. Received: input_shape="
          + ShapeText.str(sample) + ", target_shape=" + ShapeText.str(target_shape));
    }
    if (unknown >= 0) {
      out[unknown] = size / known;
    }
    return out;
  }
}
