package dev.tfj.keras.random;

import dev.tfj.Tensor;
import dev.tfj.tf;

/**
 * How Keras 3's TensorFlow backend turns a seed into the stateless ops' seed: an int seed is
 * {@code [seed, 0]}, and a 64-bit one is brought into int32 by {@code floormod(seed, 2**31 - 2)}
 * ({@code _cast_seed}).
 */
public final class KerasRandom {
  private KerasRandom() {}

  private static final long INT32_MAX_MINUS_ONE = Integer.MAX_VALUE - 1;

  /** The stateless seed for an integer seed: {@code [seed mod (2**31 - 2), 0]} as int32. */
  public static Tensor seed(long seed) {
    return tf.constant(new int[] {(int) Math.floorMod(seed, INT32_MAX_MINUS_ONE), 0});
  }

  static Tensor castSeed(Tensor int64Seed) {
    return tf.cast(tf.math.floormod(int64Seed, INT32_MAX_MINUS_ONE), tf.int32);
  }

  /**
   * {@code tf.nn.experimental.stateless_dropout(x, rate, noise_shape, seed)}: {@code x * (1 /
   * (1 - rate))} where a stateless uniform draw is at least {@code rate}, else 0.
   */
  public static Tensor dropout(Tensor x, double rate, long[] noiseShape, Tensor seed) {
    if (rate < 0 || rate >= 1) {
      throw new dev.tfj.errors.ValueError("`rate` must be a scalar tensor or a float in the range [0, 1)."
          + " Received: rate=" + dev.tfj.keras.PythonText.repr(rate));
    }
    Tensor scaled = tf.multiply(x, tf.constant(1 / (1 - rate), x.dtype()));
    Tensor random = tf.random.stateless_uniform(noiseShape, seed, 0, null, x.dtype());
    return tf.where(tf.greater_equal(random, tf.constant(rate, x.dtype())), scaled, tf.zeros_like(scaled));
  }
}
