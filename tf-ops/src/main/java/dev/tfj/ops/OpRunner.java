package dev.tfj.ops;

import java.util.List;

/**
 * Runs ops on operands. The eager runtime implements {@link #run} by executing the op now (and
 * recording it on active tapes); gradient rules and the public API both speak through the
 * helpers below, so each op's Java spelling with its attrs exists once.
 */
public abstract class OpRunner {
  /** Runs {@code op} and returns its outputs. */
  public abstract Operand[] run(Op op, Attrs attrs, Operand... inputs);

  /** A constant with the given host data (a Java primitive array of the dtype's kind). */
  public abstract Operand constant(DType dtype, long[] shape, Object data);

  public final Operand run1(Op op, Attrs attrs, Operand... inputs) {
    return run(op, attrs, inputs)[0];
  }

  /** A scalar of {@code dtype}; a null dtype is TensorFlow's {@code as_dtype(None)} error. */
  public final Operand scalar(DType dtype, double value) {
    return constant(PythonNone.dtype(dtype), Shapes.SCALAR, HostArrays.scalar(dtype, value));
  }

  /**
   * An int32 vector, the form TensorFlow gives shape, axis and permutation arguments. A null
   * array is None, which TensorFlow fails to convert to a tensor.
   */
  public final Operand int32s(long... values) {
    int[] data = new int[PythonNone.tensorValue(values).length];
    for (int i = 0; i < data.length; i++) {
      data[i] = Math.toIntExact(values[i]);
    }
    return constant(DType.INT32, new long[] {data.length}, data);
  }

  public final Operand int32s(int... values) {
    return constant(DType.INT32, new long[] {PythonNone.tensorValue(values).length}, values.clone());
  }

  // ---- array ops ----

  public final Operand identity(Operand x) {
    return run1(ArrayOps.IDENTITY, Attrs.NONE, x);
  }

  public final Operand stopGradient(Operand x) {
    return run1(ArrayOps.STOP_GRADIENT, Attrs.NONE, x);
  }

  public final Operand reshape(Operand x, long... shape) {
    return run1(ArrayOps.RESHAPE, Attrs.NONE, x, int32s(shape));
  }

  public final Operand transpose(Operand x, int... perm) {
    return run1(ArrayOps.TRANSPOSE, Attrs.NONE, x, int32s(perm));
  }

  public final Operand broadcastTo(Operand x, long... shape) {
    return run1(ArrayOps.BROADCAST_TO, Attrs.NONE, x, int32s(shape));
  }

  /** Null axes (TensorFlow's None) take the OpDef's default: every axis of size 1. */
  public final Operand squeeze(Operand x, int... axes) {
    return run1(ArrayOps.SQUEEZE, Attrs.of("squeeze_dims", axes == null ? null : axes.clone()), x);
  }

  public final Operand expandDims(Operand x, int axis) {
    return run1(ArrayOps.EXPAND_DIMS, Attrs.NONE, x, int32s(axis));
  }

  public final Operand fill(long[] shape, Operand value) {
    return run1(ArrayOps.FILL, Attrs.NONE, int32s(shape), value);
  }

  public final Operand zerosLike(Operand x) {
    return run1(ArrayOps.ZEROS_LIKE, Attrs.NONE, x);
  }

  public final Operand onesLike(Operand x) {
    return run1(ArrayOps.ONES_LIKE, Attrs.NONE, x);
  }

  public final Operand range(Operand start, Operand limit, Operand delta) {
    return run1(ArrayOps.RANGE, Attrs.NONE, start, limit, delta);
  }

  public final Operand select(Operand condition, Operand x, Operand y) {
    return run1(ArrayOps.SELECT_V2, Attrs.NONE, condition, x, y);
  }

  // ---- shape and indexing (issue 3) ----

  /** An integer vector of {@code dtype} (int32 or int64): index and shape arguments. */
  public final Operand indexVector(DType dtype, long[] values) {
    if (dtype == DType.INT64) {
      return constant(DType.INT64, new long[] {PythonNone.tensorValue(values).length}, values.clone());
    }
    return int32s(values);
  }

  public final Operand shape(Operand x, DType outType) {
    return run1(ArrayOps.SHAPE, Attrs.of("out_type", outType), x);
  }

