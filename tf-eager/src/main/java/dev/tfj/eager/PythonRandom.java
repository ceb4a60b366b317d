package dev.tfj.eager;

/**
 * Python's {@code random.Random(seed)} (MT19937 seeded by init_by_array), far enough for
 * TensorFlow's eager op seeds ({@code randint(0, 2**31 - 1)} after {@code tf.random.set_seed})
 * and Keras's default seeds ({@code randint(1, 10**9)} after {@code keras.utils.set_random_seed}).
 */
public final class PythonRandom {
  private static final int N = 624;
  private static final int M = 397;
  private final int[] mt = new int[N];
  private int index = N;

  public PythonRandom(long seed) {
    long a = Math.abs(seed);
    int[] key = a >>> 32 == 0 ? new int[] {(int) a} : new int[] {(int) a, (int) (a >>> 32)};
    initByArray(key);
  }

  private void initGenrand(int s) {
    mt[0] = s;
    for (int i = 1; i < N; i++) {
      mt[i] = 1812433253 * (mt[i - 1] ^ (mt[i - 1] >>> 30)) + i;
    }
  }

  private void initByArray(int[] key) {
    initGenrand(19650218);
    int i = 1;
    int j = 0;
    for (int k = Math.max(N, key.length); k > 0; k--) {
      mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >>> 30)) * 1664525)) + key[j] + j;
      i++;
      j++;
      if (i >= N) {
        mt[0] = mt[N - 1];
        i = 1;
      }
      if (j >= key.length) {
        j = 0;
      }
    }
    for (int k = N - 1; k > 0; k--) {
      mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >>> 30)) * 1566083941)) - i;
      i++;
      if (i >= N) {
        mt[0] = mt[N - 1];
        i = 1;
      }
    }
    mt[0] = 0x80000000;
  }

  /** genrand_uint32, as an unsigned value in a long. */
  long nextUint32() {
    if (index >= N) {
      for (int k = 0; k < N; k++) {
        int y = (mt[k] & 0x80000000) | (mt[(k + 1) % N] & 0x7fffffff);
        mt[k] = mt[(k + M) % N] ^ (y >>> 1) ^ ((y & 1) != 0 ? 0x9908b0df : 0);
      }
      index = 0;
    }
    int y = mt[index++];
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y & 0xFFFFFFFFL;
  }

  /** {@code randint(0, 2**31 - 1)}. */
  long randint31() {
    return randint(0, (1L << 31) - 1);
  }

  /**
   * {@code randint(a, b)} for {@code b - a < 2**32}: {@code a + _randbelow(b - a + 1)}, the top
   * {@code k} bits of 32-bit draws (k the range's bit length) until one falls in range.
   */
  public long randint(long a, long b) {
    long n = b - a + 1;
    int k = 64 - Long.numberOfLeadingZeros(n);
    long r;
    do {
      r = nextUint32() >>> (32 - k);
    } while (r >= n);
    return a + r;
  }

  /** {@code random.random()}: 53 bits from two draws. */
  public double random() {
    long a = nextUint32() >>> 5;
    long b = nextUint32() >>> 6;
    return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0);
  }

  /** A copy of the state, for undoing draws. */
  public PythonRandom copy() {
    PythonRandom c = new PythonRandom(0);
    c.restore(this);
    return c;
  }

  /** Takes {@code other}'s state. */
  public void restore(PythonRandom other) {
    System.arraycopy(other.mt, 0, mt, 0, N);
    index = other.index;
  }
}
