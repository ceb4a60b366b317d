package dev.tfj.ops;

import static dev.tfj.ops.GradientFn.grads;

import dev.tfj.errors.InvalidArgumentError;

/**
 * Ops that read a box of a tensor, possibly strided or reversed (slice, strided_slice, reverse),
 * with their shape rules and gradients (array_grad.py).
 */
public final class SliceOps {
  private SliceOps() {}

  static void load() {}

  /** Slice(input, begin, size); the gradient pads dy back to the input's shape. */
  public static final Op SLICE = Op.define("Slice")
      .outputShape(SliceOps::sliceShape)
      .gradient((o, c) -> {
        long[] x = c.x().shape();
        long[] begin = c.y().longValues();
        long[] size = c.out().shape();
        long[][] paddings = new long[x.length][];
        for (int i = 0; i < x.length; i++) {
          paddings[i] = new long[] {begin[i], x[i] - begin[i] - size[i]};
        }
        return grads(o.pad(c.dy(), paddings), null, null);
      });

  /**
   * StridedSlice(input, begin, end, strides; the five masks). The gradient is StridedSliceGrad,
   * which scatters dy into zeros of the input's shape through the same slice.
   */
  public static final Op STRIDED_SLICE = Op.define("StridedSlice")
      .outputShape((in, a) -> StridedSliceSpec.of(in[0].shape(), in[1], in[2], in[3], a).finalShape)
      .gradient((o, c) -> {
        Operand[] in = c.inputs();
        Operand shape = o.indexVector(in[1].dtype(), c.x().shape());
        return grads(o.stridedSliceGrad(shape, in[1], in[2], in[3], c.dy(), c.attrs()),
            null, null, null);
      });

  /** StridedSliceGrad(shape, begin, end, strides, dy); its own gradient slices again. */
  public static final Op STRIDED_SLICE_GRAD = Op.define("StridedSliceGrad")
      .outputShape((in, a) -> {
        long[] shape = ShapeRules.shapeFromInput(in, 0);
        long[] sliced = StridedSliceSpec.of(shape, in[1], in[2], in[3], a).finalShape;
        if (!java.util.Arrays.equals(sliced, in[4].shape())) {
          throw new InvalidArgumentError("shape of dy was " + Shapes.str(in[4].shape())
              + " instead of " + Shapes.str(sliced));
        }
        return shape;
      })
      .gradient((o, c) -> {
        Operand[] in = c.inputs();
        return grads(null, null, null, null, o.stridedSlice(c.dy(), in[1], in[2], in[3], c.attrs()));
      });

  /** ReverseV2(tensor, axis); reversing is its own inverse, so the gradient reverses dy. */
  public static final Op REVERSE = Op.define("ReverseV2")
      .outputShape((in, a) -> {
        long[] x = in[0].shape();
        if (x.length > 0 && Shapes.numElements(x) > 0) {
          reversedAxes(x.length, in[1].shape(), in[1].longValues());
        }
        return x;
      })
      .gradient((o, c) -> grads(o.reverse(c.dy(), c.y()), null));

  /**
   * Which axes a ReverseV2 call reverses, with its kernel's checks. (A scalar or empty input is
   * returned as it is, unchecked, as TensorFlow's kernel does.)
   */
  public static boolean[] reversedAxes(int rank, long[] axisShape, long[] axes) {
    if (axisShape.length != 1) {
      throw new InvalidArgumentError("'dims' must be 1-dimension, not " + axisShape.length);
    }
    boolean[] reversed = new boolean[rank];
    for (int i = 0; i < axes.length; i++) {
      long d = axes[i] < 0 ? axes[i] + rank : axes[i];
      if (d < 0 || d >= rank) {
        throw new InvalidArgumentError("'axis'[" + i + "] = " + axes[i]
            + " is out of valid range [0, " + (rank - 1));
      }
      if (reversed[(int) d]) {
        throw new InvalidArgumentError("axis " + d + " specified more than once.");
      }
      reversed[(int) d] = true;
    }
    return reversed;
  }

  private static long[] sliceShape(Operand[] in, Attrs a) {
    long[] x = in[0].shape();
    long[] beginShape = in[1].shape();
    long[] sizeShape = in[2].shape();
    long[] begin = in[1].longValues();
    long[] size = in[2].longValues();
    if (beginShape.length != 1 || sizeShape.length != 1 || begin.length != x.length
        || size.length != x.length) {
      throw new InvalidArgumentError("Expected begin and size arguments to be 1-D tensors of size "
          + x.length + ", but got shapes " + Shapes.str(beginShape) + " and "
          + Shapes.str(sizeShape) + " instead.");
    }
    long[] out = new long[x.length];
    for (int i = 0; i < x.length; i++) {
      long b = begin[i];
      long s = size[i] == -1 ? x[i] - b : size[i];
      if (x[i] == 0) {
        if (b != 0 || s != 0) {
          throw new InvalidArgumentError("Expected begin[" + i + "] == 0 (got " + b + ") and size["
              + i + "] == 0 (got " + s + ") when input.dim_size(" + i + ") == 0");
        }
      } else {
        if (b < 0 || b > x[i]) {
          throw new InvalidArgumentError("Expected begin[" + i + "] in [0, " + x[i] + "], but got "
              + b);
        }
        if (s < 0 || b + s > x[i]) {
          throw new InvalidArgumentError("Expected size[" + i + "] in [0, " + (x[i] - b)
              + "], but got " + s);
        }
      }
      out[i] = s;
    }
    return out;
  }
}
