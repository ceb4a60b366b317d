package dev.tfj.keras.layers;

import dev.tfj.errors.ValueError;

/** Axis bookkeeping shared by BatchNormalization and LayerNormalization. */
final class Normalization {
  private Normalization() {}

  /** {@code axis} made non-negative for an input of {@code rank}, with Keras's error. */
  static int[] positive(int[] axis, int rank, long[] shape) {
    int[] out = new int[axis.length];
    for (int i = 0; i < axis.length; i++) {
      out[i] = axis[i] < 0 ? axis[i] + rank : axis[i];
      if (out[i] < 0 || out[i] >= rank) {
        throw new ValueError("Invalid axis: " + axis[i] + ". Input has " + rank + " dimensions... Received:"
            + " input_shape=" + dev.tfj.keras.ShapeText.str(shape));
      }
    }
    return out;
  }

  /** The axes not in {@code axes}: what the statistics reduce over. */
  static int[] others(int[] axes, int rank) {
    return java.util.stream.IntStream.range(0, rank)
        .filter(i -> java.util.Arrays.stream(axes).noneMatch(a -> a == i)).toArray();
  }

  /** A parameter's shape broadcast against the input: the input's sizes at {@code axes}, 1 elsewhere. */
  static long[] broadcastShape(int[] axes, long[] shape) {
    long[] out = new long[shape.length];
    java.util.Arrays.fill(out, 1);
    for (int a : axes) {
      out[a] = shape[a];
    }
    return out;
  }

  static long[] paramShape(int[] axes, long[] shape) {
    return java.util.Arrays.stream(axes).mapToLong(a -> shape[a]).toArray();
  }
}
