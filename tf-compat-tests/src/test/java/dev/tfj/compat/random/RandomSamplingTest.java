package dev.tfj.compat.random;

import static dev.tfj.compat.nn.NnOracle.assertBitForBit;
import static dev.tfj.compat.nn.NnOracle.assertRejected;
import static dev.tfj.compat.nn.NnOracle.of;
import static dev.tfj.compat.nn.NnOracle.tfMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tfj.GradientTape;
import dev.tfj.Tensor;
import dev.tfj.compat.ComparedWithTensorFlow;
import dev.tfj.compat.oracle.Oracle;
import dev.tfj.compat.oracle.Oracle.Values;
import dev.tfj.compat.nn.NnOracle;
import dev.tfj.compat.nn.SeededAgainstTensorFlow;
import dev.tfj.eager.RandomSeeds;
import dev.tfj.errors.InvalidArgumentError;
import dev.tfj.errors.LookupError;
import dev.tfj.errors.NotFoundError;
import dev.tfj.errors.ValueError;
import dev.tfj.ops.DType;
import dev.tfj.tf;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.Operand;
import org.tensorflow.op.random.Multinomial;
import org.tensorflow.op.random.RandomShuffle;
import org.tensorflow.op.random.TruncatedNormal;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

/**
 * tf.random.truncated_normal, categorical and shuffle against TensorFlow's kernels, number for
 * number. With tf.random.set_seed(G) and op seed s an op runs with seed=G, seed2=s; TensorFlow
 * keeps one generator per (op, attrs) that every call advances, and a fresh TensorFlow session
 * starts them afresh, as set_seed does in TFJ.
 */
@ComparedWithTensorFlow({"TruncatedNormal", "Multinomial", "RandomShuffle"})
@SuppressWarnings({"unchecked", "rawtypes"})
class RandomSamplingTest extends SeededAgainstTensorFlow {
  Operand<?> tfTruncatedNormal(long[] shape, DType dtype, long seed2) {
    return tfe.random.truncatedNormal(tfe.constant(shape), (Class) Oracle.typeClass(dtype),
        TruncatedNormal.seed(GLOBAL), TruncatedNormal.seed2(seed2));
  }

  /**
   * float32 to the bit. float64 within 2 ulp, at least 99% to the bit: its Box-Muller uses glibc's
   * double sin and cos, which Java's round differently in about 0.2% of arguments (see
   * OracleRandomTest; the log is glibc's exactly).
   */
  @Test
  void truncatedNormalIsTensorFlowsCallAfterCall() {
    // shapes not a multiple of the 4 (float32) or 2 (float64) samples a group makes
    long[][] shapes = {{9}, {3, 5}, {1000}, {2, 1, 3}, {0}};
    for (long[] shape : shapes) {
      Operand<?> expected = tfTruncatedNormal(shape, DType.FLOAT32, 17);
      Tensor actual = tf.random.truncated_normal(shape, 0.0, 1.0, tf.float32, 17L);
      assertBitForBit(of(expected), of(actual), java.util.Arrays.toString(shape) + " float32");
    }
    int equal = 0;
    int total = 0;
    for (long[] shape : shapes) {
      double[] expected = of(tfTruncatedNormal(shape, DType.FLOAT64, 17)).data();
      double[] actual = of(tf.random.truncated_normal(shape, 0.0, 1.0, tf.float64, 17L)).data();
      assertEquals(expected.length, actual.length);
      for (int i = 0; i < expected.length; i++) {
        assertTrue(Math.abs(expected[i] - actual[i]) <= 2 * Math.ulp(expected[i]),
            "float64 element " + i + " of " + java.util.Arrays.toString(shape) + ": " + actual[i]
                + ", TensorFlow's " + expected[i]);
        equal += expected[i] == actual[i] ? 1 : 0;
        total++;
      }
    }
    assertTrue(equal >= 0.99 * total, equal + " of " + total + " float64 samples are bit-equal");
  }

