package dev.tfj.compat.oracle;

import static dev.tfj.compat.oracle.Oracle.assertAgree;
import static dev.tfj.compat.oracle.Oracle.constants;
import static dev.tfj.compat.oracle.Oracle.cycle;
import static dev.tfj.compat.oracle.Oracle.euclideanNorm;
import static dev.tfj.compat.oracle.Oracle.iota;
import static dev.tfj.compat.oracle.Oracle.o;
import static dev.tfj.compat.oracle.Oracle.s;
import static dev.tfj.compat.oracle.Oracle.tfj;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.tfj.Tensor;
import dev.tfj.compat.ComparedWithTensorFlow;
import dev.tfj.compat.oracle.Oracle.TfFn;
import dev.tfj.compat.oracle.Oracle.Values;
import dev.tfj.eager.EagerRunner;
import dev.tfj.eager.TensorHandle;
import dev.tfj.ops.DType;
import dev.tfj.tf;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.tensorflow.EagerSession;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Squeeze;
import org.tensorflow.op.core.Sum;
import org.tensorflow.op.core.VarHandleOp;
import org.tensorflow.op.linalg.MatMul;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.family.TType;

/**
 * Every op TFJ has, run in TFJ and in TensorFlow Java's eager mode on the same inputs: several
 * shapes, broadcasting, edge values (zeros, negatives, ties, infinities and NaN), float32, float64
 * and int32 where TensorFlow has the kernel. Integers and bools must be equal; so must floats from
 * ops IEEE arithmetic rounds once (+ - * / sqrt, reciprocal) and from moves, casts, fills and
 * ranges. exp, log and pow agree to {@link Oracle#F32_RTOL} / {@link Oracle#F64_RTOL} relative;
 * sums (matmul, reductions, norm) also get a small absolute term, as their order of additions
 * differs. (TensorFlow Java's {@code tf.math.add} emits Add rather than AddV2; same arithmetic.)
 * Ops with no tf.* spelling in TFJ yet run through TFJ's op runner.
 */
@ComparedWithTensorFlow({"AddV2", "Sub", "Mul", "RealDiv", "Pow", "Equal", "NotEqual", "Less",
    "LessEqual", "Greater", "GreaterEqual", "Neg", "Square", "Sqrt", "Exp", "Log", "Reciprocal",
    "Cast", "AddN", "Sum", "Mean", "MatMul", "Identity", "StopGradient", "Reshape", "Squeeze",
    "ExpandDims", "Transpose", "BroadcastTo", "Fill", "ZerosLike", "OnesLike", "Range", "SelectV2",
    "ReadVariableOp"})
@SuppressWarnings({"unchecked", "rawtypes"})
class OracleValuesTest {
  private static EagerSession session;
  private static Ops eager;

  @BeforeAll
  static void open() {
    session = EagerSession.create();
    eager = Ops.create(session);
  }

  @AfterAll
  static void close() {
    session.close();
  }

  private static final DType F32 = DType.FLOAT32;
  private static final DType F64 = DType.FLOAT64;
  private static final DType I32 = DType.INT32;
  private static final List<DType> FLOATS = List.of(F32, F64);
  private static final List<DType> NUMBERS = List.of(F32, F64, I32);

  /**
   * One comparison: TFJ's function and TensorFlow's on the same inputs. {@code rtol} < 0 means the
   * output dtype's default; sums, whose order of additions differs, also get an absolute tolerance
   * of {@code scale} times the relative one.
   */
  record Case(String name, List<Values> inputs, Function<List<Tensor>, Tensor> tfj, TfFn tf,
      double rtol, double scale) {
    Case(String name, List<Values> inputs, Function<List<Tensor>, Tensor> tfj, TfFn tf) {
      this(name, inputs, tfj, tf, -1, 0);
    }

    /** For ops IEEE arithmetic rounds once (+ - * / sqrt), moves and casts: bit-equal results. */
    Case exact() {
      return new Case(name, inputs, tfj, tf, 0, 0);
    }

    /** For sums of terms up to about {@code scale} in size. */
    Case summing(double scale) {
      return new Case(name, inputs, tfj, tf, -1, scale);
    }

    DynamicTest test() {
      return dynamicTest(name + " " + inputs, () -> {
        Values expected = Oracle.read(tf.apply(eager, constants(eager, inputs)));
        Values actual = Oracle.of(tfj.apply(Oracle.tfj(inputs)));
        double r = rtol < 0 ? Oracle.rtol(expected.dtype()) : rtol;
        assertAgree(expected, actual, r, r * scale, name);
      });
    }
  }

