package dev.tfj.devices.cpu;

import static dev.tfj.devices.cpu.Elementwise.allocate;
import static dev.tfj.devices.cpu.Elementwise.input;

import dev.tfj.devices.Kernel;
import dev.tfj.ops.Shapes;

/** Sum and Mean over the axes held by input 1, accumulating in double (floats) or long (ints). */
final class Reductions {
  private Reductions() {}

  static final Kernel SUM = ctx -> reduce(ctx, false);
  static final Kernel MEAN = ctx -> reduce(ctx, true);

  private static void reduce(dev.tfj.devices.KernelContext ctx, boolean mean) {
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
      for (int i = 0; i < target.length; i++) {
        acc[target[i]] += x.getDouble(i);
      }
      for (int i = 0; i < n; i++) {
        out.setDouble(i, mean ? acc[i] / count : acc[i]);
      }
    } else {
      long[] acc = new long[n];
      for (int i = 0; i < target.length; i++) {
        acc[target[i]] += x.getLong(i);
      }
      for (int i = 0; i < n; i++) {
        out.setLong(i, mean && count > 0 ? acc[i] / count : acc[i]);
      }
    }
  }
}
