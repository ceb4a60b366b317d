package dev.tfj.compat.reductions;

import static dev.tfj.compat.oracle.Oracle.cycle;
import static dev.tfj.compat.oracle.Oracle.o;
import static dev.tfj.compat.oracle.Oracle.s;

import dev.tfj.compat.ComparedWithTensorFlow;
import dev.tfj.compat.oracle.Oracle.TfFn;
import dev.tfj.compat.oracle.Oracle.Values;
import dev.tfj.ops.DType;
import dev.tfj.tf;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.All;
import org.tensorflow.op.core.Any;
import org.tensorflow.op.core.Max;
import org.tensorflow.op.core.Min;
import org.tensorflow.op.core.Prod;
import org.tensorflow.op.core.Sum;
import org.tensorflow.op.linalg.EuclideanNorm;
import org.tensorflow.op.math.Cumprod;
import org.tensorflow.op.math.Cumsum;
import org.tensorflow.op.math.Mean;
import org.tensorflow.types.TFloat64;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

/**
 * The reductions, arg-reductions, scans and divide_no_nan against TensorFlow Java's eager ops on
 * the same inputs: every axis form (none, one, several, negative, none at all), keepdims, float32,
 * float64, int32, int64 and uint8, and edge values (ties, zeros, NaN, infinities, empty tensors).
 * The composites (reduce_logsumexp, reduce_variance, reduce_std) run against the same composite
 * built from TensorFlow's ops as TensorFlow's Python builds it. Max, Min, ArgMax, Any and All,
 * integer results and the scans (which round the running value each step, as TensorFlow does)
 * must be bit-equal; products and norms agree to rounding.
 */
@ComparedWithTensorFlow({"Max", "Min", "Prod", "Any", "All", "EuclideanNorm", "ArgMax", "ArgMin",
    "Cumsum", "Cumprod", "DivNoNan"})
@SuppressWarnings({"unchecked", "rawtypes"})
class ReductionValuesTest {
  static final DType F32 = DType.FLOAT32;
  static final DType F64 = DType.FLOAT64;
  static final DType I32 = DType.INT32;
  static final DType I64 = DType.INT64;
  static final DType U8 = DType.UINT8;

  /** Signed values with ties (1 twice) and a zero. */
  static final double[] SIGNED = {-2.5, 0, 1, -1, 3.25, 1, 2, -0.75, 0.5};
  static final double[] INTS = {-3, 0, 7, -1, 7, 2, 5};
  static final double[] BYTES = {0, 200, 7, 255, 7, 3, 128};
  static final double[] EDGES = {1, Double.NaN, -1, Double.POSITIVE_INFINITY, 0,
      Double.NEGATIVE_INFINITY, 2};

  /** A shape and the axes reduced over (null: all of them). */
  record Reduction(long[] shape, int[] axes) {
    @Override
    public String toString() {
      return Arrays.toString(shape) + " axis=" + (axes == null ? "None" : Arrays.toString(axes));
    }
  }

  static final List<Reduction> REDUCTIONS = List.of(
      new Reduction(s(), null), new Reduction(s(5), null), new Reduction(s(5), new int[] {-1}),
      new Reduction(s(2, 3), null), new Reduction(s(2, 3), new int[] {0}),
      new Reduction(s(2, 3), new int[] {1}), new Reduction(s(2, 3), new int[] {}),
      new Reduction(s(2, 3, 4), new int[] {0, 2}), new Reduction(s(2, 3, 4), new int[] {-3, -1}),
      new Reduction(s(2, 3, 4), new int[] {1}), new Reduction(s(0, 3), new int[] {0}),
      new Reduction(s(0, 3), new int[] {1}));

  static double[] pool(DType t) {
    return switch (t) {
      case INT32, INT64 -> INTS;
      case UINT8 -> BYTES;
      default -> SIGNED;
    };
  }

  /** The axes TensorFlow's Python passes for {@code axis}: every axis when None. */
  static Operand<TInt32> axes(Ops tf, Operand<?> x, int[] axes) {
    if (axes != null) {
      return tf.constant(axes);
    }
    int[] all = new int[x.shape().numDimensions()];
    Arrays.setAll(all, i -> i);
    return tf.constant(all);
  }

  interface Reducer {
    dev.tfj.Tensor apply(dev.tfj.Tensor x, int[] axes, boolean keepdims);
  }

  interface TfReducer {
    Operand<?> apply(Ops tf, Operand x, Operand<TInt32> axes, boolean keepdims);
  }

