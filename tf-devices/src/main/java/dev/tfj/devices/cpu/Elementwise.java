package dev.tfj.devices.cpu;

import dev.tfj.devices.Kernel;
import dev.tfj.devices.KernelContext;
import dev.tfj.ops.DType;
import java.util.Arrays;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import java.util.function.LongBinaryOperator;
import java.util.function.LongUnaryOperator;

/**
 * Kernels for elementwise ops, built from a scalar function: one for floating dtypes (computed
 * in double and rounded to the output dtype once) and one for integer dtypes (computed in long).
 * Broadcasting reads inputs through index maps; equal shapes take a direct loop. Large floating
 * tensors are shared out across cores, each element computed as it would be alone.
 */
final class Elementwise {
  private Elementwise() {}

  interface DoubleTest {
    boolean test(double a, double b);
  }

  interface LongTest {
    boolean test(long a, long b);
  }

  static HostBuffer input(KernelContext ctx, int i) {
    return (HostBuffer) ctx.inputs[i];
  }

  static HostBuffer allocate(KernelContext ctx, int i) {
    HostBuffer out = HostBuffer.allocate(ctx.outputTypes[i],
        dev.tfj.ops.Shapes.numElements(ctx.outputShapes[i]));
    ctx.outputs[i] = out;
    return out;
  }

  /** The index map reading input {@code i} at each output element, or null when shapes match. */
  static int[] readMap(KernelContext ctx, int i) {
    long[] in = ctx.inputShapes[i];
    long[] out = ctx.outputShapes[0];
    return Arrays.equals(in, out) ? null : IndexMaps.broadcast(in, out);
  }

  static int at(int[] map, int i) {
    return map == null ? i : map[i];
  }

  /** A scalar function in float arithmetic. */
  interface FloatUnary {
    float apply(float x);
  }

  /** A scalar function of two floats in float arithmetic. */
  interface FloatBinary {
    float apply(float a, float b);
  }

  static Kernel unary(DoubleUnaryOperator real, LongUnaryOperator integer) {
    return unary(x -> (float) real.applyAsDouble(x), real, integer);
  }

  /**
   * With a float32 function of its own, for ops whose TensorFlow kernel rounds intermediate
   * results to float (exp(x) - 1 in Elu, say), where computing in double would disagree.
   */
  static Kernel unary(FloatUnary float32, DoubleUnaryOperator float64, LongUnaryOperator integer) {
    return ctx -> {
      HostBuffer x = input(ctx, 0);
      HostBuffer out = allocate(ctx, 0);
      int n = out.size();
      if (x.data instanceof float[] a) {
        float[] o = (float[]) out.data;
        Parallel.forRange(n, 1, (from, to) -> {
          for (int i = from; i < to; i++) {
            o[i] = float32.apply(a[i]);
          }
        });
      } else if (x.data instanceof double[] a) {
        double[] o = (double[]) out.data;
        Parallel.forRange(n, 1, (from, to) -> {
          for (int i = from; i < to; i++) {
            o[i] = float64.applyAsDouble(a[i]);
          }
        });
      } else {
        for (int i = 0; i < n; i++) {
          out.setLong(i, integer.applyAsLong(x.getLong(i)));
        }
      }
    };
  }

  /** A bool output testing each element of a floating input (IsNan, IsFinite). */
  static Kernel test(java.util.function.DoublePredicate test) {
    return ctx -> {
      HostBuffer x = input(ctx, 0);
      boolean[] o = (boolean[]) allocate(ctx, 0).data;
      for (int i = 0; i < o.length; i++) {
        o[i] = test.test(x.getDouble(i));
      }
    };
  }

  static Kernel binary(DoubleBinaryOperator real, LongBinaryOperator integer) {
    return binary((a, b) -> (float) real.applyAsDouble(a, b), real, integer);
  }

  /** With a float32 function of its own, as for {@link #unary(FloatUnary, DoubleUnaryOperator, LongUnaryOperator)}. */
  static Kernel binary(FloatBinary float32, DoubleBinaryOperator float64, LongBinaryOperator integer) {
    return ctx -> {
      HostBuffer a = input(ctx, 0);
      HostBuffer b = input(ctx, 1);
      HostBuffer out = allocate(ctx, 0);
      int[] ma = readMap(ctx, 0);
      int[] mb = readMap(ctx, 1);
      int n = out.size();
      if (a.data instanceof float[] fa) {
        float[] fb = (float[]) b.data;
        float[] o = (float[]) out.data;
        Parallel.forRange(n, 1, (from, to) -> {
          for (int i = from; i < to; i++) {
            o[i] = float32.apply(fa[at(ma, i)], fb[at(mb, i)]);
          }
        });
      } else if (a.data instanceof double[] da) {
        double[] db = (double[]) b.data;
        double[] o = (double[]) out.data;
        Parallel.forRange(n, 1, (from, to) -> {
          for (int i = from; i < to; i++) {
            o[i] = float64.applyAsDouble(da[at(ma, i)], db[at(mb, i)]);
          }
        });
      } else {
        for (int i = 0; i < n; i++) {
          out.setLong(i, integer.applyAsLong(a.getLong(at(ma, i)), b.getLong(at(mb, i))));
        }
      }
    };
  }