  public final Operand size(Operand x, DType outType) {
    return run1(ArrayOps.SIZE, Attrs.of("out_type", outType), x);
  }

  public final Operand rank(Operand x) {
    return run1(ArrayOps.RANK, Attrs.NONE, x);
  }

  public final Operand concat(List<? extends Operand> values, int axis) {
    Operand[] in = values.toArray(new Operand[values.size() + 1]);
    in[values.size()] = scalar(DType.INT32, axis);
    return run1(JoinOps.CONCAT, Attrs.of("N", values.size()), in);
  }

  public final Operand stack(List<? extends Operand> values, int axis) {
    return run1(JoinOps.PACK, Attrs.of("N", values.size(), "axis", axis),
        values.toArray(new Operand[0]));
  }

  public final Operand[] unstack(Operand x, int num, int axis) {
    return run(JoinOps.UNPACK, Attrs.of("num", num, "axis", axis), x);
  }

  /** Split into {@code num} equal parts along {@code axis}. */
  public final Operand[] split(Operand x, int num, int axis) {
    return run(JoinOps.SPLIT, Attrs.of("num_split", num), scalar(DType.INT32, axis), x);
  }

  /** Split into parts of the given sizes along {@code axis}; one size may be -1. */
  public final Operand[] splitV(Operand x, long[] sizes, int axis) {
    return splitV(x, sizes, axis, sizes.length);
  }

  /** SplitV with an explicit output count, which TensorFlow checks against the sizes. */
  public final Operand[] splitV(Operand x, long[] sizes, int axis, int num) {
    return run(JoinOps.SPLIT_V, Attrs.of("num_split", num), x, int32s(sizes),
        scalar(DType.INT32, axis));
  }

  public final Operand slice(Operand x, long[] begin, long[] size) {
    return run1(SliceOps.SLICE, Attrs.NONE, x, int32s(begin), int32s(size));
  }

  /**
   * StridedSlice; {@code masks} holds begin_mask, end_mask, ellipsis_mask, new_axis_mask and
   * shrink_axis_mask (see {@link #sliceMasks}).
   */
  public final Operand stridedSlice(Operand x, Operand begin, Operand end, Operand strides,
      Attrs masks) {
    return run1(SliceOps.STRIDED_SLICE, masks, x, begin, end, strides);
  }

  public final Operand stridedSliceGrad(Operand shape, Operand begin, Operand end, Operand strides,
      Operand dy, Attrs masks) {
    return run1(SliceOps.STRIDED_SLICE_GRAD, masks, shape, begin, end, strides, dy);
  }

  /** The attrs of a strided slice, in TensorFlow's order. */
  public static Attrs sliceMasks(int beginMask, int endMask, int ellipsisMask, int newAxisMask,
      int shrinkAxisMask) {
    return Attrs.of("begin_mask", beginMask, "end_mask", endMask, "ellipsis_mask", ellipsisMask,
        "new_axis_mask", newAxisMask, "shrink_axis_mask", shrinkAxisMask);
  }

  public final Operand reverse(Operand x, Operand axes) {
    return run1(SliceOps.REVERSE, Attrs.NONE, x, axes);
  }

  public final Operand tile(Operand x, Operand multiples) {
    return run1(PadOps.TILE, Attrs.NONE, x, multiples);
  }

  /** Pad with zeros; {@code paddings[d]} is {before, after} for dimension d. */
  public final Operand pad(Operand x, long[][] paddings) {
    return run1(PadOps.PAD, Attrs.NONE, x, paddingsMatrix(paddings));
  }

  public final Operand pad(Operand x, Operand paddings) {
    return run1(PadOps.PAD, Attrs.NONE, x, paddings);
  }

  public final Operand padV2(Operand x, Operand paddings, Operand constantValue) {
    return run1(PadOps.PAD_V2, Attrs.NONE, x, paddings, constantValue);
  }

  public final Operand mirrorPad(Operand x, Operand paddings, String mode) {
    return run1(PadOps.MIRROR_PAD, Attrs.of("mode", mode), x, paddings);
  }

  public final Operand mirrorPadGrad(Operand dy, Operand paddings, String mode) {
    return run1(PadOps.MIRROR_PAD_GRAD, Attrs.of("mode", mode), dy, paddings);
  }

