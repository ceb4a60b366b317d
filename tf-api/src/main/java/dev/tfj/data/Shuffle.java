package dev.tfj.data;

import dev.tfj.devices.cpu.SingleSamples;
import dev.tfj.eager.RandomSeeds;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * TensorFlow's ShuffleDatasetV3 (shuffle_dataset_op.cc) as eager TensorFlow 2 runs it. The op's
 * seeds come from {@code random_seed.get_seed(seed)}; (0, 0) means fresh entropy. A seed generator
 * made from them ({@code PhiloxRandom(seed, seed2)}, one 32-bit sample at a time) gives each new
 * iteration its own pair of seeds (with {@code reshuffle_each_iteration=False} every iteration
 * gets the op's pair). An iteration keeps a window of up to {@code buffer_size} elements, refills
 * it before each output, and outputs the element at {@code start + sample % window_size}, moving
 * the window's first element into its place, where the samples come from
 * {@code PhiloxRandom(iteration seeds)}. Same seeds, TensorFlow's order.
 */
final class Shuffle extends Dataset {
  private final Dataset input;
  private final long bufferSize;
  private final boolean reshuffle;
  private final long seed;
  private final long seed2;
  private final SingleSamples seedGenerator;

  Shuffle(Dataset input, long bufferSize, Long opSeed, boolean reshuffle) {
    this.input = input;
    this.bufferSize = bufferSize;
    this.reshuffle = reshuffle;
    long[] seeds = RandomSeeds.seedsFor(opSeed);
    if (seeds[0] == 0 && seeds[1] == 0) {
      SecureRandom entropy = new SecureRandom();
      seeds = new long[] {entropy.nextLong(), entropy.nextLong()};
    }
    this.seed = seeds[0];
    this.seed2 = seeds[1];
    this.seedGenerator = new SingleSamples(seed, seed2);
  }

  @Override
  long size() {
    return input.size();
  }

  /** RandomSeedGenerator::GenerateSeeds, or FixedSeedGenerator's. */
  private synchronized long[] iterationSeeds() {
    if (!reshuffle) {
      return new long[] {seed, seed2};
    }
    return new long[] {seedGenerator.nextUint32(), seedGenerator.nextUint32()};
  }

  @Override
  public Iterator<Object> iterator() {
    long[] seeds = iterationSeeds();
    SingleSamples random = new SingleSamples(seeds[0], seeds[1]);
    Iterator<Object> it = input.iterator();
    Map<Long, Object> window = new HashMap<>();
    return new Elements() {
      private long start;
      private long end;

      @Override
      Object produce() {
        while (end - start < bufferSize && it.hasNext()) {
          window.put(end++, it.next());
        }
        if (end == start) {
          return null;
        }
        long index = start + Long.remainderUnsigned(random.nextUint32(), end - start);
        Object out = window.get(index);
        window.put(index, window.get(start));
        window.remove(start++);
        return out;
      }
    };
  }
}
