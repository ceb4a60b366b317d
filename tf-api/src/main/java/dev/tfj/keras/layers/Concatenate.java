package dev.tfj.keras.layers;

import dev.tfj.Tensor;
import dev.tfj.errors.ValueError;
import dev.tfj.keras.ShapeText;
import dev.tfj.tf;
import java.util.List;

/** {@code keras.layers.Concatenate(axis=-1)}: a list of inputs joined along {@code axis}. */
public class Concatenate extends Layer {
  private final int axis;

  public Concatenate() {
    this(-1);
  }

  public Concatenate(int axis) {
    this.axis = axis;
  }

  @Override
  public void build(long[] input_shape) {
    throw new ValueError("A `Concatenate` layer should be called on a list of at least 1 input. Received:"
        + " input_shape=" + ShapeText.str(input_shape));
  }

  /** Shapes must agree except along the axis (unknown sizes agree with any). */
  @Override
  public void build(List<long[]> input_shapes) {
    long[] first = input_shapes.get(0);
    for (long[] s : input_shapes) {
      boolean same = s.length == first.length;
      int a = axis < 0 ? axis + first.length : axis;
      for (int i = 0; same && i < s.length; i++) {
        same = i == a || s[i] < 0 || first[i] < 0 || s[i] == first[i];
      }
      if (!same) {
        throw new ValueError("A `Concatenate` layer requires inputs with matching shapes except for the"
            + " concatenation axis. Received: input_shape=" + Add.shapesText(input_shapes));
      }
    }
    super.build(first);
  }

  @Override
  protected Tensor call(List<Tensor> inputs, boolean training) {
    return tf.concat(inputs, axis);
  }
}
