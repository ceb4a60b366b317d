package dev.tfj.ops;

import dev.tfj.errors.InvalidArgumentError;

/**
 * A strided slice resolved against an input shape, as TensorFlow's ValidateStridedSliceOp
 * resolves it: the ellipsis expanded, new axes and shrunk axes placed, masks applied, negative
 * indices wrapped and ranges clamped. The shape rule, the kernel and the gradient all read this,
 * so the three agree by construction.
 */
public final class StridedSliceSpec {
  /** Where each processing (input) dimension starts, and its step. */
  public final long[] begin;
  public final long[] strides;
  /** How many elements each input dimension contributes, before shrinking and new axes. */
  public final long[] processingShape;
  /** The output's shape: shrunk dimensions dropped, new axes inserted as 1. */
  public final long[] finalShape;

  private StridedSliceSpec(long[] begin, long[] strides, long[] processingShape, long[] finalShape) {
    this.begin = begin;
    this.strides = strides;
    this.processingShape = processingShape;
    this.finalShape = finalShape;
  }

  /**
   * The slice a StridedSlice (or StridedSliceGrad) call describes, with the checks of
   * TensorFlow's kernel: begin, end and strides must be vectors of one length.
   */
  public static StridedSliceSpec of(long[] inputShape, Operand begin, Operand end, Operand strides,
      Attrs attrs) {
    long[][] shapes = {begin.shape(), end.shape(), strides.shape()};
    long n = strides.shape().length == 1 ? strides.shape()[0] : -1;
    if (shapes[0].length != 1 || shapes[1].length != 1 || n < 0 || shapes[0][0] != n
        || shapes[1][0] != n || n >= 32) {
      throw new InvalidArgumentError("Expected begin, end, and strides to be 1D equal size tensors,"
          + " but got shapes " + Shapes.str(shapes[0]) + ", " + Shapes.str(shapes[1]) + ", and "
          + Shapes.str(shapes[2]) + " instead.");
    }
    return of(inputShape, begin.longValues(), end.longValues(), strides.longValues(), attrs);
  }

  /** The slice from already checked begin, end and strides values (what kernels hold). */
  public static StridedSliceSpec of(long[] inputShape, long[] begin, long[] end, long[] strides,
      Attrs attrs) {
    return resolve(inputShape, begin, end, strides, mask(attrs, "begin_mask"),
        mask(attrs, "end_mask"), mask(attrs, "ellipsis_mask"), mask(attrs, "new_axis_mask"),
        mask(attrs, "shrink_axis_mask"));
  }

  private static int mask(Attrs attrs, String name) {
    return (int) attrs.integer(name);
  }

  private static StridedSliceSpec resolve(long[] shape, long[] sparseBegin, long[] sparseEnd,
      long[] sparseStrides, int beginMask, int endMask, int ellipsisMask, int newAxisMask,
      int shrinkMask) {
    if ((ellipsisMask & (ellipsisMask - 1)) != 0) {
      throw new InvalidArgumentError("Multiple ellipses in slice spec not allowed");
    }
    // Step 1: with no ellipsis, one is implied after the last spec entry.
    int sparseDims = sparseStrides.length;
    boolean ellipsisSeen = false;
    int newAxesAfterEllipsis = 0;
    for (int i = 0; i < sparseDims; i++) {
      if (ellipsisSeen && (newAxisMask & (1 << i)) != 0) {
        newAxesAfterEllipsis++;
      }
      ellipsisSeen |= (ellipsisMask & (1 << i)) != 0;
    }
    if (!ellipsisSeen) {
      ellipsisMask |= 1 << sparseDims;
      sparseDims++;
    }

    // Step 2: one entry per input dimension (the dense spec), and where the output's dims come from.
    int dims = shape.length;
    long[] begin = new long[dims];
    long[] end = new long[dims];
    long[] strides = new long[dims];
    boolean[] beginMasked = new boolean[dims];
    boolean[] endMasked = new boolean[dims];
    boolean[] shrink = new boolean[dims];
    int[] gather = new int[sparseDims + dims];
    int gathered = 0;
    int full = 0;
    for (int i = 0; i < sparseDims; i++) {
      if ((ellipsisMask & (1 << i)) != 0) {
        int next = Math.min(dims - (sparseDims - i) + 1 + newAxesAfterEllipsis, dims);
        for (; full < next; full++) {
          strides[full] = 1;
          beginMasked[full] = true;
          endMasked[full] = true;
          gather[gathered++] = full;
        }
      } else if ((newAxisMask & (1 << i)) != 0) {
        gather[gathered++] = NEW_AXIS;
      } else {
        // Only an entry that reads an input dimension can run out of them: a scalar takes
        // new axes and ellipses (x[None], x[...], x[()]) but no index or range.
        if (full == dims) {
          throw new InvalidArgumentError(dims == 0 ? "Attempting to slice scalar input."
              : "Index out of range using input dim " + full + "; input has only " + dims
                  + " dims");
        }
        begin[full] = sparseBegin[i];
        end[full] = sparseEnd[i];
        strides[full] = sparseStrides[i];
        beginMasked[full] = (beginMask & (1 << i)) != 0;
        endMasked[full] = (endMask & (1 << i)) != 0;
        shrink[full] = (shrinkMask & (1 << i)) != 0;
        gather[gathered++] = shrink[full] ? SHRUNK : full;
        full++;
      }
    }

    // Step 3: explicit, bounds-checked ranges and the size of each.
    long[] processing = new long[dims];
    for (int i = 0; i < dims; i++) {
      long stride = strides[i];
      long dim = shape[i];
      if (stride == 0) {
        throw new InvalidArgumentError("strides[" + i + "] must be non-zero");
      }
      if (shrink[i] && stride <= 0) {
        throw new InvalidArgumentError("only stride 1 allowed on non-range indexing.");
      }
      if (shrink[i]) {
        long at = begin[i] < 0 ? dim + begin[i] : begin[i];
        if (at < 0 || at >= dim) {
          throw new InvalidArgumentError("slice index " + at + " of dimension " + i
              + " out of bounds.");
        }
        begin[i] = at;
        end[i] = at + 1;
      } else {
        begin[i] = canonical(begin[i], beginMasked[i], true, stride, dim);
        end[i] = canonical(end[i], endMasked[i], false, stride, dim);
      }
      long interval = end[i] - begin[i];
      processing[i] = interval == 0 || (interval < 0) != (stride < 0) ? 0
          : interval / stride + (interval % stride != 0 ? 1 : 0);
    }

    // Step 4: the final shape.
    int rank = 0;
    long[] finalShape = new long[gathered];
    for (int k = 0; k < gathered; k++) {
      if (gather[k] >= 0) {
        finalShape[rank++] = processing[gather[k]];
      } else if (gather[k] == NEW_AXIS) {
        finalShape[rank++] = 1;
      }
    }
    return new StridedSliceSpec(begin, strides, processing, java.util.Arrays.copyOf(finalShape, rank));
  }

  private static final int SHRUNK = -1;
  private static final int NEW_AXIS = -2;

  /**
   * A begin or end made explicit: a masked one takes the far end the stride walks from (or to);
   * otherwise negatives wrap once and the result is clamped to the walkable range.
   */
  private static long canonical(long x, boolean masked, boolean isBegin, long stride, long dim) {
    long low = stride > 0 ? 0 : -1;
    long high = stride > 0 ? dim : dim - 1;
    if (masked) {
      return isBegin == (stride > 0) ? low : high;
    }
    long forward = x < 0 ? dim + x : x;
    return forward < low ? low : Math.min(forward, high);
  }
}
