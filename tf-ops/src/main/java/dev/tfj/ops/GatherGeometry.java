package dev.tfj.ops;

import dev.tfj.errors.InvalidArgumentError;

/**
 * A GatherV2 call seen as TensorFlow's kernel sees it: params as [batch, outer, gatherSize,
 * inner] and indices as [batch, count], so that {@code out[b, o, n, i] = params[b, o,
 * indices[b, n], i]}. The shape rule, the kernel and the gradient share it.
 */
public final class GatherGeometry {
  public final long batch;
  public final long outer;
  public final long gatherSize;
  public final long inner;
  public final long count;
  private final long[] params;
  private final long[] indices;
  private final int axis;
  private final int batchDims;

  private GatherGeometry(long[] params, long[] indices, int axis, int batchDims) {
    this.params = params;
    this.indices = indices;
    this.axis = axis;
    this.batchDims = batchDims;
    this.batch = product(params, 0, batchDims);
    this.outer = product(params, batchDims, axis);
    this.gatherSize = params[axis];
    this.inner = product(params, axis + 1, params.length);
    this.count = product(indices, batchDims, indices.length);
  }

  /** The geometry of a GatherV2(params, indices, axis; batch_dims) call, with its kernel's checks. */
  public static GatherGeometry of(Operand[] in, Attrs attrs) {
    requireParamsVector(in[0].shape());
    if (in[2].shape().length != 0) {
      throw new InvalidArgumentError("axis must be scalar");
    }
    return of(in[0].shape(), in[1].shape(), in[2].longValues()[0], attrs.integer("batch_dims"));
  }

  /** The geometry from shapes and values (what kernels hold). */
  public static GatherGeometry of(long[] params, long[] indices, long axis, long batchDims) {
    requireParamsVector(params);
    long minRank = axis < 0 ? -axis : axis + 1;
    if (params.length < minRank) {
      throw new InvalidArgumentError("Shape must be at least rank " + minRank + " but is rank "
          + params.length);
    }
    axis = axis < 0 ? axis + params.length : axis;
    if (batchDims != 0) {
      if (batchDims < -indices.length || batchDims > indices.length) {
        throw new InvalidArgumentError("Expected batch_dims in the range [" + -indices.length
            + ", " + indices.length + "], but got " + batchDims);
      }
      batchDims = batchDims < 0 ? batchDims + indices.length : batchDims;
      if (batchDims >= params.length) {
        throw new InvalidArgumentError("batch_dims (" + batchDims + ") must be less than"
            + " rank(params) (" + params.length + ").");
      }
      if (axis < batchDims) {
        throw new InvalidArgumentError("batch_dims (" + batchDims + ") must be less than or equal"
            + " to axis (" + axis + ").");
      }
      for (int i = 0; i < batchDims; i++) {
        if (params[i] != indices[i]) {
          throw new InvalidArgumentError("params.shape[" + i + "]: " + params[i]
              + " should be equal to indices.shape[" + i + "]: " + indices[i]);
        }
      }
    }
    return new GatherGeometry(params, indices, (int) axis, (int) batchDims);
  }

  private static void requireParamsVector(long[] params) {
    if (params.length == 0) {
      throw new InvalidArgumentError("params must be at least 1 dimensional");
    }
  }

  /** params.shape[:axis] + indices.shape[batch_dims:] + params.shape[axis + 1:]. */
  public long[] outputShape() {
    int rank = axis + (indices.length - batchDims) + (params.length - axis - 1);
    long[] out = new long[rank];
    System.arraycopy(params, 0, out, 0, axis);
    System.arraycopy(indices, batchDims, out, axis, indices.length - batchDims);
    System.arraycopy(params, axis + 1, out, rank - (params.length - axis - 1),
        params.length - axis - 1);
    return out;
  }

  /** Raises TensorFlow's error for the first index outside [0, gatherSize). */
  public void checkIndices(long[] values) {
    for (int i = 0; i < values.length; i++) {
      if (values[i] < 0 || values[i] >= gatherSize) {
        throw new InvalidArgumentError("indices" + GatherOps.coordinates(indices, i) + " = "
            + values[i] + " is not in [0, " + gatherSize + ")");
      }
    }
  }

  /**
   * The dense gradient for params: dy's rows summed into zeros of params' shape at the gathered
   * positions. Rows are moved so each batch's gathered axis comes first, scattered with
   * ScatterNd (which sums repeats), and moved back.
   */
  Operand gradient(OpRunner o, Operand indicesTensor, Operand dy) {
    long[] flat = indicesTensor.longValues();
    long[] rows = new long[flat.length];
    for (int i = 0; i < flat.length; i++) {
      rows[i] = (i / Math.max(count, 1)) * gatherSize + flat[i];
    }
    Operand rowIndices = o.constant(DType.INT64, new long[] {rows.length, 1}, rows);
    Operand values = o.transpose(o.reshape(dy, batch, outer, count, inner), 0, 2, 1, 3);
    Operand scattered = o.scatterNd(rowIndices, o.reshape(values, batch * count, outer, inner),
        o.indexVector(DType.INT64, new long[] {batch * gatherSize, outer, inner}));
    Operand back = o.transpose(o.reshape(scattered, batch, gatherSize, outer, inner), 0, 2, 1, 3);
    return o.reshape(back, params);
  }

  private static long product(long[] shape, int from, int to) {
    long n = 1;
    for (int i = from; i < to; i++) {
      n *= shape[i];
    }
    return n;
  }
}
