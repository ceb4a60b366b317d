package dev.tfj.compat.gradcheck;

import static dev.tfj.compat.gradcheck.GradientChecker.flat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tfj.GradientTape;
import dev.tfj.Tensor;
import dev.tfj.tf;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Gradient values TensorFlow defines where the calculus does not (reference 3.2, 3.3, 9.6):
 * exact values, including infinities, NaNs and nulls. Central differences cannot check these.
 */
class GradientEdgeValueTest {
  /** The tape's gradient of {@code f(x)} (summed over elements, TensorFlow's default seed) at {@code x}. */
  static Tensor grad(Tensor x, UnaryOperator<Tensor> f) {
    GradientTape t = tf.GradientTape();
    Tensor y;
    try (t) {
      t.watch(x);
      y = f.apply(x);
    }
    return t.gradient(y, x);
  }

  static void assertValues(double[] expected, Tensor g) {
    assertNotNull(g, "gradient is null");
    assertArrayEquals(expected, flat(g), 0.0, "gradient " + g);
  }

  @Test
  void sqrtAtZeroIsPlusInfinity() {
    Tensor g32 = grad(tf.constant(0.0f), tf::sqrt);
    assertEquals(tf.float32, g32.dtype());
    assertValues(new double[] {Double.POSITIVE_INFINITY}, g32);
    assertValues(new double[] {Double.POSITIVE_INFINITY}, grad(tf.constant(0.0, tf.float64), tf::sqrt));
  }

  @Test
  void normAtTheZeroVectorIsNaNInEveryComponent() {
    Tensor g = grad(tf.constant(new float[] {0, 0, 0}), tf::norm);
    double[] values = flat(g);
    assertEquals(3, values.length);
    assertTrue(Arrays.stream(values).allMatch(Double::isNaN), "expected [nan, nan, nan], got " + g);
    Tensor rows = grad(tf.constant(new float[][] {{0, 0}, {3, 4}}), x -> tf.norm(x, "euclidean", 1));
    double[] r = flat(rows);
    assertTrue(Double.isNaN(r[0]) && Double.isNaN(r[1]), "zero row gives NaN: " + rows);
    assertArrayEquals(new double[] {0.6, 0.8}, Arrays.copyOfRange(r, 2, 4), 1e-7, "nonzero row: " + rows);
  }

  @Test
  void xSquaredAtZeroIsZero() {
    assertValues(new double[] {0}, grad(tf.constant(0.0f), x -> tf.pow(x, 2.0f)));
    assertValues(new double[] {0}, grad(tf.constant(0.0f), tf::square));
    assertValues(new double[] {0}, grad(tf.constant(0.0f), x -> tf.multiply(x, x)));
  }

  @Test
  void powWithExponentOneHalfAtZeroIsPlusInfinity() {
    assertValues(new double[] {Double.POSITIVE_INFINITY}, grad(tf.constant(0.0f), x -> tf.pow(x, 0.5f)));
  }

  @Test
  void powAtZeroWithExponentOneIsOneAndWithExponentZeroIsNaN() {
    assertValues(new double[] {1}, grad(tf.constant(0.0f), x -> tf.pow(x, 1.0f)));
    assertTrue(Double.isNaN(flat(grad(tf.constant(0.0f), x -> tf.pow(x, 0.0f)))[0]), "0 * 0^-1 is NaN");
  }

  @Test
  void powGradientWrtTheExponentAtZeroOrBelowIsZero() {
    Tensor x = tf.constant(new float[] {0, -2, 3});
    Tensor y = tf.constant(new float[] {2, 2, 2});
    GradientTape t = tf.GradientTape();
    Tensor z;
    try (t) {
      t.watch(y);
      z = tf.pow(x, y);
    }
    Tensor dy = t.gradient(z, y);
    // z * log(x) where x > 0, else 0 (not NaN): exactly 0 at x = 0 and x = -2; 9 log 3 at x = 3.
    double[] values = flat(dy);
    assertArrayEquals(new double[] {0, 0}, Arrays.copyOf(values, 2), 0.0, "gradient " + dy);
    assertEquals(9 * Math.log(3), values[2], 1e-5);
  }

  @Test
  void reduceMeanOfFourElementsGivesAQuarterEach() {
    assertValues(new double[] {0.25, 0.25, 0.25, 0.25},
        grad(tf.constant(new float[] {1, 2, 3, 4}), x -> tf.reduce_mean(x)));
    assertValues(new double[] {0.25, 0.25, 0.25, 0.25},
        grad(tf.constant(new float[][] {{1, 2}, {3, 4}}), x -> tf.reduce_mean(x)));
  }

  @Test
  void logAtZeroIsPlusInfinity() {
    assertValues(new double[] {Double.POSITIVE_INFINITY}, grad(tf.constant(0.0f), tf::log));
  }

  @Test
  void stopGradientGivesNull() {
    Tensor x = tf.constant(new float[] {1, 2});
    assertNull(grad(x, tf::stop_gradient));
    assertNull(grad(x, v -> tf.multiply(tf.stop_gradient(v), 3.0f)));
    // Only the path through stop_gradient is cut: x * stop_gradient(x) has derivative stop_gradient(x).
    assertValues(new double[] {1, 2}, grad(x, v -> tf.multiply(v, tf.stop_gradient(v))));
  }

  @Test
  void anInt32PathGivesNull() {
    // A watched int32 tensor (TensorFlow warns) records nothing: the gradient is None.
    assertNull(grad(tf.constant(10), x -> tf.multiply(x, x)));
    // A float path through an int32 cast is cut the same way.
    assertNull(grad(tf.constant(new float[] {1.5f, 2.5f}),
        x -> tf.multiply(tf.cast(tf.cast(x, tf.int32), tf.float32), 2.0f)));
  }

  @Test
  void aSourceNotUsedGivesNullAndAUsedOneAGradient() {
    Tensor a = tf.constant(2.0f);
    Tensor b = tf.constant(3.0f);
    GradientTape t = tf.GradientTape();
    Tensor y;
    try (t) {
      t.watch(List.of(a, b));
      y = tf.multiply(a, a);
    }
    List<Tensor> g = t.gradient(y, List.of(a, b));
    assertValues(new double[] {4}, g.get(0));
    assertNull(g.get(1));
  }
}