  // ---- elementwise binary, with broadcasting ----

  /** Shape pairs: equal shapes, trailing-axis broadcast, outer product, scalar on either side. */
  private static final long[][][] BINARY_SHAPES = {
    {s(), s()}, {s(4), s(4)}, {s(2, 3), s(2, 3)}, {s(2, 3), s(3)}, {s(2, 1), s(1, 3)},
    {s(), s(2, 3)}, {s(2, 3), s()}, {s(3), s(2, 1)}, {s(2, 1, 4), s(3, 1)}
  };
  private static final double[] SIGNED = {-2.5, 0, 1, -1, 3.25, 0.5, 2, -0.75};
  /** A small pool, so that the two operands tie often. */
  private static final double[] TIES = {-1, 0, 1, 2};
  private static final double[] INTS = {-3, 0, 1, -1, 7, 2, 5};

  @TestFactory
  Stream<DynamicTest> arithmetic() {
    List<Case> cases = new ArrayList<>();
    for (long[][] shapes : BINARY_SHAPES) {
      for (DType t : NUMBERS) {
        double[] pool = t == I32 ? INTS : SIGNED;
        List<Values> in = List.of(cycle(t, shapes[0], pool, 0, 1), cycle(t, shapes[1], pool, 3, 5));
        cases.add(new Case("add", in, x -> tf.add(x.get(0), x.get(1)),
            (tf, x) -> tf.math.add(o(x.get(0)), o(x.get(1)))).exact());
        cases.add(new Case("subtract", in, x -> tf.subtract(x.get(0), x.get(1)),
            (tf, x) -> tf.math.sub(o(x.get(0)), o(x.get(1)))).exact());
        cases.add(new Case("multiply", in, x -> tf.multiply(x.get(0), x.get(1)),
            (tf, x) -> tf.math.mul(o(x.get(0)), o(x.get(1)))).exact());
        // Python's x / y: RealDiv for floats; int32 operands are cast to float64 first.
        cases.add(new Case("divide", in, x -> tf.divide(x.get(0), x.get(1)), t == I32
            ? (tf, x) -> tf.math.realDiv(tf.dtypes.cast(x.get(0), TFloat64.class),
                tf.dtypes.cast(x.get(1), TFloat64.class))
            : (tf, x) -> tf.math.realDiv(o(x.get(0)), o(x.get(1)))).exact());
      }
    }
    return cases.stream().map(Case::test);
  }

  /** x / 0 is ±inf and 0 / 0 NaN, as IEEE and TensorFlow have it. */
  @TestFactory
  Stream<DynamicTest> divisionByZero() {
    return FLOATS.stream().map(t -> new Case("divide",
        List.of(Values.of(t, s(4), 1, -1, 0, -0.0), Values.of(t, s(4), 0, 0, 0, 0)),
        x -> tf.divide(x.get(0), x.get(1)), (tf, x) -> tf.math.realDiv(o(x.get(0)), o(x.get(1))))
        .exact().test());
  }

