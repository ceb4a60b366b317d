package dev.tfj.compat.oracle;

import static dev.tfj.compat.oracle.Oracle.assertAgree;
import static dev.tfj.compat.oracle.Oracle.cycle;
import static dev.tfj.compat.oracle.Oracle.euclideanNorm;
import static dev.tfj.compat.oracle.Oracle.iota;
import static dev.tfj.compat.oracle.Oracle.o;
import static dev.tfj.compat.oracle.Oracle.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.tfj.GradientTape;
import dev.tfj.Tensor;
import dev.tfj.Variable;
import dev.tfj.compat.ComparedWithTensorFlow;
import dev.tfj.compat.oracle.Oracle.TfFn;
import dev.tfj.compat.oracle.Oracle.Values;
import dev.tfj.ops.DType;
import dev.tfj.tf;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.tensorflow.Operand;
import org.tensorflow.op.core.Sum;
import org.tensorflow.op.linalg.MatMul;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;

/**
 * TFJ's gradients (GradientTape) against TensorFlow's, which TensorFlow Java computes in graph mode
 * only: inputs are fed through placeholders and {@code tf.gradients} runs with the initial
 * gradient passed explicitly. Both sides differentiate {@code reduce_sum(f(x) * w)} with the same
 * fixed, non-uniform {@code w}, so a gradient that is right only for an all-ones upstream gradient
 * (a transposed matmul rule, a wrong broadcast reduction) fails. The forward value is compared too.
 *
 * <p>Not here: ops with no gradient in either framework (comparisons, ZerosLike, Range, the random
 * ops: TensorFlow registers them not differentiable, and TensorFlow Java's C++ registry has no
 * OnesLike gradient at all); ops TFJ has no tf.* spelling for yet (Reciprocal, AddN, Squeeze,
 * ExpandDims, BroadcastTo, SelectV2), whose gradients the finite-difference tests check. Squeeze,
 * BroadcastTo and Reciprocal are reached here through tf.norm, broadcasting and tf.log's rules.
 */
@ComparedWithTensorFlow({"AddV2", "Sub", "Mul", "RealDiv", "Pow", "Neg", "Square", "Sqrt", "Exp",
    "Log", "Cast", "Sum", "Mean", "MatMul", "Identity", "StopGradient", "Reshape", "Transpose",
    "Fill", "ReadVariableOp"})
@SuppressWarnings({"unchecked", "rawtypes"})
class OracleGradientsTest {
  private static final DType F32 = DType.FLOAT32;
  private static final DType F64 = DType.FLOAT64;
  private static final List<DType> FLOATS = List.of(F32, F64);

  /** A differentiable function in both frameworks; {@code scale} as in OracleValuesTest. */
  record Case(String name, List<Values> inputs, Function<List<Tensor>, Tensor> tfj, TfFn tf,
      double scale) {
    Case(String name, List<Values> inputs, Function<List<Tensor>, Tensor> tfj, TfFn tf) {
      this(name, inputs, tfj, tf, 10);
    }

    DynamicTest test() {
      return dynamicTest(name + " " + inputs, () -> {
        List<Values> actual = Oracle.tfjGradients(inputs, tfj);
        List<Values> expected = Oracle.tfGradients(inputs, tf, actual.get(0).dtype(),
            actual.get(0).shape());
        compare(name, expected, actual, scale);
      });
    }
  }

  static void compare(String name, List<Values> expected, List<Values> actual, double scale) {
    assertEquals(expected.size(), actual.size());
    for (int i = 0; i < expected.size(); i++) {
      String what = i == 0 ? name + ": value" : name + ": gradient for input " + (i - 1);
      assertNotNull(actual.get(i), what + " is None in TFJ");
      double r = Oracle.rtol(expected.get(i).dtype());
      assertAgree(expected.get(i), actual.get(i), r, r * scale, what);
    }
  }

  private static final double[] SIGNED = {-2.5, 1, -1, 3.25, 0.5, 2, -0.75, 1.5};
  private static final double[] POSITIVE = {0.5, 1, 2, 3.25, 0.25, 1.5, 4, 0.75};

  // ---- broadcasting arithmetic ----

  /** The gradient for a broadcast input is summed over the axes it was broadcast along. */
  private static final long[][][] BINARY_SHAPES = {
    {s(2, 3), s(2, 3)}, {s(2, 3), s(3)}, {s(3), s(2, 3)}, {s(2, 1), s(1, 3)}, {s(), s(2, 3)},
    {s(2, 3), s()}, {s(3), s(2, 1)}, {s(2, 1, 4), s(3, 1)}
  };

