package dev.tfj.devices.cpu;

/**
 * TensorFlow's {@code SingleSampleAdapter<PhiloxRandom>}: Philox's four outputs handed out one at
 * a time. Public for the host-side users of TensorFlow's streams (tf.data's shuffle and its seed
 * generator), which draw from {@code PhiloxRandom(seed, seed2)} directly.
 */
public final class SingleSamples {
  private final Philox gen;
  private int[] block;
  private int used = 4;

  SingleSamples(Philox gen) {
    this.gen = gen;
  }

  /** The stream of {@code PhiloxRandom(seed, seed2)} from its start. */
  public SingleSamples(long seed, long seed2) {
    this(new Philox(seed, seed2));
  }

  int next() {
    if (used == 4) {
      block = gen.next();
      used = 0;
    }
    return block[used++];
  }

  /** The next 32-bit sample, unsigned. */
  public long nextUint32() {
    return next() & 0xFFFFFFFFL;
  }
}