  @TestFactory
  Stream<DynamicTest> pow() {
    List<Case> cases = new ArrayList<>();
    // Every base against every exponent: negative bases with integral and fractional exponents
    // (NaN), 0^0 = 1, 0^-1 = inf, 0^0.5 = 0.
    double[] bases = {-2, -1, 0, 0.5, 1, 2, 3};
    double[] exponents = {-1, 0, 0.5, 1, 2, 3};
    for (DType t : FLOATS) {
      Values b = Values.of(t, s(7, 1), bases);
      Values e = Values.of(t, s(1, 6), exponents);
      cases.add(new Case("pow", List.of(b, e), x -> tf.pow(x.get(0), x.get(1)),
          (tf, x) -> tf.math.pow(o(x.get(0)), o(x.get(1)))));
    }
    cases.add(new Case("pow", List.of(Values.i32(s(6, 1), -2, -1, 0, 1, 2, 3),
        Values.i32(s(1, 4), 0, 1, 2, 3)), x -> tf.pow(x.get(0), x.get(1)),
        (tf, x) -> tf.math.pow(o(x.get(0)), o(x.get(1)))));
    for (long[][] shapes : BINARY_SHAPES) {
      Values b = cycle(F32, shapes[0], new double[] {0.5, 1.5, 2, 3}, 0, 1);
      Values e = cycle(F32, shapes[1], new double[] {-1.5, 2, 0.5, 3}, 1, 3);
      cases.add(new Case("pow", List.of(b, e), x -> tf.pow(x.get(0), x.get(1)),
          (tf, x) -> tf.math.pow(o(x.get(0)), o(x.get(1)))));
    }
    return cases.stream().map(Case::test);
  }

  @TestFactory
  Stream<DynamicTest> comparisons() {
    List<Case> cases = new ArrayList<>();
    for (long[][] shapes : BINARY_SHAPES) {
      for (DType t : NUMBERS) {
        List<Values> in = List.of(cycle(t, shapes[0], TIES, 0, 1), cycle(t, shapes[1], TIES, 1, 3));
        cases.add(new Case("equal", in, x -> tf.equal(x.get(0), x.get(1)),
            (tf, x) -> tf.math.equal(o(x.get(0)), o(x.get(1)))));
        cases.add(new Case("not_equal", in, x -> tf.not_equal(x.get(0), x.get(1)),
            (tf, x) -> tf.math.notEqual(o(x.get(0)), o(x.get(1)))));
        cases.add(new Case("less", in, x -> tf.less(x.get(0), x.get(1)),
            (tf, x) -> tf.math.less(o(x.get(0)), o(x.get(1)))));
        cases.add(new Case("less_equal", in, x -> tf.less_equal(x.get(0), x.get(1)),
            (tf, x) -> tf.math.lessEqual(o(x.get(0)), o(x.get(1)))));
        cases.add(new Case("greater", in, x -> tf.greater(x.get(0), x.get(1)),
            (tf, x) -> tf.math.greater(o(x.get(0)), o(x.get(1)))));
        cases.add(new Case("greater_equal", in, x -> tf.greater_equal(x.get(0), x.get(1)),
            (tf, x) -> tf.math.greaterEqual(o(x.get(0)), o(x.get(1)))));
      }
    }
    // NaN compares unequal to everything, itself included; -0.0 equals 0.0.
    for (DType t : FLOATS) {
      List<Values> in = List.of(Values.of(t, s(4), Double.NaN, Double.NaN, -0.0, 1),
          Values.of(t, s(4), Double.NaN, 1, 0, Double.POSITIVE_INFINITY));
      cases.add(new Case("equal", in, x -> tf.equal(x.get(0), x.get(1)),
          (tf, x) -> tf.math.equal(o(x.get(0)), o(x.get(1)))));
      cases.add(new Case("not_equal", in, x -> tf.not_equal(x.get(0), x.get(1)),
          (tf, x) -> tf.math.notEqual(o(x.get(0)), o(x.get(1)))));
      cases.add(new Case("less_equal", in, x -> tf.less_equal(x.get(0), x.get(1)),
          (tf, x) -> tf.math.lessEqual(o(x.get(0)), o(x.get(1)))));
      cases.add(new Case("greater", in, x -> tf.greater(x.get(0), x.get(1)),
          (tf, x) -> tf.math.greater(o(x.get(0)), o(x.get(1)))));
    }
    return cases.stream().map(Case::test);
  }

  // ---- elementwise unary ----

  private static final long[][] UNARY_SHAPES = {s(), s(7), s(2, 3), s(0, 3)};