  @TestFactory
  Stream<DynamicTest> arithmetic() {
    List<Case> cases = new ArrayList<>();
    for (long[][] shapes : BINARY_SHAPES) {
      for (DType t : FLOATS) {
        Values a = cycle(t, shapes[0], SIGNED, 0, 1);
        Values b = cycle(t, shapes[1], SIGNED, 3, 5);
        Values positive = cycle(t, shapes[1], POSITIVE, 1, 3);
        cases.add(new Case("add", List.of(a, b), x -> tf.add(x.get(0), x.get(1)),
            (tf, x) -> tf.math.add(o(x.get(0)), o(x.get(1)))));
        cases.add(new Case("subtract", List.of(a, b), x -> tf.subtract(x.get(0), x.get(1)),
            (tf, x) -> tf.math.sub(o(x.get(0)), o(x.get(1)))));
        cases.add(new Case("multiply", List.of(a, b), x -> tf.multiply(x.get(0), x.get(1)),
            (tf, x) -> tf.math.mul(o(x.get(0)), o(x.get(1)))));
        cases.add(new Case("divide", List.of(a, positive), x -> tf.divide(x.get(0), x.get(1)),
            (tf, x) -> tf.math.realDiv(o(x.get(0)), o(x.get(1)))));
        cases.add(new Case("pow", List.of(cycle(t, shapes[0], POSITIVE, 0, 1), b),
            x -> tf.pow(x.get(0), x.get(1)), (tf, x) -> tf.math.pow(o(x.get(0)), o(x.get(1)))));
      }
    }
    return cases.stream().map(Case::test);
  }

  /**
   * pow where TensorFlow defines the edges: d/dx = y x^(y-1) (so +inf at x = 0 for y < 1, and
   * finite for negative x with integral y); d/dy = x^y log(x) with log(x) taken as 0 for x <= 0.
   */
  @TestFactory
  Stream<DynamicTest> powEdges() {
    List<Case> cases = new ArrayList<>();
    for (DType t : FLOATS) {
      // Negative, zero and positive bases against integral exponents: all finite.
      cases.add(powCase(Values.of(t, s(6, 1), -2, -1, 0, 0.5, 1, 2), Values.of(t, s(1, 3), 1, 2, 3)));
      // Square roots at 0: d/dx is +inf.
      cases.add(powCase(Values.of(t, s(3), 0, 0.25, 4), Values.of(t, s(3), 0.5, 0.5, 0.5)));
      // Elementwise edge pairs: 0^0, 0^1, 0^2, (-2)^2, (-2)^0.5 (NaN), 0^-1 (inf).
      cases.add(powCase(Values.of(t, s(6), 0, 0, 0, -2, -2, 0), Values.of(t, s(6), 0, 1, 2, 2, 0.5, -1)));
    }
    return cases.stream().map(Case::test);
  }

  private static Case powCase(Values x, Values y) {
    return new Case("pow", List.of(x, y), in -> tf.pow(in.get(0), in.get(1)),
        (tf, in) -> tf.math.pow(o(in.get(0)), o(in.get(1))));
  }

  // ---- unary ----

