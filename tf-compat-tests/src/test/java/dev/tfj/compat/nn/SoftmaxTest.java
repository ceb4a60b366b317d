package dev.tfj.compat.nn;

import static dev.tfj.compat.nn.NnOracle.assertAgree;
import static dev.tfj.compat.nn.NnOracle.assertRejected;
import static dev.tfj.compat.nn.NnOracle.of;
import static dev.tfj.compat.nn.NnOracle.tfj;

import dev.tfj.Tensor;
import dev.tfj.compat.ComparedWithTensorFlow;
import dev.tfj.compat.oracle.Oracle;
import dev.tfj.compat.oracle.Oracle.Values;
import dev.tfj.errors.InvalidArgumentError;
import dev.tfj.ops.DType;
import dev.tfj.tf;
import java.util.List;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;

/**
 * tf.nn.softmax and tf.nn.log_softmax (also tf.math.*) against TensorFlow: values on several
 * shapes, axes and edge values in eager mode, gradients in graph mode, and bad input. On a
 * non-last axis TensorFlow's Python layer swaps the axis with the last one around the op; the
 * TensorFlow side here builds the same transposes.
 */
@ComparedWithTensorFlow({"Softmax", "LogSoftmax"})
class SoftmaxTest {
  private static final List<DType> FLOATS = List.of(DType.FLOAT32, DType.FLOAT64);
  private static final double INF = Double.POSITIVE_INFINITY;

  /** Inputs and why each is here. */
  private static final Object[][] CASES = {
    {"vector", new double[] {1, 2, 3}},
    {"batch", new double[][] {{1, 2, 3}, {-1, 0, 0.5}, {0.25, -4, 7}}},
    {"ties", new double[][] {{0, 0, 0}, {5, 5, 5}}},
    {"large logits (shifted by the maximum, so no overflow)", new double[][] {{1000, 999, -1000}, {-500, 88, 89}}},
    {"minus infinity has probability 0", new double[][] {{-INF, 0, 1}, {-INF, -INF, 2}}},
    {"infinity gives NaN as in TensorFlow", new double[][] {{INF, 0, 1}}},
    {"one class", new double[][] {{3}, {-2}}},
    {"rank 3", ramp(2, 3, 4)},
    {"long rows", ramp(2, 1, 37)},
    {"no classes", new double[][] {{}, {}}},
    {"no rows", new double[0][3]},
  };

  private static final Ops tfe = NnOracle.EAGER;

  /** Values 0.37 * i - 3 with some wiggle, shaped [a][b][c]. */
  static double[][][] ramp(int a, int b, int c) {
    double[][][] out = new double[a][b][c];
    int i = 0;
    for (double[][] m : out) {
      for (double[] row : m) {
        for (int k = 0; k < c; k++, i++) {
          row[k] = 0.37 * i - 3 + Math.sin(i);
        }
      }
    }
    return out;
  }

  private static void compareOnLastAxis(String name, BiFunction<Object, Integer, Tensor> tfj,
      java.util.function.BiFunction<Ops, Operand<?>, Operand<?>> tf) {
    for (DType dtype : FLOATS) {
      for (Object[] c : CASES) {
        Tensor actual = tfj.apply(tfj(c[1], dtype), -1);
        Operand<?> expected = tf.apply(tfe, NnOracle.tf(tfe, c[1], dtype));
        assertAgree(of(expected), of(actual), name + " " + c[0] + " " + dtype);
      }
    }
  }

  @Test
  void softmaxOnTheLastAxisMatchesTensorFlow() {
    compareOnLastAxis("softmax", (x, axis) -> tf.nn.softmax(x, axis),
        (t, x) -> t.nn.softmax((Operand) x));
  }

  @Test
  void logSoftmaxOnTheLastAxisMatchesTensorFlow() {
    compareOnLastAxis("log_softmax", (x, axis) -> tf.nn.log_softmax(x, axis),
        (t, x) -> t.nn.logSoftmax((Operand) x));
  }

  @Test
  void smallRowsAreBitForBitTensorFlows() {
    // TensorFlow adds rows shorter than its vector width one by one in float: so does TFJ
    double[][] x = {{1, 2, 3}, {-1, 0.5, 4}};
    NnOracle.assertBitForBit(of(tfe.nn.logSoftmax((Operand) NnOracle.tf(tfe, x, DType.FLOAT32))),
        of(tf.nn.log_softmax(tfj(x, DType.FLOAT32))), "log_softmax");
    NnOracle.assertBitForBit(of(tfe.nn.softmax((Operand) NnOracle.tf(tfe, x, DType.FLOAT32))),
        of(tf.nn.softmax(tfj(x, DType.FLOAT32))), "softmax");
  }

