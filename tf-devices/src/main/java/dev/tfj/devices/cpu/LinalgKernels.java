package dev.tfj.devices.cpu;

import static dev.tfj.devices.cpu.CpuKernels.put;
import static dev.tfj.devices.cpu.Elementwise.allocate;
import static dev.tfj.devices.cpu.Elementwise.input;

import dev.tfj.devices.Kernel;
import dev.tfj.devices.KernelContext;
import dev.tfj.ops.DType;
import dev.tfj.ops.Diagonals;
import dev.tfj.ops.LinalgOps;

/**
 * CPU kernels of the linear algebra ops. The diagonal kernels follow TensorFlow's: diagonal
 * {@code d} of the band is row {@code upper - d} of the packed diagonals, and its elements
 * start at the alignment's content offset, the rest of the row being padding.
 */
final class LinalgKernels {
  private LinalgKernels() {}

  static void register(Kernel[] table) {
    put(table, LinalgOps.BATCH_MAT_MUL_V2, MatMul.BATCHED);
    put(table, LinalgOps.MATRIX_DIAG_PART_V3, LinalgKernels::diagPart);
    put(table, LinalgOps.MATRIX_DIAG_V3, LinalgKernels::diag);
    put(table, LinalgOps.MATRIX_SET_DIAG_V3, LinalgKernels::setDiag);
    // TensorFlow's CPU Einsum kernels, in its order: none for uint8 or bool.
    put(table, LinalgOps.EINSUM, Kernel.restrictedTo(Einsum::compute, DType.INT64, DType.INT32,
        DType.FLOAT32, DType.FLOAT64));
  }

  /** The rows, columns and batch count of the matrices of a shape. */
  private record Matrices(int batches, int rows, int cols) {
    static Matrices of(long[] shape) {
      int rows = (int) shape[shape.length - 2];
      int cols = (int) shape[shape.length - 1];
      long size = dev.tfj.ops.Shapes.numElements(shape);
      return new Matrices(rows * cols == 0 ? 0 : (int) (size / ((long) rows * cols)), rows, cols);
    }
  }

  private static int[] band(HostBuffer k) {
    return new int[] {(int) k.getLong(0), (int) k.getLong(k.size() - 1)};
  }

  private static String align(KernelContext ctx) {
    return (String) ctx.attrs.get("align");
  }

  private static void diagPart(KernelContext ctx) {
    HostBuffer x = input(ctx, 0);
    int[] band = band(input(ctx, 1));
    HostBuffer padding = input(ctx, 2);
    Matrices m = Matrices.of(ctx.inputShapes[0]);
    HostBuffer out = allocate(ctx, 0);
    int maxLength = (int) Diagonals.maxLength(band, m.rows, m.cols);
    int o = 0;
    for (int b = 0; b < m.batches; b++) {
      for (int d = band[1]; d >= band[0]; d--, o += maxLength) {
        int length = (int) Diagonals.length(d, m.rows, m.cols);
        int offset = (int) Diagonals.contentOffset(d, maxLength, m.rows, m.cols, align(ctx));
        for (int n = 0; n < maxLength; n++) {
          int along = n - offset;
          if (along >= 0 && along < length) {
            int row = along + Math.max(0, -d);
            int col = along + Math.max(0, d);
            copy(x, (b * m.rows + row) * m.cols + col, out, o + n);
          } else {
            copy(padding, 0, out, o + n);
          }
        }
      }
    }
  }

  private static void diag(KernelContext ctx) {
    HostBuffer diagonals = input(ctx, 0);
    int[] band = band(input(ctx, 1));
    HostBuffer padding = input(ctx, 4);
    long[] diagShape = ctx.inputShapes[0];
    int maxLength = (int) diagShape[diagShape.length - 1];
    int count = band[1] - band[0] + 1;
    Matrices m = Matrices.of(ctx.outputShapes[0]);
    HostBuffer out = allocate(ctx, 0);
    for (int b = 0; b < m.batches; b++) {
      for (int i = 0; i < m.rows; i++) {
        for (int j = 0; j < m.cols; j++) {
          int d = j - i;
          int at = (b * m.rows + i) * m.cols + j;
          if (band[0] <= d && d <= band[1]) {
            int offset = (int) Diagonals.contentOffset(d, maxLength, m.rows, m.cols, align(ctx));
            int along = j - Math.max(d, 0) + offset;
            copy(diagonals, (b * count + band[1] - d) * maxLength + along, out, at);
          } else {
            copy(padding, 0, out, at);
          }
        }
      }
    }
  }

  private static void setDiag(KernelContext ctx) {
    HostBuffer x = input(ctx, 0);
    HostBuffer diagonals = input(ctx, 1);
    int[] band = band(input(ctx, 2));
    Matrices m = Matrices.of(ctx.inputShapes[0]);
    Object data = java.lang.reflect.Array.newInstance(x.data.getClass().getComponentType(), x.size());
    System.arraycopy(x.data, 0, data, 0, x.size());
    HostBuffer out = new HostBuffer(x.dtype, data);
    ctx.outputs[0] = out;
    int maxLength = (int) Diagonals.maxLength(band, m.rows, m.cols);
    int row = 0;
    for (int b = 0; b < m.batches; b++) {
      for (int d = band[1]; d >= band[0]; d--, row += maxLength) {
        int length = (int) Diagonals.length(d, m.rows, m.cols);
        int offset = (int) Diagonals.contentOffset(d, maxLength, m.rows, m.cols, align(ctx));
        for (int n = 0; n < length; n++) {
          int i = n + Math.max(0, -d);
          int j = n + Math.max(0, d);
          copy(diagonals, row + n + offset, out, (b * m.rows + i) * m.cols + j);
        }
      }
    }
  }

  /** One element from buffer to buffer of the same dtype, exactly. */
  static void copy(HostBuffer from, int i, HostBuffer to, int j) {
    if (to.dtype.is_floating()) {
      to.setDouble(j, from.getDouble(i));
    } else {
      to.setLong(j, from.getLong(i));
    }
  }
}