  static Kernel compare(DoubleTest real, LongTest integer) {
    return ctx -> {
      HostBuffer a = input(ctx, 0);
      HostBuffer b = input(ctx, 1);
      boolean[] o = (boolean[]) allocate(ctx, 0).data;
      int[] ma = readMap(ctx, 0);
      int[] mb = readMap(ctx, 1);
      boolean floating = a.dtype.is_floating();
      for (int i = 0; i < o.length; i++) {
        o[i] = floating ? real.test(a.getDouble(at(ma, i)), b.getDouble(at(mb, i)))
            : integer.test(a.getLong(at(ma, i)), b.getLong(at(mb, i)));
      }
    };
  }

  /** SelectV2(condition, x, y), all three broadcast to the output. */
  static final Kernel SELECT = ctx -> {
    HostBuffer c = input(ctx, 0);
    HostBuffer x = input(ctx, 1);
    HostBuffer y = input(ctx, 2);
    HostBuffer out = allocate(ctx, 0);
    int[] mc = readMap(ctx, 0);
    int[] mx = readMap(ctx, 1);
    int[] my = readMap(ctx, 2);
    boolean floating = out.dtype.is_floating();
    for (int i = 0; i < out.size(); i++) {
      boolean pick = c.getBool(at(mc, i));
      if (floating) {
        out.setDouble(i, pick ? x.getDouble(at(mx, i)) : y.getDouble(at(my, i)));
      } else {
        out.setLong(i, pick ? x.getLong(at(mx, i)) : y.getLong(at(my, i)));
      }
    }
  };

  /**
   * Cast as TensorFlow's CPU kernel does it: integers wrap to narrower integers and round to the
   * nearest float; floats truncate toward zero to integers (see {@link #truncate}); anything to
   * bool tests for nonzero (NaN is true).
   */
  static final Kernel CAST = ctx -> {
    HostBuffer x = input(ctx, 0);
    HostBuffer out = allocate(ctx, 0);
    DType to = out.dtype;
    boolean fromFloating = x.dtype.is_floating();
    for (int i = 0; i < out.size(); i++) {
      if (!fromFloating) {
        long v = x.getLong(i);
        if (to.is_floating()) {
          out.setDouble(i, to == DType.FLOAT32 ? (float) v : (double) v);
        } else {
          out.setLong(i, v);
        }
      } else if (to.is_floating() || to.is_bool()) {
        out.setDouble(i, x.getDouble(i));
      } else {
        out.setLong(i, truncate(x.getDouble(i), x.dtype, to));
      }
    }
  };

  /**
   * A float to an integer dtype as x86 converts it: toward zero, with NaN and values out of
   * range giving the most negative integer. To uint8, as TensorFlow's vectorized kernel does for
   * all but a tensor's last few elements (its scalar tail keeps the low byte instead), the value
   * goes through int32 (from float32) or int16 (from float64) that way, then saturates to [0, 255].
   */
  static long truncate(double v, DType from, DType to) {
    if (to == DType.INT64) {
      return v >= -0x1p63 && v < 0x1p63 ? (long) v : Long.MIN_VALUE;
    }
    if (to == DType.INT32) {
      return v > -0x1p31 - 1 && v < 0x1p31 ? (long) v : Integer.MIN_VALUE;
    }
    double bound = from == DType.FLOAT64 ? 0x1p15 : 0x1p31;
    long through = v > -bound - 1 && v < bound ? (long) v : 0;
    return Math.min(Math.max(through, 0), 255);
  }

  /** Where(input): the coordinates, row-major, of every nonzero element (NaN counts). */
  static final Kernel WHERE = ctx -> {
    HostBuffer x = input(ctx, 0);
    long[] shape = ctx.inputShapes[0];
    long[] o = (long[]) allocate(ctx, 0).data;
    long[] strides = dev.tfj.ops.Shapes.strides(shape);
    int row = 0;
    for (int i = 0; i < x.size(); i++) {
      if (x.getDouble(i) != 0) {
        long rest = i;
        for (int d = 0; d < shape.length; d++) {
          o[row++] = rest / strides[d];
          rest %= strides[d];
        }
      }
    }
  };

  /** AddN sums left to right, rounding to the dtype after each addition as TensorFlow's kernel does. */
  static final Kernel ADD_N = ctx -> {
    HostBuffer out = allocate(ctx, 0);
    boolean floating = out.dtype.is_floating();
    for (int i = 0; i < out.size(); i++) {
      HostBuffer first = input(ctx, 0);
      if (floating) {
        out.setDouble(i, first.getDouble(i));
        for (int k = 1; k < ctx.inputs.length; k++) {
          out.setDouble(i, out.getDouble(i) + input(ctx, k).getDouble(i));
        }
      } else {
        long sum = first.getLong(i);
        for (int k = 1; k < ctx.inputs.length; k++) {
          sum += input(ctx, k).getLong(i);
        }
        out.setLong(i, sum);
      }
    }
  };
}