  @TestFactory
  Stream<DynamicTest> unary() {
    List<Case> cases = new ArrayList<>();
    double[] signed = {-2.5, 0, 1, -1, 3.25, 0.5, 2, -0.75, 10};
    // sqrt(0) = 0, sqrt(-1) = NaN, log(0) = -inf, log(-1) = NaN, exp overflows to inf.
    double[] roots = {0, 0.25, 1, 2, 10, -1, 1e-3, 123.5};
    double[] exps = {-20, -1, 0, 1, 10, 88, 100, -0.5};
    for (long[] shape : UNARY_SHAPES) {
      for (DType t : NUMBERS) {
        Values x = cycle(t, shape, t == I32 ? INTS : signed, 0, 1);
        cases.add(new Case("negative", List.of(x), in -> tf.negative(in.get(0)),
            (tf, in) -> tf.math.neg(o(in.get(0)))).exact());
        cases.add(new Case("square", List.of(x), in -> tf.square(in.get(0)),
            (tf, in) -> tf.math.square(o(in.get(0)))).exact());
        cases.add(new Case("identity", List.of(x), in -> tf.identity(in.get(0)),
            (tf, in) -> tf.identity(o(in.get(0)))).exact());
        cases.add(new Case("stop_gradient", List.of(x), in -> tf.stop_gradient(in.get(0)),
            (tf, in) -> tf.stopGradient(o(in.get(0)))).exact());
        cases.add(new Case("zeros_like", List.of(x), in -> tf.zeros_like(in.get(0)),
            (tf, in) -> tf.zerosLike(o(in.get(0)))).exact());
        cases.add(new Case("ones_like", List.of(x), in -> tf.ones_like(in.get(0)),
            (tf, in) -> tf.onesLike(o(in.get(0)))).exact());
      }
      for (DType t : FLOATS) {
        Values r = cycle(t, shape, roots, 0, 1);
        Values e = cycle(t, shape, exps, 0, 1);
        cases.add(new Case("sqrt", List.of(r), in -> tf.sqrt(in.get(0)),
            (tf, in) -> tf.math.sqrt(o(in.get(0)))).exact());
        cases.add(new Case("log", List.of(r), in -> tf.log(in.get(0)),
            (tf, in) -> tf.math.log(o(in.get(0)))));
        cases.add(new Case("exp", List.of(e), in -> tf.exp(in.get(0)),
            (tf, in) -> tf.math.exp(o(in.get(0)))));
        cases.add(new Case("Reciprocal", List.of(r),
            in -> viaRunner(in, h -> EagerRunner.INSTANCE.reciprocal(h.get(0))),
            (tf, in) -> tf.math.reciprocal(o(in.get(0)))).exact());
      }
    }
    return cases.stream().map(Case::test);
  }

  // ---- matmul ----

  @TestFactory
  Stream<DynamicTest> matmul() {
    List<Case> cases = new ArrayList<>();
    for (DType t : NUMBERS) {
      for (boolean ta : new boolean[] {false, true}) {
        for (boolean tb : new boolean[] {false, true}) {
          // [2,3] @ [3,4], stored transposed where the flag says so.
          Values a = cycle(t, ta ? s(3, 2) : s(2, 3), t == I32 ? INTS : SIGNED, 0, 1);
          Values b = cycle(t, tb ? s(4, 3) : s(3, 4), t == I32 ? INTS : SIGNED, 2, 3);
          cases.add(matmulCase(a, b, ta, tb));
        }
      }
      cases.add(matmulCase(Values.of(t, s(1, 1), 3), Values.of(t, s(1, 1), -2), false, false));
      // The notebook's x^T x for x = [[0], [1], [2], [3]].
      Values x = iota(t, s(4, 1), 0, 1);
      cases.add(matmulCase(x, x, true, false));
      cases.add(matmulCase(x, x, false, true));
      // An empty inner dimension sums nothing: zeros.
      cases.add(matmulCase(Values.of(t, s(3, 0)), Values.of(t, s(0, 2)), false, false));
    }
    return cases.stream().map(Case::test);
  }

  private static Case matmulCase(Values a, Values b, boolean ta, boolean tb) {
    return new Case("matmul(transpose_a=" + ta + ", transpose_b=" + tb + ")", List.of(a, b),
        x -> tf.matmul(x.get(0), x.get(1), ta, tb),
        (tf, x) -> tf.linalg.matMul(o(x.get(0)), o(x.get(1)), MatMul.transposeA(ta),
            MatMul.transposeB(tb))).summing(10);
  }

