package dev.tfj.keras.initializers;

import dev.tfj.Tensor;
import dev.tfj.keras.random.KerasRandom;
import dev.tfj.keras.random.PythonRandom;

/**
 * Keras 3's seeded initializers: a null seed is replaced at construction by Keras's default seed
 * ({@code random.randint(1, 10**9)}), and every call draws from the stateless ops with
 * {@code [seed, 0]}, so an initializer gives the same values each time it is called, as in Keras.
 */
public abstract class RandomInitializer extends Initializer {
  private long seed;
  private boolean defaultSeed;

  protected RandomInitializer(Long seed) {
    this.defaultSeed = seed == null;
    this.seed = seed == null ? PythonRandom.GLOBAL.makeDefaultSeed(this) : seed;
  }

  public long seed() {
    return seed;
  }

  /** The stateless ops' seed. */
  protected Tensor statelessSeed() {
    return KerasRandom.seed(seed);
  }

  /**
   * Called when this default initializer is replaced by {@code replacement} right after its
   * owner's construction: its default seed goes back to the stream (or to the replacement), as if
   * Keras had never made it (see {@link PythonRandom#giveBack}).
   */
  public void discard(Initializer replacement) {
    if (defaultSeed) {
      Long inherited = PythonRandom.GLOBAL.giveBack(this, replacement);
      if (inherited != null && replacement instanceof RandomInitializer r) {
        r.seed = inherited;
      }
    }
  }
}
