package dev.tfj.compat.nn;

import static dev.tfj.compat.nn.NnOracle.assertAgree;
import static dev.tfj.compat.nn.NnOracle.assertBitForBit;
import static dev.tfj.compat.nn.NnOracle.assertRejected;
import static dev.tfj.compat.nn.NnOracle.of;
import static dev.tfj.compat.nn.NnOracle.tfMessage;
import static dev.tfj.compat.nn.NnOracle.tfj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.tfj.Tensor;
import dev.tfj.compat.oracle.Oracle;
import dev.tfj.errors.InvalidArgumentError;
import dev.tfj.errors.ValueError;
import dev.tfj.ops.DType;
import dev.tfj.tf;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.EagerSession;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Squeeze;
import org.tensorflow.op.math.Mean;
import org.tensorflow.op.random.RandomUniform;

/**
 * tf.nn.dropout and tf.nn.moments: compositions of other ops in TensorFlow's Python layer, so the
 * TensorFlow side here builds those compositions from its ops. Dropout's mask is
 * tf.random.uniform with the dropout's seeds: with tf.random.set_seed(G) and op seed s the
 * RandomUniform kernel runs with seed=G, seed2=s, and a fresh TensorFlow session has a fresh
 * generator for it, as set_seed gives TFJ.
 */
@SuppressWarnings({"unchecked", "rawtypes"})
class DropoutMomentsTest extends SeededAgainstTensorFlow {
  private static final List<DType> FLOATS = List.of(DType.FLOAT32, DType.FLOAT64);

  /** TensorFlow's dropout of a Python-number rate, drawing its mask from RandomUniform(seed2). */
  Operand<?> tfDropout(Operand<?> x, double rate, long[] noiseShape, long seed2, DType dtype) {
    Operand u = tfe.random.randomUniform(tfe.constant(noiseShape), (Class) Oracle.typeClass(dtype),
        RandomUniform.seed(GLOBAL), RandomUniform.seed2(seed2));
    Operand scale = NnOracle.tf(tfe, 1 / (1 - rate), dtype);
    Operand keep = tfe.math.greaterEqual(u, (Operand) NnOracle.tf(tfe, rate, dtype));
    return tfe.select(keep, tfe.math.mul((Operand) x, scale), (Operand) NnOracle.tf(tfe, 0.0, dtype));
  }

  @Test
  void seededMasksAndScalesAreTensorFlowsToTheBit() {
    double[][] x = SoftmaxTest.ramp(1, 4, 5)[0];
    for (DType dtype : FLOATS) {
      for (double rate : new double[] {0.1, 0.5, 0.9}) {
        tf.random.set_seed(GLOBAL);
        try (EagerSession fresh = EagerSession.create()) {
          tfe = Ops.create(fresh);
          Operand<?> expected = tfDropout(NnOracle.tf(tfe, x, dtype), rate, new long[] {4, 5}, 7, dtype);
          assertBitForBit(of(expected), of(tf.nn.dropout(tfj(x, dtype), rate, null, 7L)), rate + " " + dtype);
        }
      }
    }
  }

  @Test
  void theSameSeedGivesTheNextMaskOnTheNextCall() {
    double[] x = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
    Operand<?> first = tfDropout(NnOracle.tf(tfe, x, DType.FLOAT32), 0.5, new long[] {12}, 3, DType.FLOAT32);
    Operand<?> second = tfDropout(NnOracle.tf(tfe, x, DType.FLOAT32), 0.5, new long[] {12}, 3, DType.FLOAT32);
    Tensor a = tf.nn.dropout(tfj(x, DType.FLOAT32), 0.5, null, 3L);
    Tensor b = tf.nn.dropout(tfj(x, DType.FLOAT32), 0.5, null, 3L);
    assertBitForBit(of(first), of(a), "first call");
    assertBitForBit(of(second), of(b), "second call");
    assertNotEquals(of(a).toString(), of(b).toString(), "the generator moved on");
  }

  @Test
  void aNoiseShapeDrawsOneDecisionPerBroadcastGroup() {
    double[][] x = SoftmaxTest.ramp(1, 6, 4)[0];
    Operand<?> expected = tfDropout(NnOracle.tf(tfe, x, DType.FLOAT32), 0.5, new long[] {6, 1}, 11, DType.FLOAT32);
    assertBitForBit(of(expected), of(tf.nn.dropout(tfj(x, DType.FLOAT32), 0.5, new long[] {6, 1}, 11L)),
        "noise_shape [6, 1]");
  }