  // ---- shapes ----

  @TestFactory
  Stream<DynamicTest> transpose() {
    List<Case> cases = new ArrayList<>();
    for (DType t : NUMBERS) {
      Values m = iota(t, s(2, 3), 1, 1);
      Values c = iota(t, s(2, 3, 4), -5, 1);
      cases.add(new Case("transpose", List.of(m), x -> tf.transpose(x.get(0)),
          (tf, x) -> tf.linalg.transpose(o(x.get(0)), tf.constant(new int[] {1, 0}))));
      cases.add(new Case("transpose", List.of(c), x -> tf.transpose(x.get(0)),
          (tf, x) -> tf.linalg.transpose(o(x.get(0)), tf.constant(new int[] {2, 1, 0}))));
      cases.add(new Case("transpose", List.of(iota(t, s(3), 1, 1)), x -> tf.transpose(x.get(0)),
          (tf, x) -> tf.linalg.transpose(o(x.get(0)), tf.constant(new int[] {0}))));
      for (int[] perm : new int[][] {{1, 0, 2}, {2, 0, 1}, {0, 2, 1}, {0, 1, 2}}) {
        cases.add(new Case("transpose(perm=" + Arrays.toString(perm) + ")", List.of(c),
            x -> tf.transpose(x.get(0), perm),
            (tf, x) -> tf.linalg.transpose(o(x.get(0)), tf.constant(perm))));
      }
    }
    return cases.stream().map(Case::exact).map(Case::test);
  }

  @TestFactory
  Stream<DynamicTest> reshape() {
    List<Case> cases = new ArrayList<>();
    Object[][] specs = {
      {s(2, 3), s(3, 2)}, {s(2, 3), s(-1)}, {s(2, 3), s(2, -1)}, {s(2, 3), s(-1, 1, 3)},
      {s(2, 3, 4), s(4, -1)}, {s(1), s()}, {s(), s(1, 1)}, {s(0, 3), s(-1, 3)}, {s(0, 3), s(3, 0)}
    };
    for (DType t : NUMBERS) {
      for (Object[] spec : specs) {
        long[] to = (long[]) spec[1];
        cases.add(new Case("reshape" + Arrays.toString(to), List.of(iota(t, (long[]) spec[0], 1, 1)),
            x -> tf.reshape(x.get(0), to), (tf, x) -> tf.reshape(o(x.get(0)), tf.constant(to))));
      }
    }
    return cases.stream().map(Case::exact).map(Case::test);
  }

  // ---- reductions ----

  @TestFactory
  Stream<DynamicTest> reductions() {
    List<Case> cases = new ArrayList<>();
    int[][] axes = {null, {0}, {1}, {2}, {-1}, {0, 2}, {-3, -2}};
    for (DType t : NUMBERS) {
      Values x = cycle(t, s(2, 3, 4), t == I32 ? INTS : SIGNED, 0, 3);
      for (int[] axis : axes) {
        for (boolean keep : new boolean[] {false, true}) {
          String args = "(axis=" + (axis == null ? "None" : Arrays.toString(axis)) + ", keepdims="
              + keep + ")";
          int[] all = axis == null ? new int[] {0, 1, 2} : axis;
          cases.add(new Case("reduce_sum" + args, List.of(x),
              in -> tf.reduce_sum(in.get(0), axis, keep),
              (tf, in) -> tf.sum(o(in.get(0)), tf.constant(all), Sum.keepDims(keep))).summing(10));
          cases.add(new Case("reduce_mean" + args, List.of(x),
              in -> tf.reduce_mean(in.get(0), axis, keep),
              (tf, in) -> tf.math.mean(o(in.get(0)), tf.constant(all),
                  org.tensorflow.op.math.Mean.keepDims(keep))).summing(10));
        }
      }
    }
    // int32 mean divides with C's truncation: mean([1, 2]) = 1, mean([-1, -2]) = -1.
    cases.add(new Case("reduce_mean(axis=1)", List.of(Values.i32(s(3, 2), 1, 2, -1, -2, 3, 4)),
        in -> tf.reduce_mean(in.get(0), 1),
        (tf, in) -> tf.math.mean(o(in.get(0)), tf.constant(1))));
    // Empty reductions: the sum of nothing is 0, the float mean of nothing NaN.
    for (DType t : FLOATS) {
      Values empty = Values.of(t, s(0, 3));
      cases.add(new Case("reduce_sum(axis=0)", List.of(empty), in -> tf.reduce_sum(in.get(0), 0),
          (tf, in) -> tf.sum(o(in.get(0)), tf.constant(0))));
      cases.add(new Case("reduce_mean(axis=0)", List.of(empty), in -> tf.reduce_mean(in.get(0), 0),
          (tf, in) -> tf.math.mean(o(in.get(0)), tf.constant(0))));
    }
    return cases.stream().map(Case::test);
  }

