package dev.tfj.keras.metrics;

import dev.tfj.Tensor;

/** Keras's rank matching for metrics: the losses' {@code squeeze_or_expand_to_same_rank}. */
final class Samplewise {
  private Samplewise() {}

  static Tensor[] squeezeOrExpand(Tensor x1, Tensor x2) {
    return dev.tfj.keras.losses.LossFunctions.squeezeOrExpandToSameRank(x1, x2);
  }

  static int[] range(int from, int to) {
    return java.util.stream.IntStream.range(from, to).toArray();
  }
}
