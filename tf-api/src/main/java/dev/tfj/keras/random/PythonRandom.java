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
  /** The last two default seeds: who drew each, the value, and the stream before it. */
  private final java.util.Deque<Draw> recent = new java.util.ArrayDeque<>();

  private record Draw(Object owner, long value, dev.tfj.eager.PythonRandom before) {}

  private PythonRandom() {}

  /** {@code random.seed(n)}. */
  public synchronized void seed(long n) {
    stream = new dev.tfj.eager.PythonRandom(n);
    recent.clear();
  }

  /**
   * Keras's {@code make_default_seed()}, {@code randint(1, 10**9)}, drawn for {@code owner}; the
   * last two draws are remembered so that {@link #giveBack} can undo one.
   */
  public synchronized long makeDefaultSeed(Object owner) {
    dev.tfj.eager.PythonRandom before = stream.copy();
    long value = stream.randint(1, 1_000_000_000);
    recent.addLast(new Draw(owner, value, before));
    if (recent.size() > 2) {
      recent.removeFirst();
    }
    return value;
  }

  /**
   * A default made by a constructor ({@code old}) replaced by a fluent keyword right after
   * ({@code Dense(10).kernel_initializer(...)}): the stream is put where Keras's constructor keyword
   * would have left it. If {@code old}'s draw was the last, it is undone; if only the replacement
   * drew after it, the replacement takes {@code old}'s seed (the one Keras would have given it),
   * which this returns, and the replacement's own draw is undone. Otherwise null, nothing changes.
   */
  public synchronized Long giveBack(Object old, Object replacement) {
    Draw last = recent.peekLast();
    if (last == null) {
      return null;
    }
    if (last.owner() == old) {
      stream.restore(last.before());
      recent.removeLast();
      return null;
    }
    Draw first = recent.peekFirst();
    if (last.owner() == replacement && first != last && first.owner() == old) {
      stream.restore(last.before());
      recent.clear();
      return first.value();
    }
    return null;
  }

  /** Python's module-level stream. */
  public static final PythonRandom GLOBAL = new PythonRandom();
}
