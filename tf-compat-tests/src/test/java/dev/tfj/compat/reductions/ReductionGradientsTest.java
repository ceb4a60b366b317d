package dev.tfj.compat.reductions;

import static dev.tfj.compat.gradcheck.GradientChecker.check;
import static dev.tfj.compat.gradcheck.GradientChecker.checkSecondOrder;
import static dev.tfj.compat.gradcheck.GradientChecker.f64;
import static dev.tfj.compat.gradcheck.GradientChecker.flat;
import static dev.tfj.compat.gradcheck.GradientChecker.uniform;
import static dev.tfj.compat.oracle.Oracle.cycle;
import static dev.tfj.compat.oracle.Oracle.o;
import static dev.tfj.compat.oracle.Oracle.s;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tfj.GradientTape;
import dev.tfj.Tensor;
import dev.tfj.compat.oracle.Oracle;
import dev.tfj.compat.oracle.Oracle.Values;
import dev.tfj.ops.DType;
import dev.tfj.tf;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.tensorflow.EagerSession;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Max;
import org.tensorflow.op.core.Min;
import org.tensorflow.op.core.Prod;
import org.tensorflow.op.math.Cumprod;
import org.tensorflow.op.math.Cumsum;

/**
 * Gradients of the reductions. Against TensorFlow's own gradients (graph mode) where TensorFlow
 * Java's registry has them: Max and Min (ties share), Prod (finite with zeros), Cumsum, DivNoNan
 * and the composites. TensorFlow Java has no gradient for EuclideanNorm or Cumprod: those are
 * checked against float64 central differences, and at the points where TensorFlow's rule is not
 * the derivative (the zero vector; a zero inside a cumulative product) against TensorFlow's
 * rule evaluated with TensorFlow's kernels.
 */
@SuppressWarnings({"unchecked", "rawtypes"})
class ReductionGradientsTest {
  static final DType F32 = DType.FLOAT32;
  static final DType F64 = DType.FLOAT64;
  /** Ties (1 three times, -1 twice) and zeros, so that ties share and zeros stay finite. */
  static final double[] TIES = {1, -1, 1, 0, 2, -1, 1, 0.5, 0};

  @TestFactory
  Stream<DynamicTest> againstTensorFlow() {
    List<Agreement> cases = new ArrayList<>();
    for (DType t : List.of(F32, F64)) {
      for (int[] axes : new int[][] {{0}, {1}, {-1}, {0, 1}}) {
        for (boolean keep : new boolean[] {false, true}) {
          Values x = cycle(t, s(3, 3), TIES, 0, 1);
          String how = " axis=" + java.util.Arrays.toString(axes) + " keepdims=" + keep;
          cases.add(new Agreement("reduce_max" + how, List.of(x),
              in -> tf.reduce_max(in.get(0), axes, keep),
              (ops, in) -> ops.max(o(in.get(0)), ops.constant(axes), Max.keepDims(keep))));
          cases.add(new Agreement("reduce_min" + how, List.of(x),
              in -> tf.reduce_min(in.get(0), axes, keep),
              (ops, in) -> ops.min(o(in.get(0)), ops.constant(axes), Min.keepDims(keep))));
          cases.add(new Agreement("reduce_prod" + how, List.of(x),
              in -> tf.reduce_prod(in.get(0), axes, keep),
              (ops, in) -> ops.prod(o(in.get(0)), ops.constant(axes), Prod.keepDims(keep))));
          cases.add(new Agreement("reduce_logsumexp" + how, List.of(x),
              in -> tf.reduce_logsumexp(in.get(0), axes, keep),
              (ops, in) -> ReductionValuesTest.logsumexp(ops, o(in.get(0)), ops.constant(axes), keep)));
          cases.add(new Agreement("reduce_std" + how, List.of(x),
              in -> tf.math.reduce_std(in.get(0), axes, keep),
              (ops, in) -> ops.math.sqrt(o(ReductionValuesTest.variance(ops, o(in.get(0)),
                  ops.constant(axes), keep)))));
        }
      }
      Values cube = cycle(t, s(2, 3, 2), TIES, 1, 1);
      for (int axis = -3; axis < 3; axis++) {
        for (int flags = 0; flags < 4; flags++) {
          boolean exclusive = (flags & 1) != 0;
          boolean reverse = (flags & 2) != 0;
          int a = axis;
          cases.add(new Agreement("cumsum axis=" + a + " exclusive=" + exclusive + " reverse=" + reverse,
              List.of(cube), in -> tf.cumsum(in.get(0), a, exclusive, reverse),
              (ops, in) -> ops.math.cumsum(o(in.get(0)), ops.constant(a), Cumsum.exclusive(exclusive),
                  Cumsum.reverse(reverse))));
        }
      }
      // A row with two zeros has gradient 0 everywhere; with one zero, only the zero's is not 0.
      Values zeros = Values.of(t, s(2, 4), 2, 0, 3, 0, 2, 0, 3, 4);
      cases.add(new Agreement("reduce_prod with zeros", List.of(zeros),
          in -> tf.reduce_prod(in.get(0), 1), (ops, in) -> ops.prod(o(in.get(0)), ops.constant(1))));
      List<Values> quotient = List.of(cycle(t, s(2, 3), TIES, 0, 1), cycle(t, s(3), TIES, 2, 1));
      cases.add(new Agreement("divide_no_nan", quotient,
          in -> tf.math.divide_no_nan(in.get(0), in.get(1)),
          (ops, in) -> ops.math.divNoNan(o(in.get(0)), o(in.get(1)))));
    }
    return cases.stream().map(Agreement::gradients);
  }

