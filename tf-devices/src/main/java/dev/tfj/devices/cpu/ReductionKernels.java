package dev.tfj.devices.cpu;

import static dev.tfj.devices.cpu.CpuKernels.put;
import static dev.tfj.devices.cpu.Elementwise.allocate;
import static dev.tfj.devices.cpu.Elementwise.input;

import dev.tfj.devices.Kernel;
import dev.tfj.devices.KernelContext;
import dev.tfj.ops.DType;
import dev.tfj.ops.ReductionOps;
import java.util.function.DoubleBinaryOperator;
import java.util.function.LongBinaryOperator;

/** CPU kernels of the reductions, arg-reductions and cumulative scans. */
final class ReductionKernels {
  private ReductionKernels() {}

  static void register(Kernel[] table) {
    put(table, ReductionOps.MAX, Reductions.MAX);
    put(table, ReductionOps.MIN, Reductions.MIN);
    put(table, ReductionOps.PROD, Reductions.PROD);
    put(table, ReductionOps.ANY, Reductions.ANY);
    put(table, ReductionOps.ALL, Reductions.ALL);
    put(table, ReductionOps.EUCLIDEAN_NORM, Reductions.EUCLIDEAN_NORM);
    put(table, ReductionOps.ARG_MAX, ctx -> argExtremum(ctx, true));
    put(table, ReductionOps.ARG_MIN, ctx -> argExtremum(ctx, false));
    put(table, ReductionOps.CUMSUM, ctx -> scan(ctx, 0, Double::sum, Long::sum));
    put(table, ReductionOps.CUMPROD, ctx -> scan(ctx, 1, (a, b) -> a * b, (a, b) -> a * b));
    put(table, ReductionOps.DIV_NO_NAN, Elementwise.binary((a, b) -> b == 0 ? 0 : a / b, null));
  }

  /** The extent of one axis within a row-major shape: the sizes before, along and after it. */
  private record Lines(int outer, int length, int inner) {
    static Lines of(long[] shape, int axis) {
      long outer = 1;
      long inner = 1;
      for (int i = 0; i < shape.length; i++) {
        if (i < axis) {
          outer *= shape[i];
        } else if (i > axis) {
          inner *= shape[i];
        }
      }
      return new Lines((int) outer, (int) shape[axis], (int) inner);
    }
  }

  private static int axis(KernelContext ctx) {
    long axis = input(ctx, 1).getLong(0);
    return (int) (axis < 0 ? axis + ctx.inputShapes[0].length : axis);
  }

  /**
   * ArgMax/ArgMin as Eigen's tuple reducers compute them: start from index 0 holding the dtype's
   * lowest (highest) finite value and move only to a strictly greater (smaller) element. So ties
   * keep the first index, NaN never wins, and a line of -inf or NaN gives 0.
   */
  private static void argExtremum(KernelContext ctx, boolean max) {
    HostBuffer x = input(ctx, 0);
    HostBuffer out = allocate(ctx, 0);
    Lines lines = Lines.of(ctx.inputShapes[0], axis(ctx));
    boolean floating = x.dtype.is_floating();
    double realStart = x.dtype == DType.FLOAT32 ? Float.MAX_VALUE : Double.MAX_VALUE;
    long integerStart = max ? Reductions.lowest(x.dtype) : Reductions.highest(x.dtype);
    for (int o = 0; o < lines.outer; o++) {
      for (int i = 0; i < lines.inner; i++) {
        int base = o * lines.length * lines.inner + i;
        int best = 0;
        double bestReal = max ? -realStart : realStart;
        long bestInteger = integerStart;
        for (int j = 0; j < lines.length; j++) {
          int at = base + j * lines.inner;
          if (floating) {
            double v = x.getDouble(at);
            if (max ? v > bestReal : v < bestReal) {
              best = j;
              bestReal = v;
            }
          } else {
            long v = x.getLong(at);
            if (max ? v > bestInteger : v < bestInteger) {
              best = j;
              bestInteger = v;
            }
          }
        }
        out.setLong(o * lines.inner + i, best);
      }
    }
  }

  /**
   * Cumsum/Cumprod along the axis, running forward or in reverse, inclusive or exclusive. The
   * running value is rounded to the dtype at each step, as TensorFlow's sequential scan gives.
   */
  private static void scan(KernelContext ctx, long identity, DoubleBinaryOperator real,
      LongBinaryOperator integer) {
    HostBuffer x = input(ctx, 0);
    HostBuffer out = allocate(ctx, 0);
    boolean exclusive = ctx.attrs.bool("exclusive");
    boolean reverse = ctx.attrs.bool("reverse");
    Lines lines = Lines.of(ctx.inputShapes[0], axis(ctx));
    boolean floating = x.dtype.is_floating();
    for (int o = 0; o < lines.outer; o++) {
      for (int i = 0; i < lines.inner; i++) {
        int base = o * lines.length * lines.inner + i;
        double realAcc = identity;
        long integerAcc = identity;
        for (int step = 0; step < lines.length; step++) {
          int j = reverse ? lines.length - 1 - step : step;
          int at = base + j * lines.inner;
          if (floating) {
            double before = realAcc;
            realAcc = rounded(x.dtype, real.applyAsDouble(realAcc, x.getDouble(at)));
            out.setDouble(at, exclusive ? before : realAcc);
          } else {
            long before = integerAcc;
            integerAcc = integer.applyAsLong(integerAcc, x.getLong(at));
            out.setLong(at, exclusive ? before : integerAcc);
          }
        }
      }
    }
  }

  private static double rounded(DType dtype, double v) {
    return dtype == DType.FLOAT32 ? (float) v : v;
  }
}