  @Test
  void truncatedNormalScalesAndShiftsTheSample() {
    Operand<?> sample = tfTruncatedNormal(new long[] {4, 3}, DType.FLOAT32, 5);
    Operand<?> expected = tfe.math.add(tfe.math.mul((Operand) sample, tfe.constant(2.5f)), tfe.constant(-1f));
    assertBitForBit(of(expected), of(tf.random.truncated_normal(new long[] {4, 3}, -1.0, 2.5, tf.float32, 5L)),
        "mean -1, stddev 2.5");
    Operand<?> sample64 = tfTruncatedNormal(new long[] {5}, DType.FLOAT64, 6);
    Operand<?> expected64 = tfe.math.add(tfe.math.mul((Operand) sample64, tfe.constant(0.5)), tfe.constant(3.0));
    assertBitForBit(of(expected64), of(tf.random.truncated_normal(new long[] {5}, 3.0, 0.5, tf.float64, 6L)),
        "float64 mean 3, stddev 0.5");
  }

  @Test
  void truncatedNormalStaysWithinTwoStandardDeviations() {
    for (DType dtype : List.of(DType.FLOAT32, DType.FLOAT64)) {
      Values v = of(tf.random.truncated_normal(new long[] {20000}, dtype));
      double max = 0;
      for (double d : v.data()) {
        max = Math.max(max, Math.abs(d));
      }
      assertTrue(max < 2, "largest magnitude " + max);
      assertTrue(max > 1.99, "the tails near 2 are reached: " + max);
    }
  }

  @Test
  void withoutAnOpSeedTheOpSeedComesFromTheGlobalSequence() {
    long[] seeds = RandomSeeds.seedsFor(null);
    tf.random.set_seed(GLOBAL);
    Tensor actual = tf.random.truncated_normal(new long[] {6});
    Operand<?> expected = tfe.random.truncatedNormal(tfe.constant(new long[] {6}), TFloat32.class,
        TruncatedNormal.seed(seeds[0]), TruncatedNormal.seed2(seeds[1]));
    assertBitForBit(of(expected), of(actual), "op seed " + seeds[1]);
  }

  @Test
  void truncatedNormalDifferentiatesItsMeanAndStddevOnly() {
    Tensor mean = tf.constant(1.5f);
    Tensor stddev = tf.constant(0.5f);
    GradientTape tape = tf.GradientTape();
    Tensor y;
    try (tape) {
      tape.watch(List.of(mean, stddev));
      y = tf.random.truncated_normal(new long[] {5}, mean, stddev, tf.float32, 3L);
    }
    List<Tensor> g = tape.gradient(y, List.of(mean, stddev));
    assertEquals(5.0f, g.get(0).floatValue());
    tf.random.set_seed(GLOBAL);
    Tensor sample = tf.random.truncated_normal(new long[] {5}, 0.0, 1.0, tf.float32, 3L);
    assertEquals(tf.reduce_sum(sample).floatValue(), g.get(1).floatValue(), 1e-6f);
  }

  // ---- categorical ----

  Operand<?> tfCategorical(Operand<?> logits, int samples, Class outType, long seed2) {
    return tfe.random.multinomial((Operand) logits, tfe.constant(samples), outType,
        Multinomial.seed(GLOBAL), Multinomial.seed2(seed2));
  }

  @Test
  void categoricalIsTensorFlowsToTheBitCallAfterCall() {
    // odd sample counts leave half a Philox block for the next row
    double[][] logits = {{1, 2, 3}, {0, 0, 0}, {-3, 5, 0.5}};
    for (DType dtype : List.of(DType.FLOAT32, DType.FLOAT64)) {
      for (int samples : new int[] {6, 7, 1, 30}) {
        Operand<?> expected = tfCategorical(NnOracle.tf(tfe, logits, dtype), samples, TInt64.class, 9);
        Tensor actual = tf.random.categorical(NnOracle.tfj(logits, dtype), samples, null, 9L);
        assertBitForBit(of(expected), of(actual), samples + " samples " + dtype);
      }
    }
  }

  @Test
  void categoricalCanReturnInt32AndZeroSamples() {
    double[][] logits = {{0.5, 0.25, -1, 2}};
    assertBitForBit(of(tfCategorical(NnOracle.tf(tfe, logits, DType.FLOAT32), 10, TInt32.class, 2)),
        of(tf.random.categorical(NnOracle.tfj(logits, DType.FLOAT32), 10, tf.int32, 2L)), "int32");
    assertBitForBit(of(tfCategorical(NnOracle.tf(tfe, logits, DType.FLOAT32), 0, TInt64.class, 2)),
        of(tf.random.categorical(NnOracle.tfj(logits, DType.FLOAT32), 0, null, 2L)), "no samples");
  }

