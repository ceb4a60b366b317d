package dev.tfj.compat.elementwise;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.tfj.GradientTape;
import dev.tfj.Tensor;
import dev.tfj.ops.DType;
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
   */
  @TestFactory
  Stream<DynamicTest> secondDerivatives() {
    List<Function<Tensor, Tensor>> fs = List.of(tf::tanh, tf::sigmoid, tf.nn::relu, tf.nn::elu,
        tf.nn::selu, tf.math::softplus, tf::sin, tf::cos, tf.math::erf, tf::abs, tf.math::log1p,
        tf.math::expm1, tf::atan, tf.math::rsqrt, tf.math::reciprocal, x -> tf.nn.leaky_relu(x, 0.2),
        tf.nn::gelu, x -> tf.nn.gelu(x, true), tf.nn::relu6);
    List<String> names = List.of("tanh", "sigmoid", "relu", "elu", "selu", "softplus", "sin", "cos",
        "erf", "abs", "log1p", "expm1", "atan", "rsqrt", "reciprocal", "leaky_relu", "gelu",
        "gelu approximate", "relu6");
    List<DynamicTest> tests = new ArrayList<>();
    for (int k = 0; k < fs.size(); k++) {
      Function<Tensor, Tensor> f = fs.get(k);
      int index = k;
      tests.add(dynamicTest(names.get(k), () -> {
        Flat x = Flat.of(DType.FLOAT64, new long[] {6}, 0.3, 0.7, 1.2, 1.6, 0.05, 2.7);
        Flat w = Samples.upstream(DType.FLOAT64, 6);
        Function<List<Tensor>, Tensor> firstDerivative = in -> {
          Tensor t = in.get(0);
          GradientTape inner = tf.GradientTape();
          Tensor y;
          try (inner) {
            inner.watch(t);
            y = f.apply(t);
          }
          return inner.gradient(y, t);
        };
        Flat expected = CentralDifferences.gradients(firstDerivative, w, x)[0];
        Flat actual = Flat.of(TapeGradients.of(firstDerivative, w, x)[0]);
        // Central differences of a first derivative are good to about 1e-8 here.
        Expect.same(expected, actual, Tolerance.ulps(1 << 27).fromOne(), names.get(index));
      }));
    }
    return tests.stream();
  }
}
