package dev.tfj;

/**
 * A block that Python writes as {@code with ...:}, here a try-with-resources whose close
 * throws nothing: {@code try (var paused = tape.stop_recording()) { ... }}.
 */
@FunctionalInterface
public interface Scope extends AutoCloseable {
  @Override
  void close();
}
