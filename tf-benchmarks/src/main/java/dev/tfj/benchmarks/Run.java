package dev.tfj.benchmarks;

import java.util.List;

/**
 * One side (TFJ or TensorFlow Java) of one workload, its inputs already built: {@link #step} is
 * what is timed, {@link #values} the same computation read back for the agreement check.
 *
 * @param <R> what one computation returns (tensors, a session's result)
 */
abstract class Run<R> implements AutoCloseable {

  /**
   * The workload, once. It does not copy its results into Java arrays: both runtimes compute
   * synchronously, so the results exist when this returns.
   */
  abstract R compute();

  /** The results of {@link #compute}, one float array per output, row-major. */
  abstract List<float[]> read(R result);

  /** Frees what {@link #compute} allocated outside the Java heap; TFJ's results are garbage. */
  void release(R result) {}

  /** One timed step; the result is returned so that the caller consumes it. */
  final Object step() {
    R result = compute();
    release(result);
    return result;
  }

  /** One step, read back (not timed). */
  final List<float[]> values() {
    R result = compute();
    try {
      return read(result);
    } finally {
      release(result);
    }
  }

  @Override
  public void close() {}
}
