package dev.tfj.devices.cpu;

/**
 * TensorFlow's counter-based generator, Philox4x32-10 (lib/random/philox_random.h): a 128-bit
 * counter and a 64-bit key give four 32-bit outputs per call. Seeds map onto key and counter as
 * TensorFlow maps them, so the same seeds give TensorFlow's bits.
 */
final class Philox {
  private static final int W32A = 0x9E3779B9;
  private static final int W32B = 0xBB67AE85;
  private static final long M4X32A = 0xD2511F53L;
  private static final long M4X32B = 0xCD9E8D57L;

  private final int[] counter = new int[4];
  private final int[] key = new int[2];

  /** PhiloxRandom(seed_lo, seed_hi): the first seed is the key, the second the counter's high half. */
  Philox(long seed, long seed2) {
    key[0] = (int) seed;
    key[1] = (int) (seed >>> 32);
    counter[2] = (int) seed2;
    counter[3] = (int) (seed2 >>> 32);
  }

  /**
   * The generator of TensorFlow's stateless random ops for {@code seed} (GenerateKey in
   * stateless_random_ops.cc): the seeds, as a counter under a fixed key, give one draw whose first
   * two words are the key and whose last two the counter's high half.
   */
  static Philox stateless(long seed0, long seed1) {
    Philox scramble = new Philox(0x02461e29L << 32 | 0x3ec8f720L, seed1);
    scramble.counter[0] = (int) seed0;
    scramble.counter[1] = (int) (seed0 >>> 32);
    int[] mix = scramble.next();
    Philox gen = new Philox((mix[1] & 0xFFFFFFFFL) << 32 | (mix[0] & 0xFFFFFFFFL), 0);
    gen.counter[2] = mix[2];
    gen.counter[3] = mix[3];
    return gen;
  }

  Philox(Philox other) {
    System.arraycopy(other.counter, 0, counter, 0, 4);
    System.arraycopy(other.key, 0, key, 0, 2);
  }

  /** Advances the counter by {@code count} 128-bit outputs. */
  void skip(long count) {
    int countLo = (int) count;
    int countHi = (int) (count >>> 32);
    counter[0] += countLo;
    if (Integer.compareUnsigned(counter[0], countLo) < 0) {
      countHi++;
    }
    counter[1] += countHi;
    if (Integer.compareUnsigned(counter[1], countHi) < 0) {
      if (++counter[2] == 0) {
        ++counter[3];
      }
    }
  }

  /** The next four 32-bit outputs (ten rounds), then the counter moves on by one. */
  int[] next() {
    int[] c = counter.clone();
    int k0 = key[0];
    int k1 = key[1];
    for (int round = 0; round < 10; round++) {
      long p0 = M4X32A * (c[0] & 0xFFFFFFFFL);
      long p1 = M4X32B * (c[2] & 0xFFFFFFFFL);
      int[] r = {
        (int) (p1 >>> 32) ^ c[1] ^ k0, (int) p1, (int) (p0 >>> 32) ^ c[3] ^ k1, (int) p0
      };
      c = r;
      k0 += W32A;
      k1 += W32B;
    }
    skip(1);
    return c;
  }

  /** A float in [0, 1) from the low 23 bits, as TensorFlow's Uint32ToFloat builds it. */
  static float uint32ToFloat(int x) {
    return Float.intBitsToFloat((127 << 23) | (x & 0x7FFFFF)) - 1.0f;
  }

  /** A double in [0, 1) from 52 bits of two outputs, as TensorFlow's Uint64ToDouble builds it. */
  static double uint64ToDouble(int x0, int x1) {
    long mantissa = ((long) (x0 & 0xFFFFF) << 32) | (x1 & 0xFFFFFFFFL);
    return Double.longBitsToDouble((1023L << 52) | mantissa) - 1.0;
  }
}
