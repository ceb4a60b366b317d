package dev.tfj.ops;

import dev.tfj.errors.InvalidArgumentError;

/** Static helpers on shapes held as {@code long[]} (the runtime form: no wrapper per op call). */
public final class Shapes {
  public static final long[] SCALAR = new long[0];

  private Shapes() {}

  public static long numElements(long[] shape) {
    long n = 1;
    for (long d : shape) {
      n *= d;
    }
    return n;
  }

  /** TensorFlow's message form: {@code [2,3]}. */
  public static String str(long[] shape) {
    StringBuilder s = new StringBuilder("[");
    for (int i = 0; i < shape.length; i++) {
      s.append(i == 0 ? "" : ",").append(shape[i]);
    }
    return s.append(']').toString();
  }

  /** Row-major strides, in elements. */
  public static long[] strides(long[] shape) {
    long[] s = new long[shape.length];
    long acc = 1;
    for (int i = shape.length - 1; i >= 0; i--) {
      s[i] = acc;
      acc *= shape[i];
    }
    return s;
  }

  /** NumPy's broadcast of two shapes, or TensorFlow's "Incompatible shapes" error. */
  public static long[] broadcast(long[] a, long[] b) {
    if (java.util.Arrays.equals(a, b)) {
      return a;
    }
    int rank = Math.max(a.length, b.length);
    long[] out = new long[rank];
    for (int i = 0; i < rank; i++) {
      long da = dimFromEnd(a, rank - 1 - i);
      long db = dimFromEnd(b, rank - 1 - i);
      if (da != db && da != 1 && db != 1) {
        throw new InvalidArgumentError("Incompatible shapes: " + str(a) + " vs. " + str(b));
      }
      out[i] = da == 1 ? db : da;
    }
    return out;
  }

  private static long dimFromEnd(long[] shape, int fromEnd) {
    int i = shape.length - 1 - fromEnd;
    return i >= 0 ? shape[i] : 1;
  }

  /**
   * The axes of {@code outShape} over which a gradient must be summed to get back to
   * {@code inShape} (TensorFlow's BroadcastGradientArgs, for one side).
   */
  public static int[] broadcastReductionAxes(long[] inShape, long[] outShape) {
    int pad = outShape.length - inShape.length;
    int count = 0;
    int[] axes = new int[outShape.length];
    for (int i = 0; i < outShape.length; i++) {
      if (i < pad || (inShape[i - pad] == 1 && outShape[i] != 1)) {
        axes[count++] = i;
      }
    }
    return java.util.Arrays.copyOf(axes, count);
  }

  /** {@code shape} with a dimension of size {@code size} inserted before {@code axis}. */
  public static long[] insertAxis(long[] shape, int axis, long size) {
    long[] out = new long[shape.length + 1];
    System.arraycopy(shape, 0, out, 0, axis);
    out[axis] = size;
    System.arraycopy(shape, axis, out, axis + 1, shape.length - axis);
    return out;
  }

  /** {@code shape} without dimension {@code axis}. */
  public static long[] removeAxis(long[] shape, int axis) {
    long[] out = new long[shape.length - 1];
    System.arraycopy(shape, 0, out, 0, axis);
    System.arraycopy(shape, axis + 1, out, axis, out.length - axis);
    return out;
  }

  /** Resolves a possibly negative axis against a rank, or null when out of range. */
  public static int normalizeAxis(long axis, int rank) {
    return (int) (axis < 0 ? axis + rank : axis);
  }
}
