package dev.tfj.compat.keras;

import dev.tfj.Tensor;
import dev.tfj.tf;

/**
 * Data of Fashion-MNIST's shape made from seeds: 28x28 float32 images in [0, 1], each its class's
 * fixed random pattern (the same for every seed, so train and test sets share classes) plus noise.
 */
final class SyntheticImages {
  private SyntheticImages() {}

  /** {@code [images (n, 28, 28), labels (n,) int32]}. */
  static Tensor[] make(int n, long seed) {
    Tensor prototypes = tf.random.stateless_uniform(new long[] {10, 28, 28}, new long[] {0, 1});
    Tensor labels = tf.random.stateless_uniform(new long[] {n}, new long[] {seed, 2}, 0, 10, tf.float32);
    Tensor y = tf.cast(tf.floor(labels), tf.int32);
    Tensor noise = tf.random.stateless_uniform(new long[] {n, 28, 28}, new long[] {seed, 3});
    Tensor x = tf.gather(prototypes, y).mul(0.7).add(noise.mul(0.3));
    return new Tensor[] {x, y};
  }
}
