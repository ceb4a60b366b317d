package dev.tfj.devices.cpu;

import dev.tfj.devices.Kernel;
import dev.tfj.devices.KernelContext;
import java.util.Arrays;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import java.util.function.LongBinaryOperator;
import java.util.function.LongUnaryOperator;

/**
 * Kernels for elementwise ops, built from a scalar function: one for floating dtypes (computed
 * in double and rounded to the output dtype once) and one for integer dtypes (computed in long).
 * Broadcasting reads inputs through index maps; equal shapes take a direct loop.
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

  static Kernel unary(DoubleUnaryOperator real, LongUnaryOperator integer) {
    return ctx -> {
      HostBuffer x = input(ctx, 0);
      HostBuffer out = allocate(ctx, 0);
      int n = out.size();
      if (x.data instanceof float[] a) {
        float[] o = (float[]) out.data;
        for (int i = 0; i < n; i++) {
          o[i] = (float) real.applyAsDouble(a[i]);
        }
      } else if (x.dtype.is_floating()) {
        for (int i = 0; i < n; i++) {
          out.setDouble(i, real.applyAsDouble(x.getDouble(i)));
        }
      } else {
        for (int i = 0; i < n; i++) {
          out.setLong(i, integer.applyAsLong(x.getLong(i)));
        }
      }
    };
  }

  static Kernel binary(DoubleBinaryOperator real, LongBinaryOperator integer) {
    return ctx -> {
      HostBuffer a = input(ctx, 0);
      HostBuffer b = input(ctx, 1);
      HostBuffer out = allocate(ctx, 0);
      int[] ma = readMap(ctx, 0);
      int[] mb = readMap(ctx, 1);
      int n = out.size();
      if (a.data instanceof float[] fa && ma == null && mb == null) {
        float[] fb = (float[]) b.data;
        float[] o = (float[]) out.data;
        for (int i = 0; i < n; i++) {
          o[i] = (float) real.applyAsDouble(fa[i], fb[i]);
        }
      } else if (a.dtype.is_floating()) {
        for (int i = 0; i < n; i++) {
          out.setDouble(i, real.applyAsDouble(a.getDouble(at(ma, i)), b.getDouble(at(mb, i))));
        }
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

  /** Cast: floating to integer truncates toward zero; anything to bool tests for nonzero. */
  static final Kernel CAST = ctx -> {
    HostBuffer x = input(ctx, 0);
    HostBuffer out = allocate(ctx, 0);
    for (int i = 0; i < out.size(); i++) {
      if (out.dtype.is_floating() || out.dtype.is_bool()) {
        out.setDouble(i, x.dtype.is_floating() ? x.getDouble(i) : x.getLong(i));
      } else {
        out.setLong(i, x.dtype.is_floating() ? (long) x.getDouble(i) : x.getLong(i));
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