  @Test
  void aTensorRateDividesByOneMinusRate() {
    double[][] x = SoftmaxTest.ramp(1, 3, 5)[0];
    Operand u = tfe.random.randomUniform(tfe.constant(new long[] {3, 5}), org.tensorflow.types.TFloat32.class,
        RandomUniform.seed(GLOBAL), RandomUniform.seed2(5L));
    Operand rate = tfe.constant(0.3f);
    Operand scaled = tfe.math.div((Operand) NnOracle.tf(tfe, x, DType.FLOAT32), tfe.math.sub(tfe.constant(1f), rate));
    Operand<?> expected = tfe.select(tfe.math.greaterEqual(u, rate), scaled, tfe.constant(0f));
    assertBitForBit(of(expected), of(tf.nn.dropout(tfj(x, DType.FLOAT32), tf.constant(0.3f), null, 5L)), "tensor rate");
  }

  @Test
  void aRateOfZeroReturnsTheInputButStillTakesAnOpSeed() {
    Tensor x = tf.constant(new float[] {1, 2, 3});
    Tensor same = tf.nn.dropout(x, 0.0);
    assertEquals(of(x).toString(), of(same).toString());
    Tensor afterDropout = tf.random.uniform(new long[] {4});
    tf.random.set_seed(GLOBAL);
    tf.random.uniform(new long[] {4});
    Tensor second = tf.random.uniform(new long[] {4});
    assertEquals(of(second).toString(), of(afterDropout).toString(),
        "dropout(rate=0) advanced the op-seed sequence by one, as TensorFlow's dummy_rng_step does");
  }

  @Test
  void dropoutGradientsMatchTensorFlow() {
    double[][] x = SoftmaxTest.ramp(1, 4, 5)[0];
    for (DType dtype : FLOATS) {
      tf.random.set_seed(GLOBAL);
      NnOracle.assertGradientsAgree(List.of(NnOracle.values(x, dtype)),
          xs -> tf.nn.dropout(xs.get(0), 0.4, null, 9L), (t, xs) -> {
            Operand u = t.random.randomUniform(t.constant(new long[] {4, 5}), (Class) Oracle.typeClass(dtype),
                RandomUniform.seed(GLOBAL), RandomUniform.seed2(9L));
            Operand keep = t.math.greaterEqual(u, (Operand) NnOracle.tf(t, 0.4, dtype));
            return t.select(keep, t.math.mul((Operand) xs.get(0), (Operand) NnOracle.tf(t, 1 / 0.6, dtype)),
                (Operand) NnOracle.tf(t, 0.0, dtype));
          }, "dropout " + dtype);
    }
  }

  // ---- moments ----

  /** TensorFlow's moments: Mean, SquaredDifference from the stopped mean, Mean, Squeeze. */
  List<Operand<?>> tfMoments(Ops t, Operand<?> x, int[] axes, boolean keepdims) {
    Operand mean = t.math.mean((Operand) x, t.constant(axes), Mean.keepDims(true));
    Operand variance = t.math.mean(t.math.squaredDifference((Operand) x, t.stopGradient(mean)), t.constant(axes),
        Mean.keepDims(true));
    if (keepdims) {
      return List.of(mean, variance);
    }
    List<Long> squeezed = java.util.Arrays.stream(axes).mapToObj(a -> (long) a).toList();
    return List.of(t.squeeze(mean, Squeeze.axis(squeezed)), t.squeeze(variance, Squeeze.axis(squeezed)));
  }

  @Test
  void momentsMatchTensorFlowOnEveryAxisSetAndDtype() {
    double[][][] x = SoftmaxTest.ramp(2, 3, 4);
    int[][] axesCases = {{0}, {1}, {2}, {-1}, {0, 2}, {0, 1, 2}, {}};
    for (DType dtype : List.of(DType.FLOAT32, DType.FLOAT64, DType.INT32)) {
      for (int[] axes : axesCases) {
        for (boolean keepdims : new boolean[] {false, true}) {
          List<Operand<?>> expected = tfMoments(tfe, NnOracle.tf(tfe, x, dtype), axes, keepdims);
          List<Tensor> actual = tf.nn.moments(tfj(x, dtype), axes, keepdims);
          String what = java.util.Arrays.toString(axes) + " keepdims=" + keepdims + " " + dtype;
          assertAgree(of(expected.get(0)), of(actual.get(0)), "mean " + what);
          assertAgree(of(expected.get(1)), of(actual.get(1)), "variance " + what);
        }
      }
    }
  }

