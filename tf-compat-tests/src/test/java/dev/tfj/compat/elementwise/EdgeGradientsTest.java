package dev.tfj.compat.elementwise;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.tfj.GradientTape;
import dev.tfj.Tensor;
import dev.tfj.compat.ComparedWithTensorFlow;
import dev.tfj.compat.gradcheck.GradientChecker;
import dev.tfj.eager.EagerRunner;
import dev.tfj.errors.InvalidArgumentError;
import dev.tfj.ops.DType;
import dev.tfj.ops.Operand;
import dev.tfj.tf;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Gradients at the edges: the values TensorFlow gives at kinks and ties, pinned; each
 * activation's gradient against the TensorFlow *Grad kernel its Python gradient calls, on edge
 * inputs and edge upstream gradients (0, infinities, NaN); and second derivatives.
 */
@ComparedWithTensorFlow({"ReluGrad", "Relu6Grad", "LeakyReluGrad", "Sqrt"})
class EdgeGradientsTest {
  @Test
  void pinnedValuesAtKinksAndTies() {
    assertGradient(tf.nn::relu, new double[] {0, -1, 2}, new double[] {0, 0, 1});
    assertGradient(tf::abs, new double[] {0, -1, 2}, new double[] {0, -1, 1});
    assertGradient(x -> tf.maximum(x, 0.0), new double[] {0, -1, 2}, new double[] {1, 0, 1});
    assertGradient(x -> tf.minimum(x, 0.0), new double[] {0, -1, 2}, new double[] {1, 1, 0});
    assertGradient(x -> tf.clip_by_value(x, -1.0, 1.0), new double[] {-1, 1, 0, 2, -3},
        new double[] {1, 1, 1, 0, 0});
    assertGradient(tf::sign, new double[] {0, -1, 2}, new double[] {0, 0, 0});
    assertGradient(tf.nn::relu6, new double[] {0, 6, 3, 7}, new double[] {0, 0, 1, 0});
    assertGradient(x -> tf.nn.leaky_relu(x, 0.25), new double[] {0, -1, 2}, new double[] {0.25, 0.25, 1});
    assertGradient(tf.nn::elu, new double[] {0, 2}, new double[] {1, 1});
  }

  /**
   * TensorFlow differentiates ReluGrad, Relu6Grad and LeakyReluGrad to zeros for the features,
   * so second derivatives through them are zeros; Maximum's and Minimum's gradients select dy by
   * a mask, so their second derivatives (clip_by_value's too) are None.
   */
  @Test
  void secondDerivativesThatAreZerosOrNone() {
    Tensor x = tf.constant(new double[] {-1, 0.5, 7}, tf.float64);
    for (Function<Tensor, Tensor> f : List.<Function<Tensor, Tensor>>of(tf.nn::relu, tf.nn::relu6,
        t -> tf.nn.leaky_relu(t, 0.2))) {
      assertArrayEquals(new double[] {0, 0, 0}, (double[]) secondDerivative(f, x).numpy(), 0);
    }
    org.junit.jupiter.api.Assertions.assertNull(secondDerivative(t -> tf.maximum(t, 0.0), x));
    org.junit.jupiter.api.Assertions.assertNull(secondDerivative(t -> tf.clip_by_value(t, 0.0, 1.0), x));
  }

  private static Tensor secondDerivative(Function<Tensor, Tensor> f, Tensor x) {
    GradientTape outer = tf.GradientTape();
    Tensor dy;
    try (outer) {
      outer.watch(x);
      GradientTape inner = tf.GradientTape();
      Tensor y;
      try (inner) {
        inner.watch(x);
        y = f.apply(x);
      }
      dy = inner.gradient(y, x);
    }
    return outer.gradient(dy, x);
  }

  private static void assertGradient(Function<Tensor, Tensor> f, double[] x, double[] expected) {
    Tensor t = tf.constant(x, tf.float64);
    GradientTape tape = tf.GradientTape();
    Tensor y;
    try (tape) {
      tape.watch(t);
      y = f.apply(t);
    }
    assertArrayEquals(expected, (double[]) tape.gradient(y, t).numpy(), 0);
  }

  /** The activation *Grad ops, which gradients call, check their shapes as TensorFlow does. */
  @Test
  void activationGradOpsRequireEqualShapes() {
    EagerRunner run = EagerRunner.INSTANCE;
    Operand g = run.constant(DType.FLOAT32, new long[] {2}, new float[] {1, 2});
    Operand f = run.constant(DType.FLOAT32, new long[] {3}, new float[] {1, 2, 3});
    for (String op : List.of("ReluGrad", "Relu6Grad", "LeakyReluGrad")) {
      TensorFlowJava.Outcome tf = TensorFlowJava.eager(op, new Object[0],
          Flat.of(DType.FLOAT32, new long[] {2}, 1, 2), Flat.of(DType.FLOAT32, new long[] {3}, 1, 2, 3));
      InvalidArgumentError e = assertThrows(InvalidArgumentError.class, () -> {
        switch (op) {
          case "ReluGrad" -> run.reluGrad(g, f);
          case "Relu6Grad" -> run.relu6Grad(g, f);
          default -> run.leakyReluGrad(g, f, 0.2f);
        }
      });
      assertEquals(tf.message() + " [Op:" + op + "]", e.getMessage());
    }
  }

  /** An activation and the *Grad kernel TensorFlow's Python gradient calls, with its inputs. */
  record Case(String op, Function<Tensor, Tensor> tfj, String gradOp, GradInputs inputs, Object... attrs) {
    @Override
    public String toString() {
      return op;
    }
  }

