package dev.tfj.keras.layers;

import dev.tfj.Tensor;
import dev.tfj.errors.ValueError;
import dev.tfj.keras.ShapeText;
import dev.tfj.tf;
import java.util.List;
import java.util.stream.Collectors;

/** {@code keras.layers.Add()}: the elementwise sum of a list of inputs, in order. */
public class Add extends Layer {
  public Add() {}

  @Override
  public void build(long[] input_shape) {
    throw new ValueError("A merge layer should be called on a list of inputs. Received: input_shape="
        + ShapeText.str(input_shape) + " (not a list of shapes)");
  }

  /** Keras's Merge.build: one batch size, and shapes that broadcast. */
  @Override
  public void build(List<long[]> input_shapes) {
    long batch = -1;
    for (long[] s : input_shapes) {
      if (s.length > 0 && s[0] >= 0) {
        if (batch >= 0 && s[0] != batch) {
          throw new ValueError("Cannot merge tensors with different batch sizes. Got tensors with shapes "
              + shapesText(input_shapes));
        }
        batch = s[0];
      }
    }
    long[] out = input_shapes.get(0);
    for (long[] s : input_shapes.subList(1, input_shapes.size())) {
      out = broadcast(out, s);
    }
    super.build(input_shapes.get(0));
  }

  static String shapesText(List<long[]> shapes) {
    return shapes.stream().map(ShapeText::str).collect(Collectors.joining(", ", "[", "]"));
  }

  /** Keras's {@code _compute_elemwise_op_output_shape}. */
  private static long[] broadcast(long[] a, long[] b) {
    if (a.length < b.length) {
      return broadcast(b, a);
    }
    long[] out = a.clone();
    for (int i = 0; i < b.length; i++) {
      long x = a[a.length - b.length + i];
      long y = b[i];
      if (x == 1 || x < 0) {
        out[a.length - b.length + i] = y;
      } else if (y != 1 && y >= 0 && x != y) {
        throw new ValueError("Inputs have incompatible shapes. Received shapes " + ShapeText.str(a) + " and "
            + ShapeText.str(b));
      }
    }
    return out;
  }

  @Override
  protected Tensor call(List<Tensor> inputs, boolean training) {
    Tensor out = inputs.get(0);
    for (Tensor t : inputs.subList(1, inputs.size())) {
      out = tf.add(out, t);
    }
    return out;
  }
}
