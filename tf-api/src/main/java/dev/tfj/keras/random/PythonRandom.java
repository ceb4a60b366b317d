package dev.tfj.keras.random;

import java.security.SecureRandom;

/**
 * The Python {@code random} stream Keras draws its default seeds from. Keras 3 gives every
 * initializer and dropout layer made without a seed {@code random.randint(1, 10**9)}, so after
 * {@code keras.utils.set_random_seed(s)} (which seeds this stream) a model starts from
 * TensorFlow's weights. Unseeded, the stream starts from the system's entropy, as Python's does.
 */
public final class PythonRandom {
  private dev.tfj.eager.PythonRandom stream = new dev.tfj.eager.PythonRandom(new SecureRandom().nextLong());
  private dev.tfj.eager.PythonRandom beforeLastDraw;
  private Object lastDrawOwner;

  private PythonRandom() {}

  /** {@code random.seed(n)}. */
  public synchronized void seed(long n) {
    stream = new dev.tfj.eager.PythonRandom(n);
    lastDrawOwner = null;
  }

  /**
   * Keras's {@code make_default_seed()}, {@code randint(1, 10**9)}, drawn for {@code owner}; the
   * stream's state before it is kept so that {@link #giveBack} can undo it.
   */
  public synchronized long makeDefaultSeed(Object owner) {
    beforeLastDraw = stream.copy();
    lastDrawOwner = owner;
    return stream.randint(1, 1_000_000_000);
  }

  /**
   * Undoes {@code owner}'s default seed if it was the last one drawn: a default initializer
   * replaced by a fluent keyword right after construction ({@code Dense(10).kernel_initializer(...)})
   * then leaves the stream where Keras's constructor keyword would have left it.
   */
  public synchronized void giveBack(Object owner) {
    if (owner != null && owner == lastDrawOwner) {
      stream.restore(beforeLastDraw);
      lastDrawOwner = null;
    }
  }

  /** Python's module-level stream. */
  public static final PythonRandom GLOBAL = new PythonRandom();
}
