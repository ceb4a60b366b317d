package dev.tfj.ops;

import static dev.tfj.ops.GradientFn.grads;

import dev.tfj.errors.InvalidArgumentError;

/**
 * Ops that read or write a tensor at given indices (gather, gather_nd, scatter_nd, one_hot).
 * Index checks live in the shape rules, with the messages of TensorFlow's kernels, so an
 * out-of-range index is rejected before any kernel runs, on every device.
 *
 * <p>Where TensorFlow's gradients of gathers are {@code IndexedSlices}, TFJ's are the dense
 * tensors {@code tf.convert_to_tensor} would make of them: the same numbers, summed over
 * repeated indices.
 */
public final class GatherOps {
  private GatherOps() {}

  static void load() {}

  /** GatherV2(params, indices, axis; batch_dims). */
  public static final Op GATHER = Op.define("GatherV2")
      .outputShape((in, a) -> {
        GatherGeometry geometry = GatherGeometry.of(in, a);
        geometry.checkIndices(in[1].longValues());
        return geometry.outputShape();
      })
      .gradient((o, c) -> grads(GatherGeometry.of(c.inputs(), c.attrs()).gradient(o, c.y(), c.dy()),
          null, null));

  /** GatherNd(params, indices); the gradient scatters dy back (ScatterNd sums repeats). */
  public static final Op GATHER_ND = Op.define("GatherNd")
      .outputShape(GatherOps::gatherNdShape)
      .gradient((o, c) -> grads(
          o.scatterNd(c.y(), c.dy(), o.indexVector(c.y().dtype(), c.x().shape())), null));

  /** ScatterNd(indices, updates, shape): sums updates into zeros; the gradient gathers dy. */
  public static final Op SCATTER_ND = Op.define("ScatterNd")
      .outputShape(GatherOps::scatterNdShape)
      .gradient((o, c) -> grads(null, o.gatherNd(c.dy(), c.x()), null));

  /** OneHot(indices, depth, on_value, off_value; axis). TensorFlow registers it not differentiable. */
  public static final Op ONE_HOT = Op.define("OneHot")
      .outputShape(GatherOps::oneHotShape)
      .notDifferentiable();

  /** TensorFlow's SliceDebugString: the coordinates of flat element {@code flat} of {@code shape}. */
  static String coordinates(long[] shape, long flat) {
    if (shape.length == 0) {
      return "";
    }
    long[] at = new long[shape.length];
    for (int d = shape.length - 1; d >= 0; d--) {
      at[d] = flat % shape[d];
      flat /= shape[d];
    }
    return Shapes.str(at);
  }

  // ---- shape rules ----

  private static long[] gatherNdShape(Operand[] in, Attrs a) {
    long[] params = in[0].shape();
    long[] indices = in[1].shape();
    if (params.length == 0) {
      throw new InvalidArgumentError("params must be at least a vector");
    }
    if (indices.length == 0) {
      throw new InvalidArgumentError("indices must be at least a vector");
    }
    int depth = (int) indices[indices.length - 1];
    if (depth > params.length) {
      throw new InvalidArgumentError("index innermost dimension length must be <= params rank;"
          + " saw: " + depth + " vs. " + params.length);
    }
    long[] batch = java.util.Arrays.copyOf(indices, indices.length - 1);
    long[] out = concat(batch, java.util.Arrays.copyOfRange(params, depth, params.length));
    if (Shapes.numElements(out) > 0) {
      if (Shapes.numElements(params) == 0) {
        throw new InvalidArgumentError("Requested more than 0 entries, but params is empty. "
            + " Params shape: " + Shapes.str(params));
      }
      long bad = firstOutside(in[1].longValues(), depth, params);
      if (bad >= 0) {
        throw new InvalidArgumentError("indices" + coordinates(batch, bad) + " = "
            + tuple(in[1].longValues(), bad, depth) + " does not index into param shape "
            + Shapes.str(params) + ", node name: GatherNd");
      }
    }
    return out;
  }