  @Test
  void momentsWithoutKeepdimsSqueezeAsTensorFlowSqueezes() {
    // no axes reduces nothing, and Squeeze with no axes then drops every axis of size 1
    double[][][] x = {{{1, 2, 3}}};
    List<Tensor> none = tf.nn.moments(x, new int[0]);
    assertEquals("(3,)", none.get(0).shape().toString());
    List<Tensor> all = tf.nn.moments(x, null);
    assertEquals("()", all.get(0).shape().toString());
    assertEquals(2.0, all.get(0).doubleValue());
    assertEquals(2.0 / 3, all.get(1).doubleValue(), 1e-7);
    assertEquals(of(tf.nn.moments(x, new int[] {2}, true).get(1)).toString(),
        of(tf.nn.moments(x, new int[] {2}, "ignored shift", true).get(1)).toString(), "shift is unused");
  }

  @Test
  void momentsGradientsMatchTensorFlowAndTheMeanIsStoppedInTheVariance() {
    double[][] x = SoftmaxTest.ramp(1, 3, 4)[0];
    for (DType dtype : FLOATS) {
      for (int which = 0; which < 2; which++) {
        int w = which;
        NnOracle.assertGradientsAgree(List.of(NnOracle.values(x, dtype)),
            xs -> tf.nn.moments(xs.get(0), new int[] {0}).get(w),
            (t, xs) -> tfMoments(t, xs.get(0), new int[] {0}, false).get(w),
            (w == 0 ? "mean" : "variance") + " " + dtype);
      }
    }
  }

  // ---- bad input ----

  @Test
  void ratesOutsideZeroToOneAreValueErrors() {
    Tensor x = tf.constant(new float[] {1, 2});
    assertRejected(ValueError.class, "`rate` must be a scalar tensor or a float in the range [0, 1)."
        + " Received: rate=1", () -> tf.nn.dropout(x, 1), x);
    assertRejected(ValueError.class, "`rate` must be a scalar tensor or a float in the range [0, 1)."
        + " Received: rate=-0.5", () -> tf.nn.dropout(x, -0.5), x);
    assertRejected(ValueError.class, "`rate` must be a scalar or scalar tensor. Received: rate=0.5",
        () -> tf.nn.dropout(x, "0.5"), x);
  }

  @Test
  void integerInputsAndOddRateTensorsAreValueErrors() {
    Tensor ints = tf.constant(new int[] {1, 2});
    assertRejected(ValueError.class, "`x.dtype` must be a floating point tensor as `x` will be scaled."
        + " Received: x_dtype=<dtype: 'int32'>", () -> tf.nn.dropout(ints, 0.5), ints);
    Tensor x = tf.constant(new float[] {1, 2});
    Tensor vectorRate = tf.constant(new float[] {0.5f});
    assertRejected(ValueError.class, "Shape (1,) must have rank 0", () -> tf.nn.dropout(x, vectorRate), x, vectorRate);
    Tensor doubleRate = tf.constant(0.5, tf.float64);
    assertRejected(ValueError.class, "`x.dtype` must be compatible with `rate.dtype`. Received:"
        + " x.dtype=<dtype: 'float32'> and rate.dtype=<dtype: 'float64'>",
        () -> tf.nn.dropout(x, doubleRate), x, doubleRate);
  }

  @Test
  void momentsOverAMissingAxisIsMeansError() {
    Tensor x = tf.constant(new float[][] {{1, 2, 3}, {4, 5, 6}});
    assertRejected(InvalidArgumentError.class, tfMessage("Mean", () -> tfe.math.mean(
        tfe.constant(new float[][] {{1, 2, 3}, {4, 5, 6}}), tfe.constant(new int[] {2}))),
        () -> tf.nn.moments(x, new int[] {2}), x);
  }
}
