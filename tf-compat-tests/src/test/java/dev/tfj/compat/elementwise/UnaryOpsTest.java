package dev.tfj.compat.elementwise;

import static dev.tfj.compat.elementwise.TensorFlowJava.nodeWithAttrs;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.tfj.GradientTape;
import dev.tfj.Tensor;
import dev.tfj.compat.ComparedWithTensorFlow;
import dev.tfj.ops.DType;
import dev.tfj.tf;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Unary math and activation ops against TensorFlow: values on every TFJ dtype (TFJ accepts
 * exactly the dtypes TensorFlow's CPU kernels accept, and rejects the others with TensorFlow's
 * error) in several shapes including scalars and empty tensors, on edge values (signed zeros,
 * rounding ties, infinities, NaN); and gradients against TensorFlow's graph-mode gradients.
 */
@ComparedWithTensorFlow({"Neg", "Square", "Abs", "Sign", "Reciprocal", "Rsqrt", "Expm1", "Log1p",
    "Sin", "Cos", "Tan", "Asin", "Acos", "Atan", "Sinh", "Cosh", "Tanh", "Sigmoid", "Softplus",
    "Erf", "Floor", "Ceil", "Round", "Relu", "Relu6", "Elu", "Selu", "LeakyRelu", "IsNan",
    "IsFinite", "LogicalNot"})
class UnaryOpsTest {
  /**
   * One op: its TensorFlow name and attrs, its TFJ spelling, how close its floating results must
   * be (exact where both compute exactly; TensorFlow's Eigen has its own approximations of exp,
   * sin, tanh, and a vectorized 1/x that is not correctly rounded), and the part of the line its
   * gradient is checked on.
   */
  record Case(String op, Function<Tensor, Tensor> tfj, Tolerance tolerance, DoubleUnaryOperator domain,
      Object... attrs) {
    @Override
    public String toString() {
      return op;
    }
  }

  private static final Tolerance EXACT = Tolerance.EXACT;
  private static final DoubleUnaryOperator ANY = x -> x;
  private static final DoubleUnaryOperator POSITIVE = x -> Math.abs(x) + 0.1;
  private static final DoubleUnaryOperator UNIT = x -> x / 10;

  static final List<Case> CASES = List.of(
      // The foundation's Neg and Square, for their dtypes (uint8 squares wrap).
      new Case("Neg", tf::negative, EXACT, ANY),
      new Case("Square", tf::square, EXACT, ANY),
      new Case("Abs", tf::abs, EXACT, ANY),
      new Case("Sign", tf::sign, EXACT, ANY),
      new Case("Reciprocal", tf.math::reciprocal, Tolerance.ulps(2), ANY),
      new Case("Rsqrt", tf.math::rsqrt, Tolerance.ulps(2), POSITIVE),
      new Case("Expm1", tf.math::expm1, Tolerance.ulps(2), ANY),
      new Case("Log1p", tf.math::log1p, Tolerance.ulps(2), x -> Math.abs(x) - 0.5),
      new Case("Sin", tf::sin, Tolerance.ulps(2), ANY),
      new Case("Cos", tf::cos, Tolerance.ulps(2), ANY),
      new Case("Tan", tf::tan, Tolerance.ulps(4), ANY),
      new Case("Asin", tf::asin, Tolerance.ulps(2), UNIT),
      new Case("Acos", tf::acos, Tolerance.ulps(2), UNIT),
      new Case("Atan", tf::atan, Tolerance.ulps(2), ANY),
      new Case("Sinh", tf::sinh, Tolerance.ulps(2), ANY),
      new Case("Cosh", tf::cosh, Tolerance.ulps(2), ANY),
      new Case("Tanh", tf::tanh, Tolerance.ulps(4), ANY),
      new Case("Sigmoid", tf::sigmoid, Tolerance.ulps(4), ANY),
      new Case("Softplus", tf.math::softplus, Tolerance.ulps(2), ANY),
      new Case("Erf", tf.math::erf, Tolerance.ulps(4), ANY),
      new Case("Floor", tf::floor, EXACT, ANY),
      new Case("Ceil", tf.math::ceil, EXACT, ANY),
      new Case("Round", tf::round, EXACT, ANY),
      new Case("Relu", tf.nn::relu, EXACT.anyZeroSign(), ANY),
      new Case("Relu6", tf.nn::relu6, EXACT.anyZeroSign(), ANY),
      new Case("Elu", tf.nn::elu, Tolerance.ulps(2), ANY),
      new Case("Selu", tf.nn::selu, Tolerance.ulps(2), ANY),
      new Case("LeakyRelu", x -> tf.nn.leaky_relu(x, 0.1), EXACT, ANY, "alpha", 0.1f),
      new Case("IsNan", tf.math::is_nan, EXACT, ANY),
      new Case("IsFinite", tf.math::is_finite, EXACT, ANY),
      new Case("LogicalNot", tf::logical_not, EXACT, ANY));