  @TestFactory
  Stream<DynamicTest> unary() {
    List<Case> cases = new ArrayList<>();
    for (DType t : FLOATS) {
      for (long[] shape : new long[][] {s(), s(5), s(2, 3)}) {
        Values x = cycle(t, shape, SIGNED, 0, 1);
        Values p = cycle(t, shape, POSITIVE, 0, 1);
        cases.add(new Case("negative", List.of(x), in -> tf.negative(in.get(0)),
            (tf, in) -> tf.math.neg(o(in.get(0)))));
        cases.add(new Case("square", List.of(x), in -> tf.square(in.get(0)),
            (tf, in) -> tf.math.square(o(in.get(0)))));
        cases.add(new Case("sqrt", List.of(p), in -> tf.sqrt(in.get(0)),
            (tf, in) -> tf.math.sqrt(o(in.get(0)))));
        cases.add(new Case("exp", List.of(x), in -> tf.exp(in.get(0)),
            (tf, in) -> tf.math.exp(o(in.get(0)))));
        cases.add(new Case("log", List.of(p), in -> tf.log(in.get(0)),
            (tf, in) -> tf.math.log(o(in.get(0)))));
        cases.add(new Case("identity", List.of(x), in -> tf.identity(in.get(0)),
            (tf, in) -> tf.identity(o(in.get(0)))));
      }
      // sqrt'(0) = +inf (TensorFlow's SqrtGrad is 0.5 * dy / sqrt(x)).
      cases.add(new Case("sqrt", List.of(Values.of(t, s(3), 0, 1, 4)), in -> tf.sqrt(in.get(0)),
          (tf, in) -> tf.math.sqrt(o(in.get(0)))));
      // x * x + stop_gradient(x) * x: the stopped factor passes nothing back, so d/dx = 3x.
      cases.add(new Case("stop_gradient", List.of(cycle(t, s(2, 3), SIGNED, 0, 1)),
          in -> tf.add(tf.multiply(in.get(0), in.get(0)),
              tf.multiply(tf.stop_gradient(in.get(0)), in.get(0))),
          (tf, in) -> tf.math.add(tf.math.mul(o(in.get(0)), o(in.get(0))),
              tf.math.mul(tf.stopGradient(o(in.get(0))), o(in.get(0))))));
    }
    // Cast between floats carries the gradient back, cast to the source dtype.
    cases.add(new Case("cast(float32 -> float64)", List.of(cycle(F32, s(2, 3), SIGNED, 0, 1)),
        in -> tf.square(tf.cast(in.get(0), F64)),
        (tf, in) -> tf.math.square(tf.dtypes.cast(in.get(0), TFloat64.class))));
    cases.add(new Case("cast(float64 -> float32)", List.of(cycle(F64, s(2, 3), SIGNED, 0, 1)),
        in -> tf.square(tf.cast(in.get(0), F32)),
        (tf, in) -> tf.math.square(tf.dtypes.cast(in.get(0), TFloat32.class))));
    return cases.stream().map(Case::test);
  }

  // ---- linear algebra and shapes ----

  @TestFactory
  Stream<DynamicTest> matmul() {
    List<Case> cases = new ArrayList<>();
    for (DType t : FLOATS) {
      for (boolean ta : new boolean[] {false, true}) {
        for (boolean tb : new boolean[] {false, true}) {
          Values a = cycle(t, ta ? s(3, 2) : s(2, 3), SIGNED, 0, 1);
          Values b = cycle(t, tb ? s(4, 3) : s(3, 4), SIGNED, 2, 3);
          cases.add(new Case("matmul(transpose_a=" + ta + ", transpose_b=" + tb + ")", List.of(a, b),
              x -> tf.matmul(x.get(0), x.get(1), ta, tb),
              (tf, x) -> tf.linalg.matMul(o(x.get(0)), o(x.get(1)), MatMul.transposeA(ta),
                  MatMul.transposeB(tb)), 100));
        }
      }
    }
    return cases.stream().map(Case::test);
  }

  /** The notebook's y = 2 x^T x for x = [[0], [1], [2], [3]]: dy/dx = 4x. */
  @TestFactory
  Stream<DynamicTest> notebookTwoXTransposeX() {
    return FLOATS.stream().map(t -> new Case("2 * x^T x",
        List.of(iota(t, s(4, 1), 0, 1)),
        in -> tf.multiply(2, tf.matmul(tf.transpose(in.get(0)), in.get(0))),
        (tf, in) -> tf.math.mul(Oracle.constant(tf, Values.of(t, s(), 2)),
            tf.linalg.matMul(tf.linalg.transpose(o(in.get(0)), tf.constant(new int[] {1, 0})),
                o(in.get(0)))), 100).test());
  }

  @TestFactory
  Stream<DynamicTest> shapes() {
    List<Case> cases = new ArrayList<>();
    for (DType t : FLOATS) {
      Values m = cycle(t, s(2, 3), SIGNED, 0, 1);
      Values c = cycle(t, s(2, 3, 4), SIGNED, 0, 3);
      // Each is followed by a square, so the gradient depends on where every element went.
      cases.add(new Case("transpose", List.of(m), x -> tf.square(tf.transpose(x.get(0))),
          (tf, x) -> tf.math.square(tf.linalg.transpose(o(x.get(0)), tf.constant(new int[] {1, 0})))));
      for (int[] perm : new int[][] {{2, 0, 1}, {1, 0, 2}, {0, 2, 1}}) {
        cases.add(new Case("transpose(perm=" + Arrays.toString(perm) + ")", List.of(c),
            x -> tf.square(tf.transpose(x.get(0), perm)),
            (tf, x) -> tf.math.square(tf.linalg.transpose(o(x.get(0)), tf.constant(perm)))));
      }
      for (long[] to : new long[][] {s(3, 2), s(-1), s(6, 1), s(-1, 3)}) {
        cases.add(new Case("reshape" + Arrays.toString(to), List.of(m),
            x -> tf.square(tf.reshape(x.get(0), to)),
            (tf, x) -> tf.math.square(tf.reshape(o(x.get(0)), tf.constant(to)))));
      }
      // fill(dims, value): the value's gradient is the sum of the output's.
      cases.add(new Case("fill", List.of(Values.of(t, s(), 1.5)),
          x -> tf.square(tf.fill(new long[] {2, 3}, x.get(0))),
          (tf, x) -> tf.math.square(tf.fill(tf.constant(new long[] {2, 3}), o(x.get(0))))));
    }
    return cases.stream().map(Case::test);
  }

