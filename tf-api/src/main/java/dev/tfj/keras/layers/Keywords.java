package dev.tfj.keras.layers;

import dev.tfj.keras.initializers.Initializer;
import dev.tfj.keras.initializers.RandomInitializer;

/** What the fluent keyword methods share. */
final class Keywords {
  private Keywords() {}

  /**
   * The new initializer for a keyword; a default one made by the constructor gives its default seed
   * back, so the seed stream is where Keras's constructor keyword would have left it.
   */
  static Initializer replace(Initializer old, Initializer replacement) {
    if (old instanceof RandomInitializer random && old != replacement) {
      random.discard(replacement);
    }
    return replacement;
  }
}
