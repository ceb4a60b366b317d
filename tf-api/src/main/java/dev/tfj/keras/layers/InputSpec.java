package dev.tfj.keras.layers;

import dev.tfj.Tensor;
import dev.tfj.errors.ValueError;
import dev.tfj.keras.ShapeText;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code keras.layers.InputSpec}: the rank and axis sizes a layer accepts, checked on its input at
 * every call with Keras 3's messages ({@code Input 0 with name 'None' of layer 'dense' is
 * incompatible with the layer: expected min_ndim=2, found ndim=1. Full shape received: (3,)}).
 * Null fields check nothing; axes map an axis (negative counts from the end) to its size.
 */
public final class InputSpec {
  final Integer ndim;
  final Integer min_ndim;
  final Integer max_ndim;
  final Map<Integer, Long> axes;

  public InputSpec(Integer ndim, Integer min_ndim, Integer max_ndim, Map<Integer, Long> axes) {
    this.ndim = ndim;
    this.min_ndim = min_ndim;
    this.max_ndim = max_ndim;
    this.axes = axes == null ? Map.of() : new TreeMap<>(axes);
  }

  public static InputSpec ndim(int ndim) {
    return new InputSpec(ndim, null, null, null);
  }

  public static InputSpec min_ndim(int min_ndim) {
    return new InputSpec(null, min_ndim, null, null);
  }

  public static InputSpec min_ndim(int min_ndim, int axis, long size) {
    return new InputSpec(null, min_ndim, null, Map.of(axis, size));
  }

  /** Keras's {@code _check_input_spec} for input {@code index} of layer {@code layer}. */
  void check(Tensor x, int index, String layer) {
    long[] shape = x.shape().as_list();
    int rank = shape.length;
    String prefix = "Input " + index + " with name 'None' of layer '" + layer + "' is incompatible with the layer: ";
    String full = ShapeText.str(shape);
    if (ndim != null && rank != ndim) {
      throw new ValueError(prefix + "expected ndim=" + ndim + ", found ndim=" + rank + ". Full shape received: " + full);
    }
    if (max_ndim != null && rank > max_ndim) {
      throw new ValueError(prefix + "expected max_ndim=" + max_ndim + ", found ndim=" + rank);
    }
    if (min_ndim != null && rank < min_ndim) {
      throw new ValueError(prefix + "expected min_ndim=" + min_ndim + ", found ndim=" + rank
          + ". Full shape received: " + full);
    }
    for (Map.Entry<Integer, Long> e : axes.entrySet()) {
      int axis = e.getKey();
      if (axis < -rank || axis >= rank) {
        throw new ValueError(prefix + "axis " + axis + " is out of bounds for an input with ndim=" + rank
            + ". Full shape received: " + full);
      }
      if (shape[axis < 0 ? axis + rank : axis] != e.getValue()) {
        throw new ValueError(prefix + "expected axis " + axis + " of input shape to have value " + e.getValue()
            + ", but received input with shape " + full);
      }
    }
  }
}