  /** ScatterNd's checks in its kernel's order: the op's own, then its scatter functor's. */
  private static long[] scatterNdShape(Operand[] in, Attrs a) {
    long[] indices = in[0].shape();
    long[] updates = in[1].shape();
    if (indices.length < 1) {
      throw new InvalidArgumentError("Indices shape must have rank at least one. Found:"
          + Shapes.str(indices));
    }
    if (updates.length < 1) {
      throw new InvalidArgumentError("Updates shape must have rank at least one. Found:"
          + Shapes.str(updates));
    }
    long[] shape = ShapeRules.shapeFromInput(in, 2);
    long indexCount = Shapes.numElements(indices);
    long updateCount = Shapes.numElements(updates);
    if (!validEmptyOutput(shape.length, indexCount, updateCount)) {
      throw new InvalidArgumentError("Indices and updates specified for empty output shape");
    }
    int outer = indices.length - 1;
    int depth = (int) indices[outer];
    String suffix = "Dimensions [" + depth + "," + shape.length + ") of input[shape="
        + Shapes.str(shape) + "] must match dimensions [" + outer + "," + updates.length
        + ") of updates[shape=" + Shapes.str(updates) + "]";
    for (int i = 0; i < outer; i++) {
      if (i >= updates.length || indices[i] != updates[i]) {
        throw new InvalidArgumentError("Dimensions [0," + outer + ") of indices[shape="
            + Shapes.str(indices) + "] must match dimensions [0," + outer + ") of updates[shape="
            + Shapes.str(updates) + "]");
      }
    }
    if (updates.length - outer != shape.length - depth) {
      throw new InvalidArgumentError(suffix);
    }
    for (int i = 0; i + outer < updates.length; i++) {
      if (updates[i + outer] != shape[depth + i]) {
        throw new InvalidArgumentError(suffix);
      }
    }
    // The scatter functor's own checks; it reads rank-1 indices as a column of scalar indices.
    if (shape.length == 0) {
      throw new InvalidArgumentError("Output must be at least 1-D, got shape: " + Shapes.str(shape));
    }
    if (!validEmptyOutput(Shapes.numElements(shape), indexCount, updateCount)) {
      throw new InvalidArgumentError("Indices and updates specified for empty output.  indices"
          + " shape: " + Shapes.str(indices));
    }
    if (updates[0] != indices[0]) {
      throw new InvalidArgumentError("Dimensions [0,1) of indices[shape=" + Shapes.str(indices)
          + "] = " + indices[0] + " must match dimensions [0,1) of updates[shape="
          + Shapes.str(updates) + "] = " + updates[0]);
    }
    int sliceDim = indices.length > 1 ? depth : 1;
    checkUpdatesShape(shape, indices, updates, sliceDim, indices.length > 1 ? outer : 1);
    if (Shapes.numElements(shape) == 0) {
      return shape;
    }
    if (sliceDim < 1 || sliceDim > 7) {
      throw new InvalidArgumentError("Only indices.shape[-1] values between 1 and 5 are currently"
          + " supported.  Requested rank: " + sliceDim);
    }
    long bad = firstOutside(in[0].longValues(), sliceDim, shape);
    if (bad >= 0) {
      long[] slices = java.util.Arrays.copyOf(indices, indices.length - 1);
      throw new InvalidArgumentError("indices" + coordinates(slices, bad) + " = "
          + tuple(in[0].longValues(), bad, sliceDim) + " does not index into shape "
          + Shapes.str(shape));
    }
    return shape;
  }

  /** TensorFlow's ValidEmptyOutputShape: no updates at all, or something everywhere. */
  private static boolean validEmptyOutput(long outputs, long indices, long updates) {
    return indices == 0 && updates == 0 || outputs != 0 && indices != 0 && updates != 0;
  }

  /** The scatter functor's check: updates must be indices.shape[:batch] + shape[depth:]. */
  private static void checkUpdatesShape(long[] shape, long[] indices, long[] updates, int depth,
      int batch) {
    String prefix = "Dimensions [0," + batch + ") of indices[shape=" + Shapes.str(indices)
        + "] must match dimensions [0," + batch + ") of updates[shape=" + Shapes.str(updates) + "]";
    String suffix = "Dimensions [" + depth + "," + shape.length + ") of input[shape="
        + Shapes.str(shape) + "] must match dimensions [" + depth + "," + updates.length
        + ") of updates[shape=" + Shapes.str(updates) + "]";
    if (updates.length < batch) {
      throw new InvalidArgumentError(prefix);
    }
    if (shape.length < depth + (updates.length - batch)
        || updates.length != batch + shape.length - depth) {
      throw new InvalidArgumentError(suffix);
    }
    for (int d = 0; d < batch; d++) {
      if (updates[d] != indices[d]) {
        throw new InvalidArgumentError(prefix);
      }
    }
    for (int d = 0; d < updates.length - batch; d++) {
      if (updates[d + batch] != shape[d + depth]) {
        throw new InvalidArgumentError(suffix);
      }
    }
  }

  private static long[] oneHotShape(Operand[] in, Attrs a) {
    long[] indices = in[0].shape();
    int outputRank = indices.length + 1;
    long axis = a.integer("axis");
    if (axis != -1 && (axis < 0 || axis >= outputRank)) {
      throw new InvalidArgumentError("Expected axis to be -1 or between [0, " + outputRank
          + ").  But received: " + axis);
    }
    String[] names = {"depth", "on_value", "off_value"};
    for (int i = 0; i < names.length; i++) {
      if (in[i + 1].shape().length != 0) {
        throw new InvalidArgumentError(names[i] + " must be a scalar, but got: "
            + Shapes.str(in[i + 1].shape()));
      }
    }
    long depth = in[1].longValues()[0];
    if (depth < 0) {
      throw new InvalidArgumentError("depth must be non-negative, got: " + depth);
    }
    return Shapes.insertAxis(indices, axis == -1 ? indices.length : (int) axis, depth);
  }

  /** The first index tuple (of {@code depth} values each) that falls outside {@code shape}, or -1. */
  private static long firstOutside(long[] flat, int depth, long[] shape) {
    if (depth == 0) {
      return -1;
    }
    for (int i = 0; i < flat.length; i++) {
      long v = flat[i];
      if (v < 0 || v >= shape[i % depth]) {
        return i / depth;
      }
    }
    return -1;
  }

  /** Index tuple {@code n} as TensorFlow prints it: {@code [0, 3]}. */
  private static String tuple(long[] flat, long n, int depth) {
    StringBuilder s = new StringBuilder("[");
    for (int k = 0; k < depth; k++) {
      s.append(k == 0 ? "" : ", ").append(flat[(int) n * depth + k]);
    }
    return s.append(']').toString();
  }

  private static long[] concat(long[] a, long[] b) {
    long[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