  @Test
  void everyAxisOfARank3TensorMatchesTensorFlowsSwap() {
    double[][][] x = ramp(2, 3, 4);
    for (DType dtype : FLOATS) {
      for (int axis = -3; axis < 3; axis++) {
        int dim = Math.floorMod(axis, 3);
        int[] swap = {0, 1, 2};
        swap[dim] = 2;
        swap[2] = dim;
        Operand perm = tfe.constant(swap);
        Operand<?> in = tfe.linalg.transpose((Operand) NnOracle.tf(tfe, x, dtype), perm);
        Operand<?> softmax = tfe.linalg.transpose(tfe.nn.softmax((Operand) in), perm);
        Operand<?> logSoftmax = tfe.linalg.transpose(tfe.nn.logSoftmax((Operand) in), perm);
        assertAgree(of(softmax), of(tf.nn.softmax(tfj(x, dtype), axis)), "softmax axis " + axis);
        assertAgree(of(logSoftmax), of(tf.nn.log_softmax(tfj(x, dtype), axis)), "log_softmax axis " + axis);
        assertAgree(of(softmax), of(tf.math.softmax(tfj(x, dtype), axis)), "tf.math.softmax axis " + axis);
        assertAgree(of(logSoftmax), of(tf.math.log_softmax(tfj(x, dtype), axis)),
            "tf.math.log_softmax axis " + axis);
      }
    }
  }

  @Test
  void defaultAxisIsTheLast() {
    double[][] x = {{1, 2, 3}, {4, 6, 5}};
    assertAgree(of(tf.nn.softmax(x, -1)), of(tf.nn.softmax(x)), "softmax");
    assertAgree(of(tf.nn.softmax(x, 1)), of(tf.math.softmax(x)), "tf.math.softmax");
    assertAgree(of(tf.nn.log_softmax(x, 1)), of(tf.nn.log_softmax(x)), "log_softmax");
    assertAgree(of(tf.nn.log_softmax(x, -1)), of(tf.math.log_softmax(x)), "tf.math.log_softmax");
  }

  @Test
  void gradientsMatchTensorFlowsOnBothAxesOfAMatrix() {
    // TensorFlow Java's C++ LogSoftmax gradient sums over axis 1, which is the last axis only
    // for matrices (Python's sums over -1): rank 3 is checked against central differences in
    // NnGradientCheckTest
    double[][] x = ramp(1, 3, 4)[0];
    for (DType dtype : FLOATS) {
      for (int axis : new int[] {-1, 0}) {
        int[] swap = axis == 0 ? new int[] {1, 0} : new int[] {0, 1};
        for (boolean log : new boolean[] {false, true}) {
          NnOracle.assertGradientsAgree(List.of(NnOracle.values(x, dtype)),
              xs -> log ? tf.nn.log_softmax(xs.get(0), axis) : tf.nn.softmax(xs.get(0), axis),
              (t, xs) -> {
                Operand in = t.linalg.transpose((Operand) xs.get(0), t.constant(swap));
                Operand y = log ? t.nn.logSoftmax(in) : t.nn.softmax(in);
                return t.linalg.transpose(y, t.constant(swap));
              },
              (log ? "log_softmax" : "softmax") + ", axis " + axis + " " + dtype);
        }
      }
    }
  }

  /** The gradient of reduce_sum(f(x) * w) by a GradientTape, as Java doubles. */
  private static double[] tapeGradient(java.util.function.Function<Tensor, Tensor> f, Object x,
      DType dtype, double[] w) {
    Tensor logits = tf.constant(x, dtype);
    dev.tfj.GradientTape tape = tf.GradientTape();
    Tensor loss;
    try (tape) {
      tape.watch(logits);
      loss = tf.reduce_sum(tf.multiply(f.apply(logits), tf.constant(w, dtype)));
    }
    return Oracle.of(tape.gradient(loss, logits)).data();
  }