  /** An int32 [n, 2] matrix from {before, after} rows. */
  public final Operand paddingsMatrix(long[][] paddings) {
    int[] flat = new int[2 * paddings.length];
    for (int i = 0; i < paddings.length; i++) {
      flat[2 * i] = Math.toIntExact(paddings[i][0]);
      flat[2 * i + 1] = Math.toIntExact(paddings[i][1]);
    }
    return constant(DType.INT32, new long[] {paddings.length, 2}, flat);
  }

  public final Operand gather(Operand params, Operand indices, Operand axis, int batchDims) {
    return run1(GatherOps.GATHER, Attrs.of("batch_dims", batchDims), params, indices, axis);
  }

  public final Operand gatherNd(Operand params, Operand indices) {
    return run1(GatherOps.GATHER_ND, Attrs.NONE, params, indices);
  }

  public final Operand scatterNd(Operand indices, Operand updates, Operand shape) {
    return run1(GatherOps.SCATTER_ND, Attrs.NONE, indices, updates, shape);
  }

  public final Operand oneHot(Operand indices, Operand depth, Operand on, Operand off, int axis) {
    return run1(GatherOps.ONE_HOT, Attrs.of("axis", axis), indices, depth, on, off);
  }

  // ---- math ----

  public final Operand add(Operand x, Operand y) {
    return run1(MathOps.ADD, Attrs.NONE, x, y);
  }

  public final Operand sub(Operand x, Operand y) {
    return run1(MathOps.SUB, Attrs.NONE, x, y);
  }

  public final Operand mul(Operand x, Operand y) {
    return run1(MathOps.MUL, Attrs.NONE, x, y);
  }

  /** RealDiv: true division of floating tensors. */
  public final Operand div(Operand x, Operand y) {
    return run1(MathOps.REAL_DIV, Attrs.NONE, x, y);
  }

  public final Operand pow(Operand x, Operand y) {
    return run1(MathOps.POW, Attrs.NONE, x, y);
  }

  public final Operand neg(Operand x) {
    return run1(MathOps.NEG, Attrs.NONE, x);
  }

  public final Operand square(Operand x) {
    return run1(MathOps.SQUARE, Attrs.NONE, x);
  }

  public final Operand sqrt(Operand x) {
    return run1(MathOps.SQRT, Attrs.NONE, x);
  }

  public final Operand exp(Operand x) {
    return run1(MathOps.EXP, Attrs.NONE, x);
  }

  public final Operand log(Operand x) {
    return run1(MathOps.LOG, Attrs.NONE, x);
  }

  public final Operand reciprocal(Operand x) {
    return run1(MathOps.RECIPROCAL, Attrs.NONE, x);
  }

  // ---- elementwise math (issue 3) ----

  public final Operand abs(Operand x) {
    return run1(ElementwiseOps.ABS, Attrs.NONE, x);
  }

  public final Operand sign(Operand x) {
    return run1(ElementwiseOps.SIGN, Attrs.NONE, x);
  }

  public final Operand rsqrt(Operand x) {
    return run1(ElementwiseOps.RSQRT, Attrs.NONE, x);
  }

  public final Operand expm1(Operand x) {
    return run1(ElementwiseOps.EXPM1, Attrs.NONE, x);
  }

  public final Operand log1p(Operand x) {
    return run1(ElementwiseOps.LOG1P, Attrs.NONE, x);
  }

  public final Operand sin(Operand x) {
    return run1(ElementwiseOps.SIN, Attrs.NONE, x);
  }

  public final Operand cos(Operand x) {
    return run1(ElementwiseOps.COS, Attrs.NONE, x);
  }

  public final Operand tan(Operand x) {
    return run1(ElementwiseOps.TAN, Attrs.NONE, x);
  }

  public final Operand asin(Operand x) {
    return run1(ElementwiseOps.ASIN, Attrs.NONE, x);
  }

  public final Operand acos(Operand x) {
    return run1(ElementwiseOps.ACOS, Attrs.NONE, x);
  }

  public final Operand atan(Operand x) {
    return run1(ElementwiseOps.ATAN, Attrs.NONE, x);
  }

  public final Operand sinh(Operand x) {
    return run1(ElementwiseOps.SINH, Attrs.NONE, x);
  }