  /**
   * tf.norm (euclidean) is a composite in TensorFlow: sqrt(reduce_sum(x * x, axis, keepdims=True)),
   * squeezed unless keepdims. The same composite runs in TensorFlow here.
   */
  @TestFactory
  Stream<DynamicTest> norm() {
    List<Case> cases = new ArrayList<>();
    int[][] axes = {null, {0}, {1}, {-1}, {0, 1}};
    for (DType t : FLOATS) {
      for (Values x : List.of(cycle(t, s(2, 3), SIGNED, 0, 1), Values.of(t, s(2, 3), 0, 0, 0, 0, 0, 0),
          Values.of(t, s(1, 3), 3, 4, 12))) {
        for (int[] axis : axes) {
          for (boolean keep : new boolean[] {false, true}) {
            cases.add(new Case("norm(axis=" + (axis == null ? "None" : Arrays.toString(axis))
                + ", keepdims=" + keep + ")", List.of(x),
                in -> axis != null && axis.length == 1 ? tf.norm(in.get(0), "euclidean", axis[0], keep)
                    : tf.norm(in.get(0), "euclidean", axis, keep),
                (tf, in) -> euclideanNorm(tf, in.get(0), axis, keep)).summing(10));
          }
        }
      }
    }
    return cases.stream().map(Case::test);
  }

  // ---- casts ----

  @TestFactory
  Stream<DynamicTest> cast() {
    List<Case> cases = new ArrayList<>();
    double[] fractions = {1.7, -1.7, 2.5, -2.5, 0, -0.0, 0.1, 1e9, -123456.78, 0.9999999};
    Object[][] casts = {
      {F32, I32, TInt32.class}, {F64, I32, TInt32.class}, {F32, F64, TFloat64.class},
      {F64, F32, TFloat32.class}, {I32, F32, TFloat32.class}, {I32, F64, TFloat64.class},
      {F32, DType.BOOL, TBool.class}, {I32, DType.BOOL, TBool.class}, {DType.BOOL, F32, TFloat32.class},
      {DType.BOOL, I32, TInt32.class}
    };
    for (Object[] c : casts) {
      DType from = (DType) c[0];
      DType to = (DType) c[1];
      Class<? extends TType> toClass = (Class<? extends TType>) c[2];
      double[] pool = from == I32 ? INTS : from == DType.BOOL ? new double[] {1, 0, 0, 1} : fractions;
      Values x = cycle(from, s(2, 5), pool, 0, 1);
      cases.add(new Case("cast(" + from.typeName() + " -> " + to.typeName() + ")", List.of(x),
          in -> tf.cast(in.get(0), to), (tf, in) -> tf.dtypes.cast(in.get(0), toClass)));
    }
    return cases.stream().map(Case::exact).map(Case::test);
  }

  // ---- making tensors ----

  /** Ranges, fractional steps included: TensorFlow computes start + i * delta in the dtype. */
  @TestFactory
  Stream<DynamicTest> range() {
    List<Case> cases = new ArrayList<>();
    double[][] ints = {{0, 5, 1}, {5, 0, -1}, {1, 10, 3}, {-3, 3, 2}, {0, 0, 1}, {10, 1, -4}};
    double[][] floats = {{-2.5, 2.5, 0.5}, {3, 3, 1}, {0, 10, 3}, {10, 0, -2.5}, {1, 2, 0.125},
      {0, 1, 0.1}, {1, -1, -0.3}, {0, 0.3, 0.1}};
    for (double[] r : ints) {
      cases.add(rangeCase(I32, r));
    }
    for (double[] r : floats) {
      cases.add(rangeCase(F32, r));
      cases.add(rangeCase(F64, r));
    }
    return cases.stream().map(Case::exact).map(Case::test);
  }