  /**
   * TensorFlow's softmax_op_test (after 2.18): where one probability rounds to 1, the float64
   * gradient keeps the tail at that class and sums to zero along the row, to rtol 1e-14 and
   * g[0] == -g[1]. (TensorFlow 2.18, as TensorFlow Java runs it, still gives [0, -5.55e-17].)
   */
  @Test
  void float64GradientsKeepTheTailWhereAProbabilityRoundsToOne() {
    double[] x = {37.42994775023705, 0.0};
    double tail = 5.551115123125775e-17;
    for (boolean log : new boolean[] {false, true}) {
      String what = log ? "log_softmax" : "softmax";
      double[] g = tapeGradient(log ? tf.nn::log_softmax : tf.nn::softmax, x, DType.FLOAT64,
          new double[] {1, 0});
      org.junit.jupiter.api.Assertions.assertEquals(tail, g[0], 1e-14 * tail, what + " g[0]");
      org.junit.jupiter.api.Assertions.assertEquals(-tail, g[1], 1e-14 * tail, what + " g[1]");
      org.junit.jupiter.api.Assertions.assertEquals(-g[1], g[0], what + ": g[0] == -g[1]");
    }
    // TensorFlow issue 126525's case: the gradient of softmax([40, 0])[0], in a batch of rows.
    double[] g = tapeGradient(tf.nn::softmax, new double[][] {{40, 0}, {1, 2}}, DType.FLOAT64,
        new double[] {1, 0});
    double expected = Math.exp(-40) / Math.pow(1 + Math.exp(-40), 2);
    org.junit.jupiter.api.Assertions.assertEquals(expected, g[0], 1e-14 * expected);
    org.junit.jupiter.api.Assertions.assertEquals(-g[0], g[1]);
  }

  /** float32 keeps TensorFlow's one-pass gradient, tail lost included, as TensorFlow does. */
  @Test
  void float32GradientsInTheTailAreTensorFlows() {
    double[][] x = {{17.5, 0}, {-3, 20}};
    for (boolean log : new boolean[] {false, true}) {
      NnOracle.assertGradientsAgree(List.of(NnOracle.values(x, DType.FLOAT32)),
          xs -> log ? tf.nn.log_softmax(xs.get(0)) : tf.nn.softmax(xs.get(0)),
          (t, xs) -> log ? t.nn.logSoftmax((Operand) xs.get(0)) : t.nn.softmax((Operand) xs.get(0)),
          (log ? "log_softmax" : "softmax") + " float32 tail");
    }
  }

  @Test
  void aScalarIsRejectedByTheKernel() {
    Tensor x = tf.constant(1f);
    assertRejected(InvalidArgumentError.class,
        "logits must have >= 1 dimension, got [] [Op:Softmax]", () -> tf.nn.softmax(x), x);
    assertRejected(InvalidArgumentError.class,
        "logits must have >= 1 dimension, got [] [Op:LogSoftmax]", () -> tf.nn.log_softmax(x), x);
  }

  @Test
  void anAxisOutOfRangeIsRejectedByThePythonLayer() {
    Tensor x = tf.constant(new float[][] {{1, 2}, {3, 4}});
    assertRejected(InvalidArgumentError.class, "`dim` must be in the range [-2, 2) where 2 is the"
        + " number of dimensions in the input. Received: dim=2", () -> tf.nn.softmax(x, 2), x);
    assertRejected(InvalidArgumentError.class, "`dim` must be in the range [-2, 2) where 2 is the"
        + " number of dimensions in the input. Received: dim=-3", () -> tf.nn.log_softmax(x, -3), x);
    Tensor scalar = tf.constant(1f);
    assertRejected(InvalidArgumentError.class, "`dim` must be in the range [0, 0) where 0 is the"
        + " number of dimensions in the input. Received: dim=0", () -> tf.nn.softmax(scalar, 0), scalar);
  }

  @Test
  void integerLogitsAreRejectedByTheOpDefinition() {
    Tensor x = tf.constant(new int[] {1, 2, 3});
    assertRejected(InvalidArgumentError.class, "Value for attr 'T' of int32 is not in the list of"
        + " allowed values: half, bfloat16, float, double\n\t; NodeDef: {{node Softmax}}; Op<name=Softmax;"
        + " signature=logits:T -> softmax:T; attr=T:type,allowed=[DT_HALF, DT_BFLOAT16, DT_FLOAT,"
        + " DT_DOUBLE]> [Op:Softmax]", () -> tf.nn.softmax(x), x);
  }
}
