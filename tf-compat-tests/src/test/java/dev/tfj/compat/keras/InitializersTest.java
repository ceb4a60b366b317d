package dev.tfj.compat.keras;

import static dev.tfj.compat.oracle.Oracle.assertAgree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tfj.Tensor;
import dev.tfj.compat.oracle.Oracle;
import dev.tfj.eager.PythonRandom;
import dev.tfj.errors.ValueError;
import dev.tfj.keras.initializers.Initializer;
import dev.tfj.keras.layers.Dense;
import dev.tfj.tf;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.tensorflow.EagerSession;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.random.StatelessRandomNormal;
import org.tensorflow.op.random.StatelessRandomUniform;
import org.tensorflow.op.random.StatelessTruncatedNormal;
import org.tensorflow.types.TFloat32;

/**
 * Keras 3's initializers with a seed give TensorFlow's numbers: each is the TensorFlow backend's
 * stateless draw with seed {@code [seed, 0]}, scaled as Keras's VarianceScaling scales it, computed
 * here with TensorFlow Java's StatelessRandom* kernels and float32 ops, bit for bit. Unseeded,
 * Keras draws the seed from Python's {@code random}, checked against Python's known values.
 */
class InitializersTest {
  private static final Ops TFE = Ops.create(EagerSession.create());

  private enum Draw { UNIFORM, NORMAL, TRUNCATED }

  /** {@code stateless_*(shape, seed=[seed, 0]) * scale + shift} in TensorFlow, float32. */
  private static Operand<TFloat32> tensorFlow(Draw draw, long[] shape, long seed, float scale, float shift) {
    var dims = TFE.constant(Arrays.stream(shape).mapToInt(Math::toIntExact).toArray());
    var s = TFE.constant(new int[] {(int) seed, 0});
    Operand<TFloat32> raw = switch (draw) {
      case UNIFORM -> StatelessRandomUniform.create(TFE.scope(), dims, s, TFloat32.class);
      case NORMAL -> StatelessRandomNormal.create(TFE.scope(), dims, s, TFloat32.class);
      case TRUNCATED -> StatelessTruncatedNormal.create(TFE.scope(), dims, s, TFloat32.class);
    };
    return TFE.math.add(TFE.math.mul(raw, TFE.constant(scale)), TFE.constant(shift));
  }

  private static void assertSame(Operand<TFloat32> expected, Tensor actual, String what) {
    assertAgree(Oracle.read(expected), Oracle.of(actual), 0, 0, what);
  }

  @Test
  void varianceScalingFamilyIsTensorFlowsStatelessDraw() {
    long[][] shapes = {{784, 256}, {256, 10}, {5, 5, 1, 6}, {7}};
    for (long[] shape : shapes) {
      for (long seed : new long[] {0, 42, 123456789}) {
        long fanIn = shape.length == 1 ? shape[0] : shape[shape.length - 2] * receptive(shape);
        long fanOut = shape.length == 1 ? shape[0] : shape[shape.length - 1] * receptive(shape);
        String what = Arrays.toString(shape) + " seed " + seed;
        float glorotLimit = (float) Math.sqrt(3.0 * (1.0 / Math.max(1.0, (fanIn + fanOut) / 2.0)));
        assertSame(uniform(shape, seed, glorotLimit), tf.keras.initializers.GlorotUniform(seed).apply(shape),
            "GlorotUniform " + what);
        float heLimit = (float) Math.sqrt(3.0 * (2.0 / fanIn));
        assertSame(uniform(shape, seed, heLimit), tf.keras.initializers.HeUniform(seed).apply(shape),
            "HeUniform " + what);
        float heStd = (float) (Math.sqrt(2.0 / fanIn) / 0.87962566103423978);
        assertSame(tensorFlow(Draw.TRUNCATED, shape, seed, heStd, 0), tf.keras.initializers.HeNormal(seed).apply(shape),
            "HeNormal " + what);
        float glorotStd = (float) (Math.sqrt(1.0 / ((fanIn + fanOut) / 2.0)) / 0.87962566103423978);
        assertSame(tensorFlow(Draw.TRUNCATED, shape, seed, glorotStd, 0),
            tf.keras.initializers.GlorotNormal(seed).apply(shape), "GlorotNormal " + what);
      }
    }
  }

  private static long receptive(long[] shape) {
    long r = 1;
    for (int i = 0; i < shape.length - 2; i++) {
      r *= shape[i];
    }
    return r;
  }

  /** Keras's uniform: {@code rnd * (limit - -limit) + -limit}, each bound first cast to float32. */
  private static Operand<TFloat32> uniform(long[] shape, long seed, float limit) {
    var dims = TFE.constant(Arrays.stream(shape).mapToInt(Math::toIntExact).toArray());
    var raw = StatelessRandomUniform.create(TFE.scope(), dims, TFE.constant(new int[] {(int) seed, 0}), TFloat32.class);
    return TFE.math.add(TFE.math.mul(raw, TFE.math.sub(TFE.constant(limit), TFE.constant(-limit))),
        TFE.constant(-limit));
  }