  /**
   * Cases where TFJ once disagreed with TensorFlow: subnormal results, which TensorFlow's CPU
   * kernels flush to zero ({@code exp(-100f)} is 0), and floats outside int32's range or NaN cast
   * to int32, which x86's conversion turns into -2147483648.
   */
  @TestFactory
  Stream<DynamicTest> formerDisagreements() {
    List<Case> cases = new ArrayList<>();
    cases.add(new Case("exp", List.of(Values.f32(s(3), -100, -90, -87.5)), in -> tf.exp(in.get(0)),
        (tf, in) -> tf.math.exp(o(in.get(0)))));
    cases.add(new Case("exp", List.of(Values.f64(s(2), -740, -710)), in -> tf.exp(in.get(0)),
        (tf, in) -> tf.math.exp(o(in.get(0)))));
    cases.add(new Case("multiply", List.of(Values.f32(s(2), 1e-30, 1e-38), Values.f32(s(2), 1e-10, 0.5)),
        x -> tf.multiply(x.get(0), x.get(1)), (tf, x) -> tf.math.mul(o(x.get(0)), o(x.get(1)))).exact());
    cases.add(new Case("multiply", List.of(Values.f64(s(1), 1e-300), Values.f64(s(1), 1e-10)),
        x -> tf.multiply(x.get(0), x.get(1)), (tf, x) -> tf.math.mul(o(x.get(0)), o(x.get(1)))).exact());
    for (DType from : FLOATS) {
      Values x = Values.of(from, s(4), 3e9, -3e9, Double.NaN, Double.POSITIVE_INFINITY);
      cases.add(new Case("cast(" + from.typeName() + " -> int32)", List.of(x),
          in -> tf.cast(in.get(0), I32), (tf, in) -> tf.dtypes.cast(in.get(0), TInt32.class)));
    }
    return cases.stream().map(Case::test);
  }

  private static Case rangeCase(DType t, double[] r) {
    List<Values> in = List.of(Values.of(t, s(), r[0]), Values.of(t, s(), r[1]), Values.of(t, s(), r[2]));
    return new Case("range", in, x -> tf.range(x.get(0), x.get(1), x.get(2), t),
        (tf, x) -> tf.range(o(x.get(0)), o(x.get(1)), o(x.get(2))));
  }

  @TestFactory
  Stream<DynamicTest> filled() {
    List<Case> cases = new ArrayList<>();
    long[][] shapes = {s(2, 3), s(4), s(), s(0, 2)};
    for (long[] shape : shapes) {
      for (DType t : NUMBERS) {
        Class<? extends TType> type = Oracle.typeClass(t);
        cases.add(new Case("zeros" + Arrays.toString(shape), List.of(),
            x -> tf.zeros(shape, t), (tf, x) -> tf.zeros(tf.constant(shape), type)));
        cases.add(new Case("ones" + Arrays.toString(shape), List.of(),
            x -> tf.ones(shape, t), (tf, x) -> tf.ones(tf.constant(shape), type)));
        Values v = Values.of(t, s(), t == I32 ? -7 : 2.5);
        cases.add(new Case("fill" + Arrays.toString(shape), List.of(v),
            x -> tf.fill(shape, x.get(0)), (tf, x) -> tf.fill(tf.constant(shape), o(x.get(0)))));
      }
    }
    return cases.stream().map(Case::exact).map(Case::test);
  }

  // ---- ops without a tf.* spelling yet, called through the op runner ----

  /** Runs TFJ ops on the handles of {@code in} and wraps the result as a tensor-like value. */
  static Tensor viaRunner(List<Tensor> in, Function<List<TensorHandle>, dev.tfj.ops.Operand> f) {
    List<TensorHandle> handles = new ArrayList<>();
    for (Tensor t : in) {
      Values v = Oracle.of(t);
      handles.add(handleOf(v));
    }
    Values out = Oracle.of((TensorHandle) f.apply(handles));
    return tfj(out);
  }