  @Test
  void tiesShareTheGradientEvenly() {
    Tensor x = tf.constant(new float[][] {{1, 5, 5}, {3, 3, 3}});
    GradientTape t = tf.GradientTape();
    Tensor y;
    try (t) {
      t.watch(x);
      y = tf.reduce_max(x, 1);
    }
    float third = 1f / 3;
    assertArrayEquals(new float[][] {{0, 0.5f, 0.5f}, {third, third, third}},
        (float[][]) t.gradient(y, x).numpy());
  }

  // ---- against float64 central differences (TensorFlow Java has no gradient for these) ----

  @Test
  void euclideanNormByCentralDifferences() {
    Tensor x = uniform(s(2, 3, 4), -2, 2, 11);
    for (int[] axes : new int[][] {null, {0}, {-1}, {0, 2}}) {
      for (boolean keep : new boolean[] {false, true}) {
        check("reduce_euclidean_norm", xs -> tf.math.reduce_euclidean_norm(xs.get(0), axes, keep), x)
            .assertRan("EuclideanNorm");
      }
    }
    checkSecondOrder("reduce_euclidean_norm", xs -> tf.math.reduce_euclidean_norm(xs.get(0), 1), x)
        .assertRan("EuclideanNorm");
  }

  @Test
  void euclideanNormGradientIsNanAtTheZeroVector() {
    Tensor x = f64(s(2, 2), 0, 0, 3, 4);
    GradientTape t = tf.GradientTape();
    Tensor y;
    try (t) {
      t.watch(x);
      y = tf.math.reduce_euclidean_norm(x, 1);
    }
    double[] g = flat(t.gradient(y, x));
    assertTrue(Double.isNaN(g[0]) && Double.isNaN(g[1]), java.util.Arrays.toString(g));
    assertArrayEquals(new double[] {0.6, 0.8}, new double[] {g[2], g[3]}, 1e-15);
  }