  public final Operand cosh(Operand x) {
    return run1(ElementwiseOps.COSH, Attrs.NONE, x);
  }

  public final Operand tanh(Operand x) {
    return run1(ElementwiseOps.TANH, Attrs.NONE, x);
  }

  public final Operand sigmoid(Operand x) {
    return run1(ElementwiseOps.SIGMOID, Attrs.NONE, x);
  }

  public final Operand erf(Operand x) {
    return run1(ElementwiseOps.ERF, Attrs.NONE, x);
  }

  public final Operand floor(Operand x) {
    return run1(ElementwiseOps.FLOOR, Attrs.NONE, x);
  }

  public final Operand ceil(Operand x) {
    return run1(ElementwiseOps.CEIL, Attrs.NONE, x);
  }

  public final Operand round(Operand x) {
    return run1(ElementwiseOps.ROUND, Attrs.NONE, x);
  }

  public final Operand floorDiv(Operand x, Operand y) {
    return run1(ElementwiseOps.FLOOR_DIV, Attrs.NONE, x, y);
  }

  public final Operand floorMod(Operand x, Operand y) {
    return run1(ElementwiseOps.FLOOR_MOD, Attrs.NONE, x, y);
  }

  public final Operand maximum(Operand x, Operand y) {
    return run1(ElementwiseOps.MAXIMUM, Attrs.NONE, x, y);
  }

  public final Operand minimum(Operand x, Operand y) {
    return run1(ElementwiseOps.MINIMUM, Attrs.NONE, x, y);
  }

  public final Operand squaredDifference(Operand x, Operand y) {
    return run1(ElementwiseOps.SQUARED_DIFFERENCE, Attrs.NONE, x, y);
  }

  public final Operand logicalAnd(Operand x, Operand y) {
    return run1(ElementwiseOps.LOGICAL_AND, Attrs.NONE, x, y);
  }

  public final Operand logicalOr(Operand x, Operand y) {
    return run1(ElementwiseOps.LOGICAL_OR, Attrs.NONE, x, y);
  }

  public final Operand logicalNot(Operand x) {
    return run1(ElementwiseOps.LOGICAL_NOT, Attrs.NONE, x);
  }

  public final Operand isNan(Operand x) {
    return run1(ElementwiseOps.IS_NAN, Attrs.NONE, x);
  }

  public final Operand isFinite(Operand x) {
    return run1(ElementwiseOps.IS_FINITE, Attrs.NONE, x);
  }

  /** The coordinates of the nonzero elements of {@code condition}, int64 [count, rank]. */
  public final Operand where(Operand condition) {
    return run1(ElementwiseOps.WHERE, Attrs.NONE, condition);
  }

  public final Operand addN(List<? extends Operand> xs) {
    return xs.size() == 1 ? xs.get(0)
        : run1(MathOps.ADD_N, Attrs.of("N", xs.size()), xs.toArray(new Operand[0]));
  }

  public final Operand cast(Operand x, DType dtype) {
    return run1(MathOps.CAST, Attrs.of("DstT", dtype, "Truncate", false), x);
  }

  public final Operand matmul(Operand a, Operand b, boolean transposeA, boolean transposeB) {
    return run1(MathOps.MAT_MUL, Attrs.of("transpose_a", transposeA, "transpose_b", transposeB), a, b);
  }

  public final Operand compare(Op comparison, Operand x, Operand y) {
    Attrs attrs = comparison == MathOps.EQUAL || comparison == MathOps.NOT_EQUAL
        ? Attrs.of("incompatible_shape_error", true) : Attrs.NONE;
    return run1(comparison, attrs, x, y);
  }

  // ---- linear algebra (issue 3) ----

  /** BatchMatMulV2: batched matrix products over the last two axes, batch axes broadcast. */
  public final Operand batchMatmul(Operand x, Operand y, boolean adjointX, boolean adjointY) {
    return run1(LinalgOps.BATCH_MAT_MUL_V2, Attrs.of("adj_x", adjointX, "adj_y", adjointY), x, y);
  }