  static TensorHandle handleOf(Values v) {
    Object flat = dev.tfj.ops.HostArrays.allocate(v.dtype(), v.data().length);
    for (int i = 0; i < v.data().length; i++) {
      java.lang.reflect.Array.set(flat, i, v.dtype() == DType.BOOL ? (Object) (v.data()[i] != 0)
          : dev.tfj.ops.HostArrays.scalarElement(v.dtype(), v.data()[i]));
    }
    return EagerRunner.INSTANCE.constant(v.dtype(), v.shape(), flat);
  }

  @TestFactory
  Stream<DynamicTest> opsWithoutFacade() {
    List<Case> cases = new ArrayList<>();
    EagerRunner run = EagerRunner.INSTANCE;
    for (DType t : NUMBERS) {
      double[] pool = t == I32 ? INTS : SIGNED;
      Values a = cycle(t, s(2, 3), pool, 0, 1);
      Values b = cycle(t, s(2, 3), pool, 2, 3);
      Values c = cycle(t, s(2, 3), pool, 5, 2);
      cases.add(new Case("AddN", List.of(a, b, c), x -> viaRunner(x, h -> run.addN(h)),
          (tf, x) -> tf.math.addN((List) x)));
      Values sq = iota(t, s(1, 3, 1), 1, 1);
      cases.add(new Case("Squeeze", List.of(sq), x -> viaRunner(x, h -> run.squeeze(h.get(0))),
          (tf, x) -> tf.squeeze(o(x.get(0)))));
      cases.add(new Case("Squeeze(axis=[-1])", List.of(sq),
          x -> viaRunner(x, h -> run.squeeze(h.get(0), -1)),
          (tf, x) -> tf.squeeze(o(x.get(0)), Squeeze.axis(-1L))));
      for (int axis : new int[] {0, 1, -1, 2}) {
        cases.add(new Case("ExpandDims(axis=" + axis + ")", List.of(a),
            x -> viaRunner(x, h -> run.expandDims(h.get(0), axis)),
            (tf, x) -> tf.expandDims(o(x.get(0)), tf.constant(axis))));
      }
      for (long[][] sh : new long[][][] {{s(3), s(2, 3)}, {s(2, 1), s(2, 3)}, {s(), s(2, 2)},
          {s(1, 3), s(4, 2, 3)}}) {
        Values x0 = iota(t, sh[0], 1, 1);
        long[] to = sh[1];
        cases.add(new Case("BroadcastTo" + Arrays.toString(to), List.of(x0),
            x -> viaRunner(x, h -> run.broadcastTo(h.get(0), to)),
            (tf, x) -> tf.broadcastTo(o(x.get(0)), tf.constant(to))));
      }
      // SelectV2 broadcasts condition, x and y together.
      Values cond = Values.bool(s(2, 1), 1, 0);
      Values y = cycle(t, s(3), pool, 1, 1);
      cases.add(new Case("SelectV2", List.of(cond, a, y),
          x -> viaRunner(x, h -> run.select(h.get(0), h.get(1), h.get(2))),
          (tf, x) -> tf.select(o(x.get(0)), o(x.get(1)), o(x.get(2)))));
    }
    return cases.stream().map(Case::exact).map(Case::test);
  }

  /** Reading a variable (ReadVariableOp) returns its value; TensorFlow's resource ops eagerly. */
  @TestFactory
  Stream<DynamicTest> variableRead() {
    return NUMBERS.stream().map(t -> {
      Values v = cycle(t, s(2, 3), t == I32 ? INTS : SIGNED, 0, 1);
      return new Case("ReadVariableOp", List.of(v), x -> tf.identity(tf.Variable(x.get(0))),
          (tf, x) -> {
            Operand handle = tf.varHandleOp(Oracle.typeClass(t),
                org.tensorflow.ndarray.Shape.of(v.shape()), VarHandleOp.sharedName("oracle_" + t));
            tf.assignVariableOp(handle, x.get(0));
            return tf.readVariableOp(handle, Oracle.typeClass(t));
          }).exact().test();
    });
  }
}
