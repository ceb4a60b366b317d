package dev.tfj.benchmarks;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * One float32 input of a workload: its shape and row-major values, made once and handed to both
 * sides, so that TFJ and TensorFlow Java compute on the same numbers.
 */
record Input(long[] shape, float[] data) {

  /** Values drawn uniformly from [lo, hi); the seed makes them the same on every run. */
  static Input uniform(long seed, double lo, double hi, long... shape) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] data = new float[Math.toIntExact(Arrays.stream(shape).reduce(1, Math::multiplyExact))];
    for (int i = 0; i < data.length; i++) {
      data[i] = (float) random.nextDouble(lo, hi);
    }
    return new Input(shape, data);
  }

  /** Rows of one-hot labels, the class of each row drawn with the seed. */
  static Input oneHot(long seed, int rows, int classes) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] data = new float[rows * classes];
    for (int r = 0; r < rows; r++) {
      data[r * classes + random.nextInt(classes)] = 1;
    }
    return new Input(new long[] {rows, classes}, data);
  }
}