  @Test
  void categoricalIgnoresNonFiniteLogitsAsTensorFlowDoes() {
    // -inf, +inf and NaN add nothing; a row with nothing finite gives the index num_classes
    double inf = Double.POSITIVE_INFINITY;
    double[][] logits = {{-inf, 0, inf, Double.NaN}, {Double.NaN, Double.NaN, Double.NaN, Double.NaN}, {-inf, 1, 1, -inf}};
    assertBitForBit(of(tfCategorical(NnOracle.tf(tfe, logits, DType.FLOAT32), 8, TInt64.class, 4)),
        of(tf.random.categorical(NnOracle.tfj(logits, DType.FLOAT32), 8, null, 4L)), "non-finite logits");
  }

  @Test
  void categoricalBatchesWithinTensorFlowsSingleShardAreExact() {
    // TensorFlow splits a batch across threads once batch * (samples * log2(classes) + classes)
    // reaches about 4200; below that its order is TFJ's
    double[][] logits = new double[8][5];
    for (int b = 0; b < 8; b++) {
      for (int c = 0; c < 5; c++) {
        logits[b][c] = Math.sin(b * 5 + c) * 2;
      }
    }
    assertBitForBit(of(tfCategorical(NnOracle.tf(tfe, logits, DType.FLOAT64), 20, TInt64.class, 8)),
        of(tf.random.categorical(NnOracle.tfj(logits, DType.FLOAT64), 20, null, 8L)), "8 x 20 samples");
  }

  @Test
  void categoricalIsNotDifferentiable() {
    Tensor logits = tf.constant(new float[][] {{1, 2}});
    GradientTape tape = tf.GradientTape();
    Tensor y;
    try (tape) {
      tape.watch(logits);
      y = tf.cast(tf.random.categorical(logits, 3), tf.float32);
    }
    assertNull(tape.gradient(y, logits));
  }

  // ---- shuffle ----

  Operand<?> tfShuffle(Operand<?> value, long seed2) {
    return tfe.random.randomShuffle((Operand) value, RandomShuffle.seed(GLOBAL), RandomShuffle.seed2(seed2));
  }

