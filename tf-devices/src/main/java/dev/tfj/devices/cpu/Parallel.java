package dev.tfj.devices.cpu;

import java.util.stream.IntStream;

/**
 * Splits a loop over independent items across the cores (the common ForkJoin pool and the
 * calling thread) when the work is large enough to pay for it. Each item is computed exactly as
 * it would be alone, so results do not depend on the number of threads.
 */
final class Parallel {
  /** Below this many scalar operations in all, one thread is faster than handing out work. */
  private static final long MIN_PARALLEL_WORK = 1L << 18;

  private Parallel() {}

  interface RangeBody {
    void run(int from, int to);
  }

  static void forRange(int items, long workPerItem, RangeBody body) {
    int threads = Runtime.getRuntime().availableProcessors();
    if (threads < 2 || items < 2 || items * workPerItem < MIN_PARALLEL_WORK) {
      body.run(0, items);
      return;
    }
    int chunks = Math.min(items, threads * 4);
    IntStream.range(0, chunks).parallel().forEach(c ->
        body.run((int) ((long) items * c / chunks), (int) ((long) items * (c + 1) / chunks)));
  }
}
