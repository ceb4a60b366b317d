package dev.tfj.devices.cpu;

import static dev.tfj.devices.cpu.CpuKernels.put;
import static dev.tfj.devices.cpu.Elementwise.allocate;

import dev.tfj.devices.Kernel;
import dev.tfj.devices.KernelContext;
import dev.tfj.ops.JoinOps;
import dev.tfj.ops.Shapes;

/**
 * Concat, stack and their inverses. Seen as rows (the dimensions before the axis), each part
 * owns a contiguous run of every row of the whole, so joining and splitting are block copies.
 */
final class JoinKernels {
  private JoinKernels() {}

  static void register(Kernel[] table) {
    put(table, JoinOps.CONCAT, ctx -> join(ctx, ctx.inputs.length - 1,
        axis(ctx, ctx.inputs.length - 1, ctx.outputShapes[0].length)));
    put(table, JoinOps.PACK, ctx -> join(ctx, ctx.inputs.length, (int) attrAxis(ctx,
        ctx.outputShapes[0].length)));
    put(table, JoinOps.UNPACK, ctx -> split(ctx, 0, (int) attrAxis(ctx, ctx.inputShapes[0].length)));
    put(table, JoinOps.SPLIT, ctx -> split(ctx, 1, axis(ctx, 0, ctx.inputShapes[1].length)));
    put(table, JoinOps.SPLIT_V, ctx -> split(ctx, 0, axis(ctx, 2, ctx.inputShapes[0].length)));
  }

  private static int axis(KernelContext ctx, int input, int rank) {
    return Shapes.normalizeAxis(Elementwise.input(ctx, input).getLong(0), rank);
  }

  private static long attrAxis(KernelContext ctx, int rank) {
    return Shapes.normalizeAxis(ctx.attrs.integer("axis"), rank);
  }

  /** Output 0 from the first {@code parts} inputs, joined along {@code axis} of the output. */
  private static void join(KernelContext ctx, int parts, int axis) {
    HostBuffer whole = allocate(ctx, 0);
    long rows = Shapes.numElements(java.util.Arrays.copyOf(ctx.outputShapes[0], axis));
    int[] runs = new int[parts];
    for (int k = 0; k < parts; k++) {
      runs[k] = (int) (Shapes.numElements(ctx.inputShapes[k]) / Math.max(rows, 1));
    }
    int at = 0;
    for (int r = 0; r < rows; r++) {
      for (int k = 0; k < parts; k++) {
        System.arraycopy(Elementwise.input(ctx, k).data, r * runs[k], whole.data, at, runs[k]);
        at += runs[k];
      }
    }
  }

  /** Every output from input {@code source}, split along {@code axis} of that input. */
  private static void split(KernelContext ctx, int source, int axis) {
    HostBuffer whole = Elementwise.input(ctx, source);
    long rows = Shapes.numElements(java.util.Arrays.copyOf(ctx.inputShapes[source], axis));
    int parts = ctx.outputs.length;
    HostBuffer[] out = new HostBuffer[parts];
    int[] runs = new int[parts];
    for (int k = 0; k < parts; k++) {
      out[k] = allocate(ctx, k);
      runs[k] = (int) (out[k].size() / Math.max(rows, 1));
    }
    int at = 0;
    for (int r = 0; r < rows; r++) {
      for (int k = 0; k < parts; k++) {
        System.arraycopy(whole.data, at, out[k].data, r * runs[k], runs[k]);
        at += runs[k];
      }
    }
  }
}
