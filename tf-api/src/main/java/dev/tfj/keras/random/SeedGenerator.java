package dev.tfj.keras.random;

import dev.tfj.Tensor;
import dev.tfj.Variable;
import dev.tfj.tf;

/**
 * {@code keras.random.SeedGenerator}: an int64 variable {@code [seed, 0]} whose second number
 * each {@link #next} returns and then increments, so a dropout layer draws a fresh stateless mask
 * per call from one reproducible sequence. A null seed is Keras's default seed.
 */
public final class SeedGenerator {
  private final Variable state;

  public SeedGenerator(Long seed) {
    long s = seed == null ? PythonRandom.GLOBAL.makeDefaultSeed(this) : seed;
    try (var scope = tf.name_scope("seed_generator")) {
      state = tf.Variable(new long[] {s, 0}, false, "seed_generator_state");
    }
  }

  /** Gives a default seed back when a fluent {@code seed(...)} replaces this generator at once. */
  public void discard() {
    PythonRandom.GLOBAL.giveBack(this, null);
  }

  public Variable state() {
    return state;
  }

  /** The current state as the int32 seed the stateless ops take, then the state moves on. */
  public Tensor next() {
    Tensor current = tf.identity(state);
    state.assign_add(new long[] {0, 1});
    return KerasRandom.castSeed(current);
  }
}