  static List<Agreement> reductions(String name, List<DType> types, Reducer tfj, TfReducer tf) {
    List<Agreement> cases = new ArrayList<>();
    for (Reduction r : REDUCTIONS) {
      for (DType t : types) {
        for (boolean keep : new boolean[] {false, true}) {
          Values x = cycle(t, r.shape, pool(t), 0, 1);
          cases.add(new Agreement(name + " " + r + " keepdims=" + keep, List.of(x),
              in -> tfj.apply(in.get(0), r.axes, keep),
              (ops, in) -> tf.apply(ops, o(in.get(0)), axes(ops, in.get(0), r.axes), keep)));
        }
      }
    }
    return cases;
  }

  static final List<DType> NUMBERS = List.of(F32, F64, I32, I64, U8);

  @TestFactory
  Stream<DynamicTest> maxMinProd() {
    List<Agreement> cases = new ArrayList<>();
    cases.addAll(reductions("reduce_max", NUMBERS, tf::reduce_max,
        (ops, x, a, k) -> ops.max(x, a, Max.keepDims(k))).stream().map(Agreement::exact).toList());
    cases.addAll(reductions("reduce_min", NUMBERS, tf.math::reduce_min,
        (ops, x, a, k) -> ops.min(x, a, Min.keepDims(k))).stream().map(Agreement::exact).toList());
    cases.addAll(reductions("reduce_prod", NUMBERS, tf::reduce_prod,
        (ops, x, a, k) -> ops.prod(x, a, Prod.keepDims(k))));
    cases.addAll(reductions("reduce_euclidean_norm", NUMBERS, tf.math::reduce_euclidean_norm,
        (ops, x, a, k) -> ops.linalg.euclideanNorm(x, a, EuclideanNorm.keepDims(k))).stream()
        .map(c -> c.summing(10)).toList());
    return cases.stream().map(Agreement::values);
  }

  @TestFactory
  Stream<DynamicTest> edgeValues() {
    List<Agreement> cases = new ArrayList<>();
    for (DType t : List.of(F32, F64)) {
      // NaN propagates through Max and Min; infinities win; products of 0 and inf are NaN.
      Values x = cycle(t, s(3, 7), EDGES, 0, 3);
      int[] rows = {1};
      cases.add(new Agreement("reduce_max", List.of(x), in -> tf.reduce_max(in.get(0), rows),
          (ops, in) -> ops.max(o(in.get(0)), ops.constant(rows))).exact());
      cases.add(new Agreement("reduce_min", List.of(x), in -> tf.reduce_min(in.get(0), 0),
          (ops, in) -> ops.min(o(in.get(0)), ops.constant(0))).exact());
      cases.add(new Agreement("reduce_prod", List.of(x), in -> tf.reduce_prod(in.get(0), rows),
          (ops, in) -> ops.prod(o(in.get(0)), ops.constant(rows))).exact());
      cases.add(new Agreement("reduce_euclidean_norm", List.of(x),
          in -> tf.math.reduce_euclidean_norm(in.get(0), 0),
          (ops, in) -> ops.linalg.euclideanNorm(o(in.get(0)), ops.constant(0))));
    }
    // Between 0.0 and -0.0 the later element is kept; Assertions see the sign of zero.
    Values zeros = Values.f32(s(2, 2), 0.0, -0.0, -0.0, 0.0);
    for (int axis : new int[] {0, 1}) {
      cases.add(new Agreement("reduce_max signed zeros", List.of(zeros), in -> tf.reduce_max(in.get(0), axis),
          (ops, in) -> ops.max(o(in.get(0)), ops.constant(axis))).exact().signOfZero());
      cases.add(new Agreement("reduce_min signed zeros", List.of(zeros), in -> tf.reduce_min(in.get(0), axis),
          (ops, in) -> ops.min(o(in.get(0)), ops.constant(axis))).exact().signOfZero());
    }
    // Integer products and squares wrap in the dtype, as TensorFlow's kernels compute them.
    cases.add(new Agreement("reduce_prod wraps", List.of(Values.of(I32, s(3), 65536, 65536, 3)),
        in -> tf.reduce_prod(in.get(0)), (ops, in) -> ops.prod(o(in.get(0)), ops.constant(0))));
    cases.add(new Agreement("reduce_euclidean_norm wraps", List.of(Values.of(U8, s(2), 200, 200)),
        in -> tf.math.reduce_euclidean_norm(in.get(0)),
        (ops, in) -> ops.linalg.euclideanNorm(o(in.get(0)), ops.constant(0))));
    cases.add(new Agreement("reduce_euclidean_norm truncates", List.of(Values.of(I32, s(2), 1, 1)),
        in -> tf.math.reduce_euclidean_norm(in.get(0)),
        (ops, in) -> ops.linalg.euclideanNorm(o(in.get(0)), ops.constant(0))));
    return cases.stream().map(Agreement::values);
  }