  @Test
  void cumprodByCentralDifferences() {
    Tensor x = uniform(s(2, 3, 2), 0.5, 2, 12);
    for (int axis = -3; axis < 3; axis++) {
      for (int flags = 0; flags < 4; flags++) {
        boolean exclusive = (flags & 1) != 0;
        boolean reverse = (flags & 2) != 0;
        int a = axis;
        check("cumprod axis=" + a, xs -> tf.math.cumprod(xs.get(0), a, exclusive, reverse), x)
            .assertRan("Cumprod");
      }
    }
    // The second derivative runs Cumprod's gradient, hence DivNoNan's.
    checkSecondOrder("cumprod", xs -> tf.math.cumprod(xs.get(0), 1), x).assertRan("Cumprod", "DivNoNan");
    checkSecondOrder("cumprod reverse exclusive", xs -> tf.math.cumprod(xs.get(0), 0, true, true), x)
        .assertRan("Cumprod", "DivNoNan");
  }

  /**
   * TensorFlow's Cumprod gradient divides by x with divide_no_nan: where x is 0 it gives 0, which
   * is not the derivative. TFJ gives TensorFlow's value, here TensorFlow's rule run by its kernels.
   */
  @Test
  void cumprodGradientWithZerosIsTensorFlowsRule() {
    Ops eager = Ops.create(EagerSession.getDefault());
    for (boolean exclusive : new boolean[] {false, true}) {
      for (boolean reverse : new boolean[] {false, true}) {
        Values x = Values.f64(s(2, 4), 2, 0, 3, 0.5, 0, 1.5, 0, 2);
        Values w = Values.weights(F64, s(2, 4));
        List<Values> tfj = Oracle.tfjGradients(List.of(x),
            in -> tf.math.cumprod(in.get(0), 1, exclusive, reverse));
        Operand xs = Oracle.constant(eager, x);
        Operand axis = eager.constant(1);
        Operand prod = eager.math.cumprod(xs, axis, Cumprod.exclusive(exclusive), Cumprod.reverse(reverse));
        Operand out = eager.math.cumsum(eager.math.mul(prod, Oracle.constant(eager, w)), axis,
            Cumsum.exclusive(exclusive), Cumsum.reverse(!reverse));
        Values expected = Oracle.read(eager.math.divNoNan(out, xs));
        Oracle.assertAgree(expected, tfj.get(1), 1e-15, 0, "cumprod gradient with zeros, exclusive="
            + exclusive + " reverse=" + reverse);
      }
    }
  }

  @Test
  void secondOrderThroughReductions() {
    Tensor x = f64(s(2, 3), 1.5, -0.5, 2, 0.75, 3, -1.25);
    checkSecondOrder("reduce_prod", xs -> tf.reduce_prod(xs.get(0), 1), x)
        .assertRan("Prod", "Cumprod", "DivNoNan");
    checkSecondOrder("reduce_max squared", xs -> tf.square(tf.reduce_max(xs.get(0), 0)), x).assertRan("Max");
    checkSecondOrder("reduce_min squared", xs -> tf.square(tf.reduce_min(xs.get(0), 1)), x).assertRan("Min");
    checkSecondOrder("cumsum squared", xs -> tf.square(tf.cumsum(xs.get(0), 1, true, true)), x)
        .assertRan("Cumsum");
    checkSecondOrder("divide_no_nan", xs -> tf.math.divide_no_nan(xs.get(0), tf.square(xs.get(0))), x)
        .assertRan("DivNoNan");
    checkSecondOrder("reduce_logsumexp", xs -> tf.reduce_logsumexp(xs.get(0), 1), x).assertRan("Max");
    checkSecondOrder("reduce_variance", xs -> tf.math.reduce_variance(xs.get(0), 0), x).assertRan("Mean");
  }

  @Test
  void argmaxAndTheBoolReductionsHaveNoGradient() {
    Tensor x = tf.constant(new float[] {1, 3, 2});
    GradientTape t = tf.GradientTape(true);
    Tensor i;
    Tensor any;
    try (t) {
      t.watch(x);
      i = tf.argmax(x);
      any = tf.reduce_any(tf.greater(x, 1f));
    }
    assertNull(t.gradient(i, x));
    assertNull(t.gradient(any, x));
  }
}