  @Test
  void shuffleIsTensorFlowsToTheBitForEveryRankAndDtype() {
    assertBitForBit(of(tfShuffle(tfe.constant(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}), 1)),
        of(tf.random.shuffle(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, 1L)), "int32 vector");
    assertBitForBit(of(tfShuffle(tfe.constant(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}), 1)),
        of(tf.random.shuffle(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, 1L)), "int32 vector, second call");
    assertBitForBit(of(tfShuffle(tfe.constant(new float[][] {{0, 1}, {2, 3}, {4, 5}, {6, 7}}), 1)),
        of(tf.random.shuffle(new float[][] {{0, 1}, {2, 3}, {4, 5}, {6, 7}}, 1L)), "float32 rows");
    long[][][] cube = new long[7][2][2];
    for (int i = 0; i < 7; i++) {
      cube[i][0][0] = i;
      cube[i][1][1] = -i;
    }
    Operand<?> shuffledCube = tfShuffle(tfe.constant(cube), 2);
    assertBitForBit(of(tfe.reshape(shuffledCube, tfe.constant(new long[] {-1}))),
        of(tf.reshape(tf.random.shuffle(cube, 2L), -1)), "int64 rank 3 (compared flat)");
    assertBitForBit(of(tfShuffle(tfe.constant(new boolean[] {true, false, false, true, true}), 3)),
        of(tf.random.shuffle(new boolean[] {true, false, false, true, true}, 3L)), "bool");
  }

  @Test
  void shufflingOneRowDrawsNothing() {
    // TensorFlow returns the input and leaves the generator where it was
    Tensor one = tf.random.shuffle(new int[] {42}, 4L);
    assertEquals(42, one.intValue());
    Tensor scalar = tf.random.shuffle(7, 4L);
    assertEquals(7, scalar.intValue());
    assertBitForBit(of(tfShuffle(tfe.constant(new int[] {0, 1, 2, 3, 4}), 4)),
        of(tf.random.shuffle(new int[] {0, 1, 2, 3, 4}, 4L)), "first real shuffle");
  }

  @Test
  void shuffleHasNoGradientInTensorFlow() {
    Tensor x = tf.constant(new float[] {1, 2, 3});
    GradientTape tape = tf.GradientTape();
    Tensor y;
    try (tape) {
      tape.watch(x);
      y = tf.reduce_sum(tf.random.shuffle(x));
    }
    assertRejected(LookupError.class, "gradient registry has no entry for: RandomShuffle",
        () -> tape.gradient(y, x), x);
  }

  // ---- bad input ----

  @Test
  void negativeDimensionsAreRejected() {
    assertRejected(InvalidArgumentError.class, tfMessage("TruncatedNormal",
        () -> tfTruncatedNormal(new long[] {2, -1}, DType.FLOAT32, 1)),
        () -> tf.random.truncated_normal(new long[] {2, -1}));
  }

  @Test
  void categoricalChecksMatchTensorFlowsKernel() {
    Tensor vector = tf.constant(new float[] {1, 2, 3});
    assertRejected(InvalidArgumentError.class, tfMessage("Multinomial",
        () -> tfCategorical(tfe.constant(new float[] {1, 2, 3}), 2, TInt64.class, 1)),
        () -> tf.random.categorical(vector, 2), vector);
    Tensor matrix = tf.constant(new float[][] {{1, 2, 3}});
    assertRejected(InvalidArgumentError.class, tfMessage("Multinomial",
        () -> tfCategorical(tfe.constant(new float[][] {{1, 2, 3}}), -1, TInt64.class, 1)),
        () -> tf.random.categorical(matrix, -1), matrix);
    Tensor noClasses = tf.zeros(new long[] {2, 0}, tf.float32);
    assertRejected(InvalidArgumentError.class, tfMessage("Multinomial",
        () -> tfCategorical(tfe.zeros(tfe.constant(new int[] {2, 0}), TFloat32.class), 3, TInt64.class, 1)),
        () -> tf.random.categorical(noClasses, 3), noClasses);
  }

  /**
   * TensorFlow's message lists every registered kernel: Python registers XLA's JIT kernels at
   * import, TensorFlow Java once XLA has loaded (after a graph session has run in the process).
   */
  @Test
  void categoricalOfIntegerLogitsHasNoCpuKernel() {
    Tensor ints = tf.constant(new int[][] {{1, 2, 3}});
    StringBuilder cpu = new StringBuilder();
    for (String t : new String[] {"DT_DOUBLE", "DT_FLOAT", "DT_BFLOAT16", "DT_HALF"}) {
      for (String o : new String[] {"DT_INT64", "DT_INT32"}) {
        cpu.append("  device='CPU'; T in [").append(t).append("]; output_dtype in [").append(o).append("]\n");
      }
    }
    assertRejected(NotFoundError.class, "Could not find device for node: {{node Multinomial}} ="
        + " Multinomial[T=DT_INT32, output_dtype=DT_INT64, seed=" + GLOBAL + ", seed2=1]\n"
        + "All kernels registered for op Multinomial:\n"
        + "  device='XLA_CPU_JIT'; output_dtype in [DT_INT32, DT_INT64]; T in [DT_FLOAT, DT_DOUBLE,"
        + " DT_INT32, DT_UINT8, DT_INT16, DT_INT8, DT_INT64, DT_BFLOAT16, DT_UINT16, DT_HALF, DT_UINT32,"
        + " DT_UINT64]\n" + cpu + " [Op:Multinomial]",
        () -> tf.random.categorical(ints, 6, null, 1L), ints);
    String tensorFlows = tfMessage("Multinomial",
        () -> tfCategorical(tfe.constant(new int[][] {{1, 2, 3}}), 6, TInt64.class, 1));
    assertTrue(tensorFlows.endsWith(cpu + " [Op:Multinomial]"), tensorFlows);
  }

  @Test
  void categoricalDtypesOtherThanInt32AndInt64AreValueErrors() {
    Tensor logits = tf.constant(new float[][] {{1, 2}});
    assertRejected(ValueError.class, "Argument `dtype` got invalid value <dtype: 'float32'>. Accepted"
        + " dtypes are (tf.int32, tf.int64).", () -> tf.random.categorical(logits, 2, tf.float32), logits);
  }

  @Test
  void aDifferentSeedGivesDifferentNumbers() {
    assertNotEquals(of(tf.random.truncated_normal(new long[] {8}, 0.0, 1.0, tf.float32, 1L)).toString(),
        of(tf.random.truncated_normal(new long[] {8}, 0.0, 1.0, tf.float32, 2L)).toString());
  }
}
