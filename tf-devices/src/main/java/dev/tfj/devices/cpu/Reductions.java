package dev.tfj.devices.cpu;

import static dev.tfj.devices.cpu.Elementwise.allocate;
import static dev.tfj.devices.cpu.Elementwise.input;

import dev.tfj.devices.Kernel;
import dev.tfj.devices.KernelContext;
import dev.tfj.ops.DType;
import dev.tfj.ops.Shapes;
import java.util.function.DoubleBinaryOperator;
import java.util.function.LongBinaryOperator;
import java.util.function.ToLongFunction;

/**
 * Reductions over the axes held by input 1, accumulating in double (floats) or long (integers
 * and bool). Integer results wrap to the dtype before any finishing step, as TensorFlow's
 * kernels, which accumulate in the dtype itself, give.
 */
final class Reductions {
  private Reductions() {}

  /** What is done to each accumulated value: nothing, divide by the count, or a square root. */
  private enum Finish { NONE, MEAN, SQRT }

  static final Kernel SUM = reduction(0, Double::sum, d -> 0, Long::sum, Finish.NONE);
  static final Kernel MEAN = reduction(0, Double::sum, d -> 0, Long::sum, Finish.MEAN);
  /**
   * TensorFlow's Max and Min propagate NaN and, between equal values (0.0 and -0.0), keep the
   * later element.
   */
  static final Kernel MAX = reduction(Double.NEGATIVE_INFINITY,
      (acc, x) -> Double.isNaN(acc) || acc > x ? acc : x, Reductions::lowest, Math::max, Finish.NONE);
  static final Kernel MIN = reduction(Double.POSITIVE_INFINITY,
      (acc, x) -> Double.isNaN(acc) || acc < x ? acc : x, Reductions::highest, Math::min, Finish.NONE);
  static final Kernel PROD = reduction(1, (a, b) -> a * b, d -> 1, (a, b) -> a * b, Finish.NONE);
  static final Kernel ANY = reduction(0, Math::max, d -> 0, (a, b) -> a | b, Finish.NONE);
  static final Kernel ALL = reduction(1, Math::min, d -> 1, (a, b) -> a & b, Finish.NONE);
  static final Kernel EUCLIDEAN_NORM = reduction(0, (acc, x) -> acc + x * x, d -> 0,
      (acc, x) -> acc + x * x, Finish.SQRT);

  /** The smallest value of an integer or bool dtype, the identity of Max. */
  static long lowest(DType dtype) {
    return switch (dtype) {
      case INT32 -> Integer.MIN_VALUE;
      case INT64 -> Long.MIN_VALUE;
      default -> 0;
    };
  }

  /** The largest value of an integer or bool dtype, the identity of Min. */
  static long highest(DType dtype) {
    return switch (dtype) {
      case INT32 -> Integer.MAX_VALUE;
      case INT64 -> Long.MAX_VALUE;
      case UINT8 -> 255;
      default -> 1;
    };
  }

  private static Kernel reduction(double realInit, DoubleBinaryOperator real,
      ToLongFunction<DType> integerInit, LongBinaryOperator integer, Finish finish) {
    return ctx -> reduce(ctx, realInit, real, integerInit, integer, finish);
  }

  private static void reduce(KernelContext ctx, double realInit, DoubleBinaryOperator real,
      ToLongFunction<DType> integerInit, LongBinaryOperator integer, Finish finish) {
    HostBuffer x = input(ctx, 0);
    HostBuffer axes = input(ctx, 1);
    long[] shape = ctx.inputShapes[0];
    boolean[] reduced = new boolean[shape.length];
    for (int i = 0; i < axes.size(); i++) {
      reduced[Shapes.normalizeAxis(axes.getLong(i), shape.length)] = true;
    }
    int[] target = IndexMaps.reduction(shape, reduced);
    HostBuffer out = allocate(ctx, 0);
    int n = out.size();
    long count = n == 0 ? 0 : Shapes.numElements(shape) / n;
    if (x.dtype.is_floating()) {
      double[] acc = new double[n];
      java.util.Arrays.fill(acc, realInit);
      for (int i = 0; i < target.length; i++) {
        acc[target[i]] = real.applyAsDouble(acc[target[i]], x.getDouble(i));
      }
      for (int i = 0; i < n; i++) {
        out.setDouble(i, switch (finish) {
          case NONE -> acc[i];
          case MEAN -> acc[i] / count;
          case SQRT -> Math.sqrt(acc[i]);
        });
      }
    } else {
      long[] acc = new long[n];
      java.util.Arrays.fill(acc, integerInit.applyAsLong(x.dtype));
      for (int i = 0; i < target.length; i++) {
        acc[target[i]] = integer.applyAsLong(acc[target[i]], x.getLong(i));
      }
      for (int i = 0; i < n; i++) {
        out.setLong(i, acc[i]);
        long wrapped = out.getLong(i);
        switch (finish) {
          case NONE -> { }
          case MEAN -> out.setLong(i, count > 0 ? wrapped / count : wrapped);
          case SQRT -> out.setLong(i, (long) Math.sqrt(wrapped));
        }
      }
    }
  }
}
