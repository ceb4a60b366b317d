package dev.tfj.compat.linalg;

import static dev.tfj.compat.gradcheck.GradientChecker.check;
import static dev.tfj.compat.gradcheck.GradientChecker.checkSecondOrder;
import static dev.tfj.compat.gradcheck.GradientChecker.uniform;
import static dev.tfj.compat.oracle.Oracle.s;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.tfj.Tensor;
import dev.tfj.compat.ComparedWithTensorFlow;
import dev.tfj.compat.errors.StateGuard;
import dev.tfj.compat.oracle.Oracle;
import dev.tfj.compat.oracle.Oracle.Values;
import dev.tfj.compat.reductions.Agreement;
import dev.tfj.errors.NotImplementedError;
import dev.tfj.ops.DType;
import dev.tfj.tf;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.tensorflow.EagerSession;
import org.tensorflow.op.Ops;
import org.tensorflow.op.linalg.Svd;

/**
 * The Svd op and the matrix 2-norm. Singular values and norms against TensorFlow Java's eager
 * Svd (TensorFlow's Python composite for the norm, op for op) on square, tall, wide, batched,
 * rank-deficient, zero and empty matrices. Singular vectors are unique only up to the sign of
 * each column pair (for distinct nonzero singular values), so u and v are compared with
 * TensorFlow's after matching column signs, and always checked to rebuild the input and to be
 * orthonormal. TensorFlow Java has no Svd gradient (TensorFlow registers it in Python only), so
 * gradients are checked against float64 central differences, through the norm (Svd without
 * vectors), through sign-invariant functions of s, u and v (with vectors), and to second order.
 */
@ComparedWithTensorFlow({"Svd"})
@SuppressWarnings({"unchecked", "rawtypes"})
class SvdTest {
  static final DType F32 = DType.FLOAT32;
  static final DType F64 = DType.FLOAT64;
  private static final Ops EAGER = Ops.create(EagerSession.getDefault());

  /** Shapes with full-rank values: square, tall, wide, batched, one element. */
  static final long[][] SHAPES = {s(3, 3), s(5, 3), s(3, 5), s(2, 4, 3), s(2, 3, 2, 4), s(1, 1), s(6, 6)};

  /** Values on a 1/8 grid in [-2, 2] (exact in float32), seeded per case. */
  static Values random(DType t, long[] shape, long seed) {
    Random r = new Random(seed);
    double[] d = new double[Math.toIntExact(Arrays.stream(shape).reduce(1, (a, b) -> a * b))];
    for (int i = 0; i < d.length; i++) {
      d[i] = Math.round((r.nextDouble() * 4 - 2) * 8) / 8.0;
    }
    return Values.of(t, shape, d);
  }

  /** Rank-deficient and degenerate inputs: rank 1 (an outer product), a zero column, zeros, empty. */
  static List<Values> special(DType t) {
    return List.of(
        Values.of(t, s(4, 3), 1, 2, -1, 2, 4, -2, -3, -6, 3, 0.5, 1, -0.5),
        Values.of(t, s(3, 4), 1, 0, 2, -1, 3, 0, 1, 1, -2, 0, 0.5, 4),
        Values.of(t, s(3, 3), 2, 1, 3, 4, 2, 6, -2, -1, -3),
        Values.of(t, s(2, 2), 0, 0, 0, 0),
        Values.of(t, s(0, 3)), Values.of(t, s(3, 0)), Values.of(t, s(2, 0, 0)));
  }

  static double rtol(DType t) {
    return t == F32 ? 2e-6 : 1e-13;
  }

  static List<Values> inputs(DType t) {
    List<Values> in = new ArrayList<>();
    for (int i = 0; i < SHAPES.length; i++) {
      in.add(random(t, SHAPES[i], 100 + i));
    }
    in.addAll(special(t));
    return in;
  }

  @TestFactory
  Stream<DynamicTest> singularValues() {
    List<Agreement> cases = new ArrayList<>();
    for (DType t : List.of(F32, F64)) {
      for (Values x : inputs(t)) {
        // Absolute tolerance: the largest values are about 6; a zero singular value is rounding.
        cases.add(new Agreement("svd s", List.of(x), in -> tf.linalg.svd(in.get(0), false, false).get(0),
            (ops, in) -> TfLinalg.svd(ops, in.get(0), false, false).s(), rtol(t), 20, false));
        cases.add(new Agreement("svd s (with u, v)", List.of(x), in -> tf.linalg.svd(in.get(0)).get(0),
            (ops, in) -> TfLinalg.svd(ops, in.get(0), true, false).s(), rtol(t), 20, false));
      }
    }
    return cases.stream().map(Agreement::values);
  }