  /**
   * The op tf.matmul chooses: BatchMatMulV2 when either operand has rank above 2 (a transpose is
   * its adjoint for real dtypes), else MatMul.
   */
  public final Operand matmulOfAnyRank(Operand a, Operand b, boolean transposeA, boolean transposeB) {
    return a.shape().length > 2 || b.shape().length > 2
        ? batchMatmul(a, b, transposeA, transposeB) : matmul(a, b, transposeA, transposeB);
  }

  /** MatrixDiagPartV3: diagonals {@code k} (one index, or a lower and upper bound) of the inner matrices. */
  public final Operand matrixDiagPart(Operand x, int[] k, Operand padding, String align) {
    return run1(LinalgOps.MATRIX_DIAG_PART_V3, Attrs.of("align", align), x, int32s(k), padding);
  }

  /** MatrixDiagV3: matrices with the given diagonals; -1 rows or columns means the smallest fit. */
  public final Operand matrixDiag(Operand diagonals, int[] k, int numRows, int numCols,
      Operand padding, String align) {
    return run1(LinalgOps.MATRIX_DIAG_V3, Attrs.of("align", align), diagonals, int32s(k),
        int32s(numRows), int32s(numCols), padding);
  }

  public final Operand matrixSetDiag(Operand x, Operand diagonals, int[] k, String align) {
    return run1(LinalgOps.MATRIX_SET_DIAG_V3, Attrs.of("align", align), x, diagonals, int32s(k));
  }

  /** The Einsum op on one or two operands; the equation has already been resolved (explicit "->"). */
  public final Operand einsum(String equation, List<? extends Operand> inputs) {
    return run1(LinalgOps.EINSUM, Attrs.of("equation", equation, "N", inputs.size()),
        inputs.toArray(new Operand[0]));
  }

  /**
   * Svd: singular values, largest first, then u and v (empty [0] tensors unless
   * {@code computeUv}; with {@code fullMatrices} square, else thin).
   */
  public final Operand[] svd(Operand x, boolean computeUv, boolean fullMatrices) {
    return run(LinalgOps.SVD, Attrs.of("compute_uv", computeUv, "full_matrices", fullMatrices), x);
  }

  // ---- reductions (issue 3) ----

  /** Sum over {@code axes}; null means every axis. */
  public final Operand reduceSum(Operand x, int[] axes, boolean keepdims) {
    return reduce(MathOps.SUM, x, axes, keepdims);
  }

  /** Mean over {@code axes}; null means every axis. */
  public final Operand reduceMean(Operand x, int[] axes, boolean keepdims) {
    return reduce(MathOps.MEAN, x, axes, keepdims);
  }

  public final Operand reduceMax(Operand x, int[] axes, boolean keepdims) {
    return reduce(ReductionOps.MAX, x, axes, keepdims);
  }

  public final Operand reduceMin(Operand x, int[] axes, boolean keepdims) {
    return reduce(ReductionOps.MIN, x, axes, keepdims);
  }

  public final Operand reduceProd(Operand x, int[] axes, boolean keepdims) {
    return reduce(ReductionOps.PROD, x, axes, keepdims);
  }

  public final Operand reduceAny(Operand x, int[] axes, boolean keepdims) {
    return reduce(ReductionOps.ANY, x, axes, keepdims);
  }

  public final Operand reduceAll(Operand x, int[] axes, boolean keepdims) {
    return reduce(ReductionOps.ALL, x, axes, keepdims);
  }

  public final Operand euclideanNorm(Operand x, int[] axes, boolean keepdims) {
    return reduce(ReductionOps.EUCLIDEAN_NORM, x, axes, keepdims);
  }

  /** One of the reductions over {@code axes} (input 1); null means every axis. */
  private Operand reduce(Op reduction, Operand x, int[] axes, boolean keepdims) {
    return run1(reduction, Attrs.of("keep_dims", keepdims), x, int32s(allAxesIfNull(x, axes)));
  }

  private static int[] allAxesIfNull(Operand x, int[] axes) {
    if (axes != null) {
      return axes;
    }
    int[] all = new int[x.shape().length];
    for (int i = 0; i < all.length; i++) {
      all[i] = i;
    }
    return all;
  }

  public final Operand argMax(Operand x, int axis, DType outputType) {
    return run1(ReductionOps.ARG_MAX, Attrs.of("output_type", outputType), x,
        scalar(DType.INT32, axis));
  }