  /** TensorFlow Java has no gradient for these; TensorFlow Python registers None for them. */
  static final List<String> GRADIENT_NONE = List.of("Floor", "Ceil", "Round");

  static final List<String> NOT_DIFFERENTIABLE = List.of("IsNan", "IsFinite", "LogicalNot");

  @TestFactory
  Stream<DynamicTest> valuesOnEveryDtype() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Case c : CASES) {
      for (DType dtype : Samples.ALL_DTYPES) {
        if (c.op.equals("LeakyRelu") && dtype.is_integer()) {
          continue; // tf.nn.leaky_relu casts integers to float32 first: CompositeOpsTest
        }
        tests.add(dynamicTest(c + " " + dtype.typeName(), () -> {
          for (Flat x : Samples.shapes(dtype)) {
            if (c.op.equals("Round") && dtype.is_integer()) {
              // tf.round returns integer tensors as they are (TensorFlow's integer Round kernel,
              // which tf.round never calls, returns zeros).
              Tensor t = x.tfj();
              org.junit.jupiter.api.Assertions.assertSame(t, tf.round(t));
              continue;
            }
            Expect.sameOutcome(TensorFlowJava.eager(c.op, c.attrs, x), () -> c.tfj.apply(x.tfj()),
                c.op, c.tolerance, c + " of " + x);
          }
        }));
      }
    }
    return tests.stream();
  }

  @TestFactory
  Stream<DynamicTest> gradientsMatchTensorFlow() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Case c : CASES) {
      if (GRADIENT_NONE.contains(c.op) || NOT_DIFFERENTIABLE.contains(c.op)) {
        continue;
      }
      for (DType dtype : Samples.FLOATING) {
        tests.add(dynamicTest(c + " " + dtype.typeName(), () -> {
          Flat smooth = Samples.smooth(dtype, 3, 4);
          double[] v = smooth.reals().clone();
          for (int i = 0; i < v.length; i++) {
            v[i] = c.domain.applyAsDouble(v[i]);
          }
          Flat x = Flat.of(dtype, smooth.shape(), v);
          Flat w = Samples.upstream(dtype, 3, 4);
          Flat expected = TensorFlowJava.gradients(in -> nodeWithAttrs(c.op, c.attrs, in[0]), w, x)[0];
          Expect.same(expected, Flat.of(TapeGradients.of1(c.tfj, w, x)),
              Tolerance.ulps(Math.max(c.tolerance.ulps(), 2) * 2).fromOne(), c + "'(" + x + ")");
        }));
      }
    }
    return tests.stream();
  }

  @TestFactory
  Stream<DynamicTest> gradientIsNoneWhereTensorFlowRegistersNone() {
    return Stream.concat(GRADIENT_NONE.stream(), NOT_DIFFERENTIABLE.stream()).map(op -> {
      Case c = CASES.stream().filter(k -> k.op.equals(op)).findFirst().orElseThrow();
      return dynamicTest(op, () -> {
        Tensor x = op.equals("LogicalNot") ? tf.constant(new boolean[] {true})
            : tf.constant(new double[] {0.5, -1.5, 2.5}, tf.float64);
        GradientTape t = tf.GradientTape();
        Tensor y;
        try (t) {
          t.watch(x);
          y = c.tfj.apply(x);
        }
        org.junit.jupiter.api.Assertions.assertNull(t.gradient(y, x), op);
      });
    });
  }
}