  // ---- reductions ----

  @TestFactory
  Stream<DynamicTest> reductions() {
    List<Case> cases = new ArrayList<>();
    int[][] axes = {null, {0}, {1}, {-1}, {0, 2}};
    for (DType t : FLOATS) {
      Values x = cycle(t, s(2, 3, 4), SIGNED, 0, 3);
      for (int[] axis : axes) {
        int[] all = axis == null ? new int[] {0, 1, 2} : axis;
        for (boolean keep : new boolean[] {false, true}) {
          String args = "(axis=" + (axis == null ? "None" : Arrays.toString(axis)) + ", keepdims="
              + keep + ")";
          // Squared after reducing, so the upstream gradient differs per reduced element.
          cases.add(new Case("reduce_sum" + args, List.of(x),
              in -> tf.square(tf.reduce_sum(in.get(0), axis, keep)),
              (tf, in) -> tf.math.square(tf.sum(o(in.get(0)), tf.constant(all), Sum.keepDims(keep))),
              100));
          cases.add(new Case("reduce_mean" + args, List.of(x),
              in -> tf.square(tf.reduce_mean(in.get(0), axis, keep)),
              (tf, in) -> tf.math.square(tf.math.mean(o(in.get(0)), tf.constant(all),
                  org.tensorflow.op.math.Mean.keepDims(keep))), 100));
        }
      }
    }
    return cases.stream().map(Case::test);
  }

  /**
   * tf.norm is a composite in TensorFlow (there is no norm op): the same composite, Mul, Sum
   * (keep_dims), Sqrt, Squeeze, is differentiated in TensorFlow. At the zero vector the gradient is
   * NaN in both (sqrt'(0) = inf times 0).
   */
  @TestFactory
  Stream<DynamicTest> norm() {
    List<Case> cases = new ArrayList<>();
    int[][] axes = {null, {0}, {1}, {-1}};
    for (DType t : FLOATS) {
      for (Values x : List.of(cycle(t, s(2, 3), SIGNED, 0, 1), Values.of(t, s(2, 3), 0, 0, 0, 3, 4, 12))) {
        for (int[] axis : axes) {
          for (boolean keep : new boolean[] {false, true}) {
            cases.add(new Case("norm(axis=" + (axis == null ? "None" : Arrays.toString(axis))
                + ", keepdims=" + keep + ")", List.of(x),
                in -> tf.norm(in.get(0), "euclidean", axis, keep),
                (tf, in) -> euclideanNorm(tf, in.get(0), axis, keep)));
          }
        }
      }
    }
    return cases.stream().map(Case::test);
  }

  // ---- variables ----

  /**
   * A variable source: TFJ records the read (ReadVariableOp) and differentiates through it; its
   * gradient is the same as for a tensor with the variable's value, which is what TensorFlow
   * computes here for a placeholder.
   */
  @Test
  void gradientWithRespectToAVariable() {
    for (DType t : FLOATS) {
      Values a = cycle(t, s(2, 3), SIGNED, 0, 1);
      Values b = cycle(t, s(3), POSITIVE, 0, 1);
      Variable va = tf.Variable(Oracle.tfj(a));
      Variable vb = tf.Variable(Oracle.tfj(b));
      GradientTape tape = tf.GradientTape();
      Tensor y;
      Tensor loss;
      try (tape) {
        y = tf.divide(tf.square(va), vb);
        loss = tf.reduce_sum(tf.multiply(y, Oracle.tfj(Values.weights(t, s(2, 3)))));
      }
      List<Tensor> grads = tape.gradient(loss, List.of(va, vb));
      List<Values> actual = new ArrayList<>();
      actual.add(Oracle.of(y));
      grads.forEach(g -> actual.add(g == null ? null : Oracle.of(g)));
      List<Values> expected = Oracle.tfGradients(List.of(a, b),
          (tf, x) -> tf.math.realDiv(tf.math.square(o(x.get(0))), o(x.get(1))), t, s(2, 3));
      compare("square(a) / b with variables a, b (" + t.typeName() + ")", expected, actual, 10);
    }
  }
}
