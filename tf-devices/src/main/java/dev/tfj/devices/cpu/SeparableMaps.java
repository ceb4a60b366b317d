package dev.tfj.devices.cpu;

import dev.tfj.ops.Shapes;

/**
 * Index maps in which every output coordinate contributes its own term to the flat position it
 * reads (or writes): slicing, striding, reversing, tiling, mirroring and placing into padding.
 * {@code terms[d][i]} is the contribution of coordinate {@code i} along dimension {@code d};
 * the map walks the box the terms span in row-major order.
 */
final class SeparableMaps {
  private SeparableMaps() {}

  static int[] of(long[][] terms) {
    int rank = terms.length;
    long n = 1;
    for (long[] t : terms) {
      n *= t.length;
    }
    int[] map = new int[Math.toIntExact(n)];
    if (n == 0) {
      return map;
    }
    int[] counter = new int[rank];
    long offset = 0;
    for (long[] t : terms) {
      offset += t[0];
    }
    for (int i = 0; i < map.length; i++) {
      map[i] = (int) offset;
      for (int d = rank - 1; d >= 0; d--) {
        long[] t = terms[d];
        int c = ++counter[d];
        if (c < t.length) {
          offset += t[c] - t[c - 1];
          break;
        }
        offset += t[0] - t[c - 1];
        counter[d] = 0;
      }
    }
    return map;
  }

  /**
   * The terms of a strided box in a tensor of {@code shape}: {@code size[d]} steps of
   * {@code step[d]} from {@code begin[d]} along each dimension.
   */
  static long[][] strided(long[] shape, long[] begin, long[] step, long[] size) {
    long[] strides = Shapes.strides(shape);
    long[][] terms = new long[size.length][];
    for (int d = 0; d < terms.length; d++) {
      terms[d] = new long[Math.toIntExact(size[d])];
      for (int i = 0; i < terms[d].length; i++) {
        terms[d][i] = (begin[d] + i * step[d]) * strides[d];
      }
    }
    return terms;
  }
}