  @TestFactory
  Stream<DynamicTest> matrixTwoNorm() {
    List<Agreement> cases = new ArrayList<>();
    for (DType t : List.of(F32, F64)) {
      List<Values> in = List.of(random(t, s(2, 3, 4), 7), random(t, s(3, 2, 2, 5), 8), special(t).get(0),
          special(t).get(3));
      for (Values x : in) {
        int rank = x.shape().length;
        List<int[]> axes = rank == 2 ? List.of(new int[] {0, 1}, new int[] {-1, -2})
            : List.of(new int[] {-2, -1}, new int[] {0, 1}, new int[] {2, 0}, new int[] {-1, -3});
        for (int[] axis : axes) {
          for (boolean keep : new boolean[] {false, true}) {
            for (Object ord : List.of(2, 2.0)) {
              cases.add(new Agreement("norm ord=" + ord + " axis=" + Arrays.toString(axis) + " keepdims=" + keep,
                  List.of(x), v -> tf.linalg.norm(v.get(0), ord, axis, keep),
                  (ops, v) -> TfLinalg.norm(ops, v.get(0), ord, axis, keep), rtol(t), 20, false));
            }
          }
        }
      }
    }
    return cases.stream().map(Agreement::values);
  }

  /** u and v: shapes as TensorFlow's, columns equal to TensorFlow's up to sign. */
  @TestFactory
  Stream<DynamicTest> singularVectors() {
    List<DynamicTest> tests = new ArrayList<>();
    for (DType t : List.of(F32, F64)) {
      for (int i = 0; i < SHAPES.length; i++) {
        Values x = random(t, SHAPES[i], 100 + i);
        tests.add(dynamicTest("svd u, v " + x, () -> {
          Svd<?> expected = TfLinalg.svd(EAGER, Oracle.constant(EAGER, x), true, false);
          List<Tensor> actual = tf.linalg.svd(Oracle.tfj(x));
          Values eu = Oracle.read(expected.u());
          Values ev = Oracle.read(expected.v());
          double[] signs = columnSigns(eu, Oracle.of(actual.get(1)));
          // Looser for float32: a vector's error grows as 1 / (gap between singular values).
          double tol = t == F32 ? 2e-4 : 1e-10;
          Oracle.assertAgree(eu, signed(Oracle.of(actual.get(1)), signs), tol, tol, "u");
          Oracle.assertAgree(ev, signed(Oracle.of(actual.get(2)), signs), tol, tol, "v");
        }));
      }
    }
    return tests.stream();
  }

  /** +1 or -1 per (batch, column): the sign that makes TFJ's column point TensorFlow's way. */
  static double[] columnSigns(Values expected, Values actual) {
    long[] sh = expected.shape();
    int rows = (int) sh[sh.length - 2];
    int cols = (int) sh[sh.length - 1];
    int batches = expected.data().length / Math.max(1, rows * cols);
    double[] signs = new double[batches * cols];
    for (int b = 0; b < batches; b++) {
      for (int k = 0; k < cols; k++) {
        double dot = 0;
        for (int i = 0; i < rows; i++) {
          int at = (b * rows + i) * cols + k;
          dot += expected.data()[at] * actual.data()[at];
        }
        signs[b * cols + k] = dot < 0 ? -1 : 1;
      }
    }
    return signs;
  }

  static Values signed(Values x, double[] signs) {
    long[] sh = x.shape();
    int cols = (int) sh[sh.length - 1];
    double[] d = x.data().clone();
    for (int i = 0; i < d.length; i++) {
      int row = i / cols;
      int batch = row / (int) sh[sh.length - 2];
      d[i] *= signs[batch * cols + i % cols];
    }
    return new Values(x.dtype(), sh, d);
  }

  /**
   * On every input (rank-deficient and empty included), thin and full: u and v have TensorFlow's
   * shapes, are orthonormal, and u diag(s) v^T rebuilds the input.
   */
  @TestFactory
  Stream<DynamicTest> decompositionRebuildsTheInput() {
    List<DynamicTest> tests = new ArrayList<>();
    for (DType t : List.of(F32, F64)) {
      for (Values x : inputs(t)) {
        for (boolean full : new boolean[] {false, true}) {
          tests.add(dynamicTest("svd full_matrices=" + full + " " + x, () -> {
            Svd<?> expected = TfLinalg.svd(EAGER, Oracle.constant(EAGER, x), true, full);
            List<Tensor> suv = tf.linalg.svd(Oracle.tfj(x), full);
            Values u = Oracle.of(suv.get(1));
            Values v = Oracle.of(suv.get(2));
            assertArrayEquals(Oracle.read(expected.u()).shape(), u.shape(), "u's shape");
            assertArrayEquals(Oracle.read(expected.v()).shape(), v.shape(), "v's shape");
            double tol = t == F32 ? 1e-5 : 1e-12;
            assertIdentity(tf.matmul(suv.get(1), suv.get(1), true, false), tol, "u^T u");
            assertIdentity(tf.matmul(suv.get(2), suv.get(2), true, false), tol, "v^T v");
            long p = suv.get(0).shape().as_list()[x.shape().length - 2];
            Tensor uThin = tf.slice(suv.get(1), zeros(x.shape().length), thin(u.shape(), p));
            Tensor vThin = tf.slice(suv.get(2), zeros(x.shape().length), thin(v.shape(), p));
            Tensor rebuilt = tf.matmul(tf.multiply(uThin, tf.expand_dims(suv.get(0), -2)), vThin, false, true);
            Oracle.assertAgree(x, Oracle.of(rebuilt), tol, tol * 10, "u diag(s) v^T");
          }));
        }
      }
    }
    return tests.stream();
  }