  /** Bool inputs cycle through SIGNED: its 0 is false, every other value true. */
  @TestFactory
  Stream<DynamicTest> anyAll() {
    List<Agreement> cases = new ArrayList<>();
    cases.addAll(reductions("reduce_any", List.of(DType.BOOL), tf::reduce_any,
        (ops, x, a, k) -> ops.any(x, a, Any.keepDims(k))));
    cases.addAll(reductions("reduce_all", List.of(DType.BOOL), tf.math::reduce_all,
        (ops, x, a, k) -> ops.all(x, a, All.keepDims(k))));
    return cases.stream().map(Agreement::values);
  }

  @TestFactory
  Stream<DynamicTest> composites() {
    List<Agreement> cases = new ArrayList<>();
    cases.addAll(reductions("reduce_logsumexp", List.of(F32, F64), tf::reduce_logsumexp,
        ReductionValuesTest::logsumexp).stream().map(c -> c.summing(10)).toList());
    cases.addAll(reductions("reduce_variance", List.of(F32, F64), tf.math::reduce_variance,
        ReductionValuesTest::variance).stream().map(c -> c.summing(10)).toList());
    cases.addAll(reductions("reduce_std", List.of(F32, F64), tf.math::reduce_std,
        (ops, x, a, k) -> ops.math.sqrt(o(variance(ops, x, a, k)))).stream()
        .map(c -> c.summing(10)).toList());
    for (DType t : List.of(F32, F64)) {
      // Infinite maxima are replaced by 0 before the subtraction, as TensorFlow does.
      Values x = cycle(t, s(3, 7), EDGES, 0, 3);
      cases.add(new Agreement("reduce_logsumexp edges", List.of(x),
          in -> tf.reduce_logsumexp(in.get(0), 1),
          (ops, in) -> logsumexp(ops, o(in.get(0)), ops.constant(new int[] {1}), false)));
      Values large = Values.of(t, s(2, 2), 1000, 1000, -1000, -1001);
      cases.add(new Agreement("reduce_logsumexp large", List.of(large),
          in -> tf.reduce_logsumexp(in.get(0), 1),
          (ops, in) -> logsumexp(ops, o(in.get(0)), ops.constant(new int[] {1}), false)));
    }
    return cases.stream().map(Agreement::values);
  }

  /** TensorFlow Python's reduce_logsumexp, op for op. */
  static Operand<?> logsumexp(Ops tf, Operand x, Operand<TInt32> axes, boolean keepdims) {
    Operand raw = tf.max(x, axes, Max.keepDims(true));
    Operand max = tf.stopGradient(tf.select(tf.math.isFinite(raw), raw, tf.zerosLike(raw)));
    Operand result = tf.math.log(tf.sum(tf.math.exp(tf.math.sub(x, max)), axes, Sum.keepDims(keepdims)));
    return tf.math.add(result, keepdims ? max : tf.reshape(max, tf.shape(result)));
  }

  /** TensorFlow Python's reduce_variance, op for op. */
  static Operand<?> variance(Ops tf, Operand x, Operand<TInt32> axes, boolean keepdims) {
    Operand means = tf.math.mean(x, axes, Mean.keepDims(true));
    return tf.math.mean(tf.math.square(tf.math.sub(x, means)), axes, Mean.keepDims(keepdims));
  }

  @TestFactory
  Stream<DynamicTest> argmaxArgmin() {
    List<Agreement> cases = new ArrayList<>();
    long[][] shapes = {s(5), s(2, 3), s(2, 3, 4), s(3, 0)};
    for (long[] shape : shapes) {
      for (DType t : List.of(F32, F64, I32, I64, U8, DType.BOOL)) {
        for (int axis = -shape.length; axis < shape.length; axis++) {
          if (shape[axis < 0 ? axis + shape.length : axis] == 0) {
            continue; // TensorFlow rejects an empty reduction axis (ReductionBadInputTest)
          }
          // A small pool, so that ties are common.
          Values x = cycle(t, shape, t == DType.BOOL ? new double[] {0, 1, 1} : new double[] {2, 0, 2, 1},
              0, 1);
          int a = axis;
          cases.add(new Agreement("argmax axis=" + a, List.of(x), in -> tf.argmax(in.get(0), a),
              (ops, in) -> ops.math.argMax(o(in.get(0)), ops.constant(a))).exact());
          cases.add(new Agreement("argmin axis=" + a, List.of(x), in -> tf.math.argmin(in.get(0), a),
              (ops, in) -> ops.math.argMin(o(in.get(0)), ops.constant(a))).exact());
        }
      }
    }
    for (DType t : List.of(F32, F64)) {
      // NaN is never chosen; a line of -inf (or of NaN) gives index 0.
      double inf = Double.POSITIVE_INFINITY;
      Values x = Values.of(t, s(4, 3), 1, Double.NaN, 3, Double.NaN, 1, 0, -inf, -inf,
          t == F32 ? -Float.MAX_VALUE : -Double.MAX_VALUE, Double.NaN, Double.NaN, Double.NaN);
      cases.add(new Agreement("argmax edges", List.of(x), in -> tf.argmax(in.get(0), 1),
          (ops, in) -> ops.math.argMax(o(in.get(0)), ops.constant(1))).exact());
      Values y = Values.of(t, s(2, 3), inf, t == F32 ? Float.MAX_VALUE : Double.MAX_VALUE, 2,
          Double.NaN, 5, 5);
      cases.add(new Agreement("argmin edges", List.of(y), in -> tf.argmin(in.get(0), 1),
          (ops, in) -> ops.math.argMin(o(in.get(0)), ops.constant(1))).exact());
    }
    Values x = cycle(F32, s(2, 3), SIGNED, 0, 1);
    cases.add(new Agreement("argmax default axis", List.of(x), in -> tf.argmax(in.get(0)),
        (ops, in) -> ops.math.argMax(o(in.get(0)), ops.constant(0))).exact());
    cases.add(new Agreement("argmax int32", List.of(x), in -> tf.argmax(in.get(0), 1, tf.int32),
        (ops, in) -> ops.math.argMax(o(in.get(0)), ops.constant(1), TInt32.class)).exact());
    cases.add(new Agreement("argmin int64", List.of(x), in -> tf.argmin(in.get(0), 1, tf.int64),
        (ops, in) -> ops.math.argMin(o(in.get(0)), ops.constant(1), TInt64.class)).exact());
    return cases.stream().map(Agreement::values);
  }

