package dev.tfj.devices.cpu;

import static dev.tfj.devices.cpu.Elementwise.allocate;
import static dev.tfj.devices.cpu.Elementwise.input;

import dev.tfj.devices.Kernel;
import dev.tfj.devices.KernelContext;

/**
 * MatMul of row-major matrices. Transposed operands are first laid out untransposed, so the
 * inner loop always walks both B and C contiguously (i-k-j order).
 */
final class MatMul {
  private MatMul() {}

  static final Kernel KERNEL = MatMul::compute;

  private static void compute(KernelContext ctx) {
    boolean ta = ctx.attrs.bool("transpose_a");
    boolean tb = ctx.attrs.bool("transpose_b");
    HostBuffer a = untransposed(input(ctx, 0), ctx.inputShapes[0], ta);
    HostBuffer b = untransposed(input(ctx, 1), ctx.inputShapes[1], tb);
    int m = (int) ctx.outputShapes[0][0];
    int n = (int) ctx.outputShapes[0][1];
    int k = (int) (ta ? ctx.inputShapes[0][0] : ctx.inputShapes[0][1]);
    HostBuffer c = allocate(ctx, 0);
    if (c.data instanceof float[] cf) {
      float[] af = (float[]) a.data;
      float[] bf = (float[]) b.data;
      for (int i = 0; i < m; i++) {
        for (int p = 0; p < k; p++) {
          float aip = af[i * k + p];
          for (int j = 0; j < n; j++) {
            cf[i * n + j] += aip * bf[p * n + j];
          }
        }
      }
    } else if (c.data instanceof double[] cd) {
      double[] ad = (double[]) a.data;
      double[] bd = (double[]) b.data;
      for (int i = 0; i < m; i++) {
        for (int p = 0; p < k; p++) {
          double aip = ad[i * k + p];
          for (int j = 0; j < n; j++) {
            cd[i * n + j] += aip * bd[p * n + j];
          }
        }
      }
    } else {
      for (int i = 0; i < m; i++) {
        for (int j = 0; j < n; j++) {
          long sum = 0;
          for (int p = 0; p < k; p++) {
            sum += a.getLong(i * k + p) * b.getLong(p * n + j);
          }
          c.setLong(i * n + j, sum);
        }
      }
    }
  }

  private static HostBuffer untransposed(HostBuffer x, long[] shape, boolean transposed) {
    return transposed ? x.gather(IndexMaps.transpose(shape, new long[] {1, 0})) : x;
  }
}
