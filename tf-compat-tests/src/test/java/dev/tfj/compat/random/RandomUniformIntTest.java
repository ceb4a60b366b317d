package dev.tfj.compat.random;

import static dev.tfj.compat.nn.NnOracle.assertBitForBit;
import static dev.tfj.compat.nn.NnOracle.assertRejected;
import static dev.tfj.compat.nn.NnOracle.of;
import static dev.tfj.compat.nn.NnOracle.tfMessage;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tfj.Tensor;
import dev.tfj.compat.ComparedWithTensorFlow;
import dev.tfj.compat.nn.SeededAgainstTensorFlow;
import dev.tfj.eager.RandomSeeds;
import dev.tfj.errors.InvalidArgumentError;
import dev.tfj.errors.TypeError;
import dev.tfj.errors.ValueError;
import dev.tfj.ops.DType;
import dev.tfj.tf;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.Operand;
import org.tensorflow.op.random.RandomUniformInt;

/**
 * tf.random.uniform with an integer dtype: TensorFlow's RandomUniformInt kernel, number for
 * number, for int32 and int64, narrow, odd-sized and full ranges, several op seeds and call after
 * call (the per-(op, attrs) generator advances 256 samples per element, as for RandomUniform);
 * and TensorFlow's errors, which leave the generator where it was.
 */
@ComparedWithTensorFlow({"RandomUniformInt"})
class RandomUniformIntTest extends SeededAgainstTensorFlow {
  private static final long[][] SHAPES = {{1}, {3}, {5}, {2, 3}, {1000}, {0}};

  Operand<?> tfUniformInt(long[] shape, DType dtype, long lo, long hi, long seed2) {
    RandomUniformInt.Options[] seeds = {RandomUniformInt.seed(GLOBAL), RandomUniformInt.seed2(seed2)};
    int[] dims = Arrays.stream(shape).mapToInt(Math::toIntExact).toArray();
    return dtype == DType.INT32
        ? tfe.random.randomUniformInt(tfe.constant(dims), tfe.constant((int) lo), tfe.constant((int) hi), seeds)
        : tfe.random.randomUniformInt(tfe.constant(dims), tfe.constant(lo), tfe.constant(hi), seeds);
  }

  static Tensor tfjUniformInt(long[] shape, DType dtype, long lo, long hi, long seed2) {
    return dtype == DType.INT32
        ? tf.random.uniform(shape, (int) lo, (int) hi, dtype, seed2)
        : tf.random.uniform(shape, lo, hi, dtype, seed2);
  }

  @Test
  void samplesAreTensorFlowsCallAfterCall() {
    long[][] int32Ranges = {{-2, 8}, {0, 3}, {Integer.MIN_VALUE, Integer.MAX_VALUE}, {5, 6}};
    long[][] int64Ranges = {{-2, 8}, {0, 3}, {-(1L << 40), 1L << 50}, {Long.MIN_VALUE, Long.MAX_VALUE}};
    for (DType dtype : List.of(DType.INT32, DType.INT64)) {
      for (long[] range : dtype == DType.INT32 ? int32Ranges : int64Ranges) {
        for (long seed2 : new long[] {1, 7, 123456789}) {
          for (long[] shape : SHAPES) {
            String what = dtype + " [" + range[0] + ", " + range[1] + ") seed2=" + seed2 + " shape "
                + Arrays.toString(shape);
            assertBitForBit(of(tfUniformInt(shape, dtype, range[0], range[1], seed2)),
                of(tfjUniformInt(shape, dtype, range[0], range[1], seed2)), what);
          }
        }
      }
    }
  }

  /** The call: every value of [-2, 8) comes up in 1000 samples, and nothing outside. */
  @Test
  void aSmallRangeIsCoveredAndRespected() {
    int[] v = (int[]) tf.random.uniform(new long[] {1000}, -2, 8, tf.int32).numpy();
    assertEquals(-2, Arrays.stream(v).min().getAsInt());
    assertEquals(7, Arrays.stream(v).max().getAsInt());
    assertEquals(10, Arrays.stream(v).distinct().count());
  }

