package dev.tfj.devices.cpu;

import dev.tfj.ops.Shapes;

/**
 * Maps from output element to input element for ops that only move data: broadcasting and
 * transposing. Kernels then gather through the map, whatever the dtype.
 */
final class IndexMaps {
  private IndexMaps() {}

  /** For each element of {@code outShape}, the element of the (broadcast) {@code inShape} it reads. */
  static int[] broadcast(long[] inShape, long[] outShape) {
    int rank = outShape.length;
    long[] inStrides = Shapes.strides(inShape);
    long[] strides = new long[rank];
    int pad = rank - inShape.length;
    for (int i = pad; i < rank; i++) {
      strides[i] = inShape[i - pad] == 1 ? 0 : inStrides[i - pad];
    }
    return walk(outShape, strides);
  }

  /** For each element of the transposed output, the input element it reads. */
  static int[] transpose(long[] inShape, long[] perm) {
    long[] inStrides = Shapes.strides(inShape);
    long[] outShape = new long[perm.length];
    long[] strides = new long[perm.length];
    for (int i = 0; i < perm.length; i++) {
      outShape[i] = inShape[(int) perm[i]];
      strides[i] = inStrides[(int) perm[i]];
    }
    return walk(outShape, strides);
  }

  /** For each element of {@code inShape}, the element of the reduction's output it adds into. */
  static int[] reduction(long[] inShape, boolean[] reduced) {
    long[] strides = new long[inShape.length];
    long acc = 1;
    for (int i = inShape.length - 1; i >= 0; i--) {
      if (!reduced[i]) {
        strides[i] = acc;
        acc *= inShape[i];
      }
    }
    return walk(inShape, strides);
  }

  /** Visits {@code shape} in row-major order, accumulating the offsets {@code strides} give. */
  private static int[] walk(long[] shape, long[] strides) {
    int n = Math.toIntExact(Shapes.numElements(shape));
    int[] map = new int[n];
    int rank = shape.length;
    long[] counter = new long[rank];
    long offset = 0;
    for (int i = 0; i < n; i++) {
      map[i] = (int) offset;
      for (int d = rank - 1; d >= 0; d--) {
        offset += strides[d];
        if (++counter[d] < shape[d]) {
          break;
        }
        offset -= strides[d] * shape[d];
        counter[d] = 0;
      }
    }
    return map;
  }
}
