package dev.tfj.eager;

import dev.tfj.devices.Device;
import dev.tfj.devices.Devices;

/**
 * TensorFlow's seed rules ({@code random_seed.get_seed} in eager mode): the global seed from
 * {@code tf.random.set_seed}, and an op seed drawn from a Python random stream when the op has none.
 */
public final class RandomSeeds {
  static final long DEFAULT_GRAPH_SEED = 87654321L;
  static final long MAXINT32 = (1L << 31) - 1;

  private static Long globalSeed;
  private static PythonRandom opSeeds;

  private RandomSeeds() {}

  /** {@code tf.random.set_seed}: also restarts every random kernel's sequence. */
  public static synchronized void setGlobalSeed(Long seed) {
    globalSeed = seed;
    opSeeds = seed == null ? null : new PythonRandom(seed);
    for (Device d : Devices.all()) {
      d.clearKernelState();
    }
  }

  /** The (seed, seed2) attrs for a random op whose own seed is {@code opSeed} (null for none). */
  public static synchronized long[] seedsFor(Long opSeed) {
    long[] seeds;
    if (globalSeed != null) {
      long op = opSeed != null ? opSeed : opSeeds.randint31();
      seeds = new long[] {Math.floorMod(globalSeed, MAXINT32), Math.floorMod(op, MAXINT32)};
    } else if (opSeed != null) {
      seeds = new long[] {DEFAULT_GRAPH_SEED, Math.floorMod(opSeed, MAXINT32)};
    } else {
      return new long[] {0, 0};
    }
    return seeds[0] == 0 && seeds[1] == 0 ? new long[] {0, MAXINT32} : seeds;
  }
}