  @Test
  void withoutAnOpSeedTheOpSeedComesFromTheGlobalSequence() {
    long[] seeds = RandomSeeds.seedsFor(null);
    tf.random.set_seed(GLOBAL);
    Tensor actual = tf.random.uniform(new long[] {7}, 10L, 20L, tf.int64);
    Operand<?> expected = tfe.random.randomUniformInt(tfe.constant(new int[] {7}), tfe.constant(10L),
        tfe.constant(20L), RandomUniformInt.seed(seeds[0]), RandomUniformInt.seed2(seeds[1]));
    assertBitForBit(of(expected), of(actual), "op seed " + seeds[1]);
  }

  // ---- bad input ----

  @Test
  void anEmptyRangeIsRejectedUnlessTheOutputIsEmpty() {
    for (long[] range : new long[][] {{8, -2}, {3, 3}}) {
      for (DType dtype : List.of(DType.INT32, DType.INT64)) {
        assertRejected(InvalidArgumentError.class, tfMessage("RandomUniformInt",
            () -> tfUniformInt(new long[] {5}, dtype, range[0], range[1], 4)),
            () -> tfjUniformInt(new long[] {5}, dtype, range[0], range[1], 4));
      }
    }
    // Zero impossible things are fine (TensorFlow checks the range after the empty-output exit).
    assertBitForBit(of(tfUniformInt(new long[] {2, 0}, DType.INT32, 8, -2, 4)),
        of(tfjUniformInt(new long[] {2, 0}, DType.INT32, 8, -2, 4)), "empty output");
    // The failed calls reserved nothing: the next call gives the generator's first numbers.
    assertBitForBit(of(tfUniformInt(new long[] {6}, DType.INT32, 0, 100, 4)),
        of(tfjUniformInt(new long[] {6}, DType.INT32, 0, 100, 4)), "after the errors");
  }

  @Test
  void minvalAndMaxvalMustBeScalars() {
    assertRejected(InvalidArgumentError.class, tfMessage("RandomUniformInt",
        () -> tfe.random.randomUniformInt(tfe.constant(new int[] {3}), tfe.constant(new int[] {0, 1}),
            tfe.constant(5), RandomUniformInt.seed(GLOBAL), RandomUniformInt.seed2(2L))),
        () -> tf.random.uniform(new long[] {3}, new int[] {0, 1}, 5, tf.int32, 2L));
    assertRejected(InvalidArgumentError.class, tfMessage("RandomUniformInt",
        () -> tfe.random.randomUniformInt(tfe.constant(new int[] {3}), tfe.constant(0L),
            tfe.constant(new long[][] {{5}}), RandomUniformInt.seed(GLOBAL), RandomUniformInt.seed2(2L))),
        () -> tf.random.uniform(new long[] {3}, 0L, new long[][] {{5}}, tf.int64, 2L));
  }

  /** random_ops.py's own checks, before any op runs. */
  @Test
  void thePythonLayersChecks() {
    assertRejected(ValueError.class, "Must specify maxval for integer dtype tf.int32",
        () -> tf.random.uniform(new long[] {3}, tf.int32));
    assertRejected(ValueError.class, "Must specify maxval for integer dtype tf.int64",
        () -> tf.random.uniform(new long[] {3}, 1, null, tf.int64));
    assertRejected(TypeError.class, "Cannot convert 2.5 to EagerTensor of dtype int32",
        () -> tf.random.uniform(new long[] {3}, 2.5, 8, tf.int32));
    assertRejected(TypeError.class, "Cannot convert 8.0 to EagerTensor of dtype int64",
        () -> tf.random.uniform(new long[] {3}, 0, 8.0, tf.int64));
    assertRejected(ValueError.class, "Argument `dtype` got invalid value <dtype: 'uint8'>. Accepted"
        + " dtypes are (tf.float16, tf.bfloat16, tf.float32, tf.float64, tf.int32, tf.int64).",
        () -> tf.random.uniform(new long[] {3}, 0, 8, tf.uint8));
    // None of them drew an op seed from the global sequence.
    long[] next = RandomSeeds.seedsFor(null);
    tf.random.set_seed(GLOBAL);
    assertArrayEquals(RandomSeeds.seedsFor(null), next);
  }
}