  @TestFactory
  Stream<DynamicTest> scans() {
    List<Agreement> cases = new ArrayList<>();
    long[][] shapes = {s(5), s(2, 3), s(2, 3, 4), s(0, 3)};
    for (long[] shape : shapes) {
      for (DType t : NUMBERS) {
        for (int axis = -shape.length; axis < shape.length; axis++) {
          for (int flags = 0; flags < 4; flags++) {
            boolean exclusive = (flags & 1) != 0;
            boolean reverse = (flags & 2) != 0;
            int a = axis;
            String how = " axis=" + a + " exclusive=" + exclusive + " reverse=" + reverse;
            Values x = cycle(t, shape, pool(t), 1, 1);
            cases.add(new Agreement("cumsum" + how, List.of(x),
                in -> tf.cumsum(in.get(0), a, exclusive, reverse),
                (ops, in) -> ops.math.cumsum(o(in.get(0)), ops.constant(a), Cumsum.exclusive(exclusive),
                    Cumsum.reverse(reverse))).exact());
            cases.add(new Agreement("cumprod" + how, List.of(x),
                in -> tf.math.cumprod(in.get(0), a, exclusive, reverse),
                (ops, in) -> ops.math.cumprod(o(in.get(0)), ops.constant(a), Cumprod.exclusive(exclusive),
                    Cumprod.reverse(reverse))).exact());
          }
        }
      }
    }
    Values x = cycle(F32, s(2, 3), SIGNED, 0, 1);
    cases.add(new Agreement("cumsum defaults", List.of(x), in -> tf.cumsum(in.get(0)),
        (ops, in) -> ops.math.cumsum(o(in.get(0)), ops.constant(0))).exact());
    cases.add(new Agreement("cumprod defaults", List.of(x), in -> tf.math.cumprod(in.get(0)),
        (ops, in) -> ops.math.cumprod(o(in.get(0)), ops.constant(0))).exact());
    return cases.stream().map(Agreement::values);
  }

  @TestFactory
  Stream<DynamicTest> divideNoNan() {
    List<Agreement> cases = new ArrayList<>();
    double[] pool = {1, 0, -2, Double.NaN, 0, 3, Double.POSITIVE_INFINITY};
    for (DType t : List.of(F32, F64)) {
      for (long[][] shapes : new long[][][] {{s(7), s(7)}, {s(2, 7), s(7)}, {s(7), s()}}) {
        List<Values> in = List.of(cycle(t, shapes[0], pool, 0, 1), cycle(t, shapes[1], pool, 1, 2));
        cases.add(new Agreement("divide_no_nan", in, x -> tf.math.divide_no_nan(x.get(0), x.get(1)),
            (ops, x) -> ops.math.divNoNan(o(x.get(0)), o(x.get(1)))).exact());
      }
    }
    // Integers divide as float64, as in tf.divide.
    List<Values> ints = List.of(Values.i32(s(4), 7, 0, -3, 1), Values.i32(s(4), 2, 0, 0, -4));
    TfFn asDoubles = (ops, x) -> ops.math.divNoNan(ops.dtypes.cast(x.get(0), TFloat64.class),
        ops.dtypes.cast(x.get(1), TFloat64.class));
    cases.add(new Agreement("divide_no_nan int32", ints,
        x -> tf.math.divide_no_nan(x.get(0), x.get(1)), asDoubles).exact());
    return cases.stream().map(Agreement::values);
  }
}