  /** The *Grad kernel's inputs from x, the forward output y and the upstream gradient dy. */
  interface GradInputs {
    Flat[] of(Flat x, Flat y, Flat dy);
  }

  private static final GradInputs DY_Y = (x, y, dy) -> new Flat[] {dy, y};
  private static final GradInputs DY_X = (x, y, dy) -> new Flat[] {dy, x};
  private static final GradInputs Y_DY = (x, y, dy) -> new Flat[] {y, dy};

  static final List<Case> CASES = List.of(
      new Case("Relu", tf.nn::relu, "ReluGrad", DY_Y),
      new Case("Relu6", tf.nn::relu6, "Relu6Grad", DY_Y),
      new Case("Elu", tf.nn::elu, "EluGrad", DY_Y),
      new Case("Selu", tf.nn::selu, "SeluGrad", DY_Y),
      new Case("Softplus", tf.math::softplus, "SoftplusGrad", DY_X),
      new Case("LeakyRelu", x -> tf.nn.leaky_relu(x, 0.3), "LeakyReluGrad", DY_X, "alpha", 0.3f),
      new Case("Tanh", tf::tanh, "TanhGrad", Y_DY),
      new Case("Sigmoid", tf::sigmoid, "SigmoidGrad", Y_DY),
      new Case("Rsqrt", tf.math::rsqrt, "RsqrtGrad", Y_DY),
      new Case("Reciprocal", tf.math::reciprocal, "ReciprocalGrad", Y_DY),
      new Case("Sqrt", tf::sqrt, "SqrtGrad", Y_DY));

  /**
   * TFJ's gradient against TensorFlow's *Grad kernel fed TFJ's own forward output, so the rule is
   * compared, not the two forward approximations: every edge input against a mix of edge upstream
   * gradients.
   */
  @TestFactory
  Stream<DynamicTest> gradientsMatchTensorFlowsGradKernels() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Case c : CASES) {
      for (DType dtype : Samples.FLOATING) {
        tests.add(dynamicTest(c + " " + dtype.typeName(), () -> {
          Flat x = Samples.edges(dtype);
          double[] mixed = new double[x.size()];
          for (int i = 0; i < mixed.length; i++) {
            mixed[i] = Samples.REALS[(i * 7 + 3) % Samples.REALS.length];
          }
          Flat dy = Flat.of(dtype, x.shape(), mixed);
          Flat y = Flat.of(c.tfj.apply(x.tfj()));
          TensorFlowJava.Outcome expected = TensorFlowJava.eager(c.gradOp, c.attrs, c.inputs.of(x, y, dy));
          Expect.same(expected.value(), Flat.of(TapeGradients.of1(c.tfj, dy, x)),
              Tolerance.ulps(1).fromOne(), c.op + "'(" + x + ") with upstream " + dy);
        }));
      }
    }
    return tests.stream();
  }

  /**
   * Second derivatives through the tape (gradients are ops, recorded by an outer tape), against
   * float64 central differences of TFJ's first derivative: TensorFlow Java cannot differentiate
   * TanhGrad, SigmoidGrad, ReluGrad and the other *Grad ops, so it gives no reference here.
   * Each names an op its backward pass must run.
   */
  @TestFactory
  Stream<DynamicTest> secondDerivatives() {
    record Second(String name, Function<Tensor, Tensor> f, String op) {}
    return Stream.of(
        new Second("tanh", tf::tanh, "Tanh"), new Second("sigmoid", tf::sigmoid, "Sigmoid"),
        new Second("relu", tf.nn::relu, "ReluGrad"), new Second("relu6", tf.nn::relu6, "Relu6Grad"),
        new Second("leaky_relu", x -> tf.nn.leaky_relu(x, 0.2), "LeakyReluGrad"),
        new Second("elu", tf.nn::elu, "Elu"), new Second("selu", tf.nn::selu, "Selu"),
        new Second("softplus", tf.math::softplus, "Softplus"), new Second("sin", tf::sin, "Cos"),
        new Second("cos", tf::cos, "Sin"), new Second("erf", tf.math::erf, "Erf"),
        new Second("abs", tf::abs, "Sign"), new Second("log1p", tf.math::log1p, "Log1p"),
        new Second("expm1", tf.math::expm1, "Expm1"), new Second("atan", tf::atan, "Atan"),
        new Second("asin", tf::asin, "Asin"), new Second("acos", tf::acos, "Acos"),
        new Second("tan", tf::tan, "Tan"), new Second("sinh", tf::sinh, "Sinh"),
        new Second("cosh", tf::cosh, "Cosh"), new Second("rsqrt", x -> tf.math.rsqrt(tf.add(x, 1.0)), "Rsqrt"),
        new Second("reciprocal", tf.math::reciprocal, "Reciprocal"),
        new Second("squared_difference", x -> tf.math.squared_difference(x, tf.multiply(x, x)), "SquaredDifference"),
        new Second("floormod", x -> tf.math.floormod(tf.multiply(x, x), 0.7), "FloorMod"),
        new Second("gelu", tf.nn::gelu, "Erf"), new Second("gelu approximate", x -> tf.nn.gelu(x, true), "Tanh"))
        .map(c -> dynamicTest(c.name, () -> GradientChecker.checkSecondOrder(c.name, xs -> c.f.apply(xs.get(0)),
            GradientChecker.f64(new long[] {6}, 0.3, 0.7, -0.45, 0.6, 0.05, -0.8)).assertRan(c.op)));
  }
}