  public final Operand argMin(Operand x, int axis, DType outputType) {
    return run1(ReductionOps.ARG_MIN, Attrs.of("output_type", outputType), x,
        scalar(DType.INT32, axis));
  }

  public final Operand cumsum(Operand x, int axis, boolean exclusive, boolean reverse) {
    return run1(ReductionOps.CUMSUM, Attrs.of("exclusive", exclusive, "reverse", reverse), x,
        scalar(DType.INT32, axis));
  }

  public final Operand cumprod(Operand x, int axis, boolean exclusive, boolean reverse) {
    return run1(ReductionOps.CUMPROD, Attrs.of("exclusive", exclusive, "reverse", reverse), x,
        scalar(DType.INT32, axis));
  }

  /** x / y with 0 wherever y is 0. */
  public final Operand divNoNan(Operand x, Operand y) {
    return run1(ReductionOps.DIV_NO_NAN, Attrs.NONE, x, y);
  }

  // ---- neural-network ops (issue 3) ----

  // activations

  public final Operand relu(Operand features) {
    return run1(ActivationOps.RELU, Attrs.NONE, features);
  }

  public final Operand relu6(Operand features) {
    return run1(ActivationOps.RELU6, Attrs.NONE, features);
  }

  public final Operand elu(Operand features) {
    return run1(ActivationOps.ELU, Attrs.NONE, features);
  }

  public final Operand selu(Operand features) {
    return run1(ActivationOps.SELU, Attrs.NONE, features);
  }

  public final Operand softplus(Operand features) {
    return run1(ActivationOps.SOFTPLUS, Attrs.NONE, features);
  }

  public final Operand reluGrad(Operand gradients, Operand features) {
    return run1(ActivationOps.RELU_GRAD, Attrs.NONE, gradients, features);
  }

  public final Operand relu6Grad(Operand gradients, Operand features) {
    return run1(ActivationOps.RELU6_GRAD, Attrs.NONE, gradients, features);
  }

  public final Operand leakyReluGrad(Operand gradients, Operand features, float alpha) {
    return run1(ActivationOps.LEAKY_RELU_GRAD, Attrs.of("alpha", alpha), gradients, features);
  }

  /** LeakyRelu's alpha is a float attr: float64 inputs see it rounded to float, as in TensorFlow. */
  public final Operand leakyRelu(Operand features, float alpha) {
    return run1(ActivationOps.LEAKY_RELU, Attrs.of("alpha", alpha), features);
  }

  public final Operand softmax(Operand logits) {
    return run1(NnOps.SOFTMAX, Attrs.NONE, logits);
  }

  public final Operand logSoftmax(Operand logits) {
    return run1(NnOps.LOG_SOFTMAX, Attrs.NONE, logits);
  }

  /** The per-example loss; the op's second output (its backprop) serves only its gradient. */
  public final Operand softmaxCrossEntropyWithLogits(Operand features, Operand labels) {
    return run1(NnOps.SOFTMAX_CROSS_ENTROPY, Attrs.NONE, features, labels);
  }

  public final Operand sparseSoftmaxCrossEntropyWithLogits(Operand features, Operand labels) {
    return run1(NnOps.SPARSE_SOFTMAX_CROSS_ENTROPY, Attrs.NONE, features, labels);
  }

  /** {@code dataFormat} is "NHWC" (channels last) or "NCHW" (channels at axis 1). */
  public final Operand biasAdd(Operand value, Operand bias, String dataFormat) {
    return run1(NnOps.BIAS_ADD, Attrs.of("data_format", dataFormat), value, bias);
  }

  public final Operand l2Loss(Operand t) {
    return run1(NnOps.L2_LOSS, Attrs.NONE, t);
  }

  /**
   * Sums a gradient of a broadcast result back to an input's shape: over the leading axes the
   * input lacks and the axes where it had size 1. The one place broadcasting is undone.
   */
  public final Operand unbroadcast(Operand grad, long[] shape) {
    if (java.util.Arrays.equals(grad.shape(), shape)) {
      return grad;
    }
    int[] axes = Shapes.broadcastReductionAxes(shape, grad.shape());
    return reshape(reduceSum(grad, axes, false), shape);
  }
}