  private static int[] zeros(int n) {
    return new int[n];
  }

  /** The size of the first {@code p} columns of matrices of {@code shape}. */
  private static int[] thin(long[] shape, long p) {
    int[] out = Arrays.stream(shape).mapToInt(Math::toIntExact).toArray();
    out[out.length - 1] = (int) p;
    return out;
  }

  private static void assertIdentity(Tensor product, double tol, String what) {
    Values v = Oracle.of(product);
    long[] sh = v.shape();
    int n = (int) sh[sh.length - 1];
    double[] eye = new double[v.data().length];
    for (int i = 0; i < eye.length; i++) {
      eye[i] = (i % (n * n)) / n == i % n ? 1 : 0;
    }
    Oracle.assertAgree(new Values(v.dtype(), sh, eye), v, 0, tol, what);
  }

  // ---- gradients (float64 central differences: TensorFlow Java has no Svd gradient) ----

  @Test
  void twoNormGradient() {
    for (long[] shape : new long[][] {s(3, 3), s(4, 2), s(2, 5), s(2, 3, 4)}) {
      Tensor x = uniform(shape, -2, 2, 41 + shape.length);
      check("norm ord=2 " + Arrays.toString(shape), xs -> tf.norm(xs.get(0), 2, new int[] {-2, -1}), x)
          .assertRan("Svd");
    }
    Tensor x = uniform(s(3, 2, 4), -2, 2, 45);
    check("norm ord=2 axis=(2, 0) keepdims", xs -> tf.norm(xs.get(0), 2, new int[] {2, 0}, true), x)
        .assertRan("Svd");
  }

  /** With u and v: functions that do not change when a column pair of u and v flips sign. */
  @Test
  void vectorsGradient() {
    for (long[] shape : new long[][] {s(3, 3), s(4, 3), s(3, 4), s(2, 4, 3), s(2, 3, 5)}) {
      Tensor x = uniform(shape, -2, 2, 51 + shape[shape.length - 1]);
      for (boolean full : new boolean[] {false, true}) {
        long m = shape[shape.length - 2];
        long n = shape[shape.length - 1];
        if (full && Math.abs(m - n) > 1) {
          continue;
        }
        String name = " " + Arrays.toString(shape) + " full_matrices=" + full;
        check("s" + name, xs -> tf.linalg.svd(xs.get(0), full).get(0), x).assertRan("Svd");
        check("u^2" + name, xs -> tf.square(tf.linalg.svd(xs.get(0), full).get(1)), x).assertRan("Svd");
        check("v^2" + name, xs -> tf.square(tf.linalg.svd(xs.get(0), full).get(2)), x).assertRan("Svd");
        check("u_ij v_kj" + name, xs -> {
          List<Tensor> suv = tf.linalg.svd(xs.get(0), full);
          long p = Math.min(m, n);
          Tensor u = tf.slice(suv.get(1), zeros(shape.length), thin(suv.get(1).shape().as_list(), p));
          Tensor v = tf.slice(suv.get(2), zeros(shape.length), thin(suv.get(2).shape().as_list(), p));
          return tf.matmul(u, v, false, true);
        }, x).assertRan("Svd");
      }
    }
  }

  @Test
  void secondOrder() {
    checkSecondOrder("norm ord=2", xs -> tf.norm(xs.get(0), 2, new int[] {0, 1}), uniform(s(3, 4), -2, 2, 61))
        .assertRan("Svd");
    checkSecondOrder("svd s^2", xs -> tf.square(tf.linalg.svd(xs.get(0), false, false).get(0)),
        uniform(s(2, 3, 3), -2, 2, 62)).assertRan("Svd");
  }

  /** TensorFlow's rule covers full matrices only when the sides differ by at most one. */
  @Test
  void fullMatricesGradientOfVeryUnevenSides() {
    Tensor x = uniform(s(4, 2), -2, 2, 71);
    StateGuard g = new StateGuard();
    g.assertRejected(NotImplementedError.class, "svd gradient is not implemented for abs(m - n) > 1 when"
        + " full_matrices is True", () -> {
          var tape = tf.GradientTape();
          Tensor u;
          try (tape) {
            tape.watch(x);
            u = tf.linalg.svd(x, true).get(1);
          }
          tape.gradient(u, x);
        }, x);
  }
}
