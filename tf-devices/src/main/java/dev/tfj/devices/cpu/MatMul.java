package dev.tfj.devices.cpu;

import static dev.tfj.devices.cpu.Elementwise.allocate;
import static dev.tfj.devices.cpu.Elementwise.input;

import dev.tfj.devices.Kernel;
import dev.tfj.devices.KernelContext;
import dev.tfj.ops.DType;
import java.util.Arrays;

/**
 * MatMul and BatchMatMulV2 on row-major matrices. Transposed operands are first laid out
 * untransposed, so the inner loop always walks both B and C contiguously (i-k-j order); each
 * batch of the (broadcast) output reads the matrices its batch index maps to. Large products
 * share their rows out across cores.
 */
final class MatMul {
  private MatMul() {}

  /** TensorFlow registers its CPU MatMul kernels for these (of TFJ's dtypes; not uint8), in its order. */
  private static final DType[] TYPES = {DType.INT64, DType.INT32, DType.FLOAT64, DType.FLOAT32};

  static final Kernel KERNEL = Kernel.restrictedTo(ctx ->
      compute(ctx, ctx.attrs.bool("transpose_a"), ctx.attrs.bool("transpose_b")), TYPES);

  static final Kernel BATCHED = Kernel.restrictedTo(ctx ->
      compute(ctx, ctx.attrs.bool("adj_x"), ctx.attrs.bool("adj_y")), TYPES);

  private static void compute(KernelContext ctx, boolean ta, boolean tb) {
    long[] shapeA = ctx.inputShapes[0];
    long[] shapeB = ctx.inputShapes[1];
    long[] shapeC = ctx.outputShapes[0];
    HostBuffer a = untransposed(input(ctx, 0), shapeA, ta);
    HostBuffer b = untransposed(input(ctx, 1), shapeB, tb);
    int m = (int) shapeC[shapeC.length - 2];
    int n = (int) shapeC[shapeC.length - 1];
    int k = (int) shapeA[shapeA.length - (ta ? 2 : 1)];
    long[] batch = Arrays.copyOf(shapeC, shapeC.length - 2);
    int[] batchA = IndexMaps.broadcast(Arrays.copyOf(shapeA, shapeA.length - 2), batch);
    int[] batchB = IndexMaps.broadcast(Arrays.copyOf(shapeB, shapeB.length - 2), batch);
    HostBuffer c = allocate(ctx, 0);
    // Output rows are independent: rows of all batches are shared out across cores.
    Parallel.forRange(batchA.length * m, (long) k * n, (from, to) -> {
      for (int row = from; row < to; row++) {
        int p = row / m;
        int i = row % m;
        multiplyRow(a, (batchA[p] * m + i) * k, b, batchB[p] * k * n, c, (p * m + i) * n, k, n);
      }
    });
  }

  /**
   * One row of C: C[offC..offC+n) = A[offA..offA+k) (a row) times B[offB..] (k x n), summing
   * over k in order; float32 accumulates in float32.
   */
  private static void multiplyRow(HostBuffer a, int offA, HostBuffer b, int offB, HostBuffer c,
      int offC, int k, int n) {
    if (c.data instanceof float[] cf) {
      float[] af = (float[]) a.data;
      float[] bf = (float[]) b.data;
      for (int p = 0; p < k; p++) {
        float ap = af[offA + p];
        for (int j = 0; j < n; j++) {
          cf[offC + j] += ap * bf[offB + p * n + j];
        }
      }
    } else if (c.data instanceof double[] cd) {
      double[] ad = (double[]) a.data;
      double[] bd = (double[]) b.data;
      for (int p = 0; p < k; p++) {
        double ap = ad[offA + p];
        for (int j = 0; j < n; j++) {
          cd[offC + j] += ap * bd[offB + p * n + j];
        }
      }
    } else {
      for (int j = 0; j < n; j++) {
        long sum = 0;
        for (int p = 0; p < k; p++) {
          sum += a.getLong(offA + p) * b.getLong(offB + p * n + j);
        }
        c.setLong(offC + j, sum);
      }
    }
  }

  /** The operand with its last two axes swapped back when the op reads it transposed. */
  private static HostBuffer untransposed(HostBuffer x, long[] shape, boolean transposed) {
    if (!transposed) {
      return x;
    }
    long[] perm = new long[shape.length];
    for (int i = 0; i < perm.length; i++) {
      perm[i] = i;
    }
    perm[perm.length - 2] = perm.length - 1;
    perm[perm.length - 1] = perm.length - 2;
    return x.gather(IndexMaps.transpose(shape, perm));
  }
}
