package dev.tfj.keras.metrics;

import dev.tfj.Tensor;
import dev.tfj.tf;

/** Keras's rank matching for metrics (losses' {@code squeeze_or_expand_to_same_rank}). */
final class Samplewise {
  private Samplewise() {}

  static Tensor[] squeezeOrExpand(Tensor x1, Tensor x2) {
    int r1 = x1.ndim();
    int r2 = x2.ndim();
    if (r1 == r2 + 1 && x1.shape().get(r1 - 1) == 1) {
      return r2 == 1 ? new Tensor[] {x1, tf.expand_dims(x2, -1)} : new Tensor[] {tf.squeeze(x1, -1), x2};
    }
    if (r2 == r1 + 1 && x2.shape().get(r2 - 1) == 1) {
      return r1 == 1 ? new Tensor[] {tf.expand_dims(x1, -1), x2} : new Tensor[] {x1, tf.squeeze(x2, -1)};
    }
    return new Tensor[] {x1, x2};
  }

  static int[] range(int from, int to) {
    return java.util.stream.IntStream.range(from, to).toArray();
  }
}