  @Test
  void randomNormalUniformAndTruncatedNormalDefaults() {
    long[] shape = {3, 4};
    assertSame(tensorFlow(Draw.NORMAL, shape, 7, 0.05f, 0), tf.keras.initializers.RandomNormal(0.0, 0.05, 7).apply(shape),
        "RandomNormal(stddev=0.05)");
    assertSame(tensorFlow(Draw.TRUNCATED, shape, 7, 0.05f, 0),
        tf.keras.initializers.TruncatedNormal(0.0, 0.05, 7).apply(shape), "TruncatedNormal(stddev=0.05)");
    var dims = TFE.constant(new int[] {3, 4});
    var raw = StatelessRandomUniform.create(TFE.scope(), dims, TFE.constant(new int[] {7, 0}), TFloat32.class);
    var expected = TFE.math.add(TFE.math.mul(raw, TFE.math.sub(TFE.constant(0.05f), TFE.constant(-0.05f))),
        TFE.constant(-0.05f));
    assertSame(expected, tf.keras.initializers.RandomUniform(-0.05, 0.05, 7).apply(shape), "RandomUniform");
    assertEquals(0.0, tf.reduce_sum(tf.abs(tf.keras.initializers.Zeros().apply(shape))).doubleValue());
    assertEquals(12.0, tf.reduce_sum(tf.keras.initializers.Ones().apply(shape)).doubleValue());
  }

  @Test
  void aSeededInitializerGivesTheSameValuesEveryCall() {
    Initializer init = tf.keras.initializers.GlorotUniform(3);
    Tensor first = init.apply(4, 4);
    tf.random.uniform(new long[] {9});
    assertAgree(Oracle.of(first), Oracle.of(init.apply(4, 4)), 0, 0, "second call");
  }

  @Test
  void pythonsRandomStreamGivesPythonsNumbers() {
    // random.seed(42); random.random() and random.seed(0); random.random(), as CPython prints them.
    assertEquals(0.6394267984578837, new PythonRandom(42).random());
    assertEquals(0.8444218515250481, new PythonRandom(0).random());
    // random.seed(42); random.randint(1, 100) and random.seed(0); random.randint(1, 100).
    assertEquals(82, new PythonRandom(42).randint(1, 100));
    assertEquals(50, new PythonRandom(0).randint(1, 100));
  }

  @Test
  void setRandomSeedMakesUnseededLayersReproducible() {
    tf.keras.utils.set_random_seed(5);
    Dense a = new Dense(3);
    a.build(new long[] {2, 4});
    tf.keras.utils.set_random_seed(5);
    Dense b = new Dense(3);
    b.build(new long[] {2, 4});
    assertAgree(Oracle.of(a.kernel()), Oracle.of(b.kernel()), 0, 0, "same seed, same kernel");
  }

  /**
   * Keras draws default seeds in construction order, one per random initializer made: after
   * {@code set_random_seed(11)}, {@code Dense(3, kernel_initializer="he_normal")} then
   * {@code Dense(3)} get the stream's first and second {@code randint(1, 10**9)}. The fluent
   * keyword replaces the constructor's default without moving the stream.
   */
  @Test
  void defaultSeedsFollowKerasConstructionOrder() {
    PythonRandom python = new PythonRandom(11);
    long first = python.randint(1, 1_000_000_000);
    long second = python.randint(1, 1_000_000_000);
    tf.keras.utils.set_random_seed(11);
    Dense replaced = new Dense(3).kernel_initializer("he_normal");
    Dense plain = new Dense(3);
    replaced.build(new long[] {1, 4});
    plain.build(new long[] {1, 4});
    assertAgree(Oracle.of(tf.keras.initializers.HeNormal(first).apply(4, 3)), Oracle.of(replaced.kernel()), 0, 0,
        "he_normal keyword: the first seed");
    assertAgree(Oracle.of(tf.keras.initializers.GlorotUniform(second).apply(4, 3)), Oracle.of(plain.kernel()), 0, 0,
        "next layer: the second seed");
    tf.keras.utils.set_random_seed(11);
    new Dense(3).kernel_initializer(tf.keras.initializers.Zeros());
    Dense next = new Dense(3);
    next.build(new long[] {1, 4});
    assertAgree(Oracle.of(tf.keras.initializers.GlorotUniform(first).apply(4, 3)), Oracle.of(next.kernel()), 0, 0,
        "after a non-random keyword initializer: the first seed");
  }

  @Test
  void unknownIdentifiersAreKerasErrors() {
    ValueError e = assertThrows(ValueError.class, () -> new Dense(2).kernel_initializer("glorot"));
    assertEquals("Could not interpret initializer identifier: glorot", e.getMessage());
    e = assertThrows(ValueError.class, () -> new Dense(2, "rely"));
    assertEquals("Could not interpret activation function identifier: rely", e.getMessage());
    e = assertThrows(ValueError.class, () -> new Dense(0));
    assertEquals("Received an invalid value for `units`, expected a positive integer. Received: units=0",
        e.getMessage());
  }
}
