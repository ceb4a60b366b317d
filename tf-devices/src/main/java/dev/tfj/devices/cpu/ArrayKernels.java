package dev.tfj.devices.cpu;

import static dev.tfj.devices.cpu.CpuKernels.put;
import static dev.tfj.devices.cpu.Elementwise.allocate;
import static dev.tfj.devices.cpu.Elementwise.input;

import dev.tfj.devices.Kernel;
import dev.tfj.devices.KernelContext;
import dev.tfj.ops.ArrayOps;

/** Kernels that make or move data without arithmetic. */
final class ArrayKernels {
  private ArrayKernels() {}

  static void register(Kernel[] table) {
    put(table, ArrayOps.IDENTITY, ArrayKernels.FORWARD);
    put(table, ArrayOps.STOP_GRADIENT, ArrayKernels.FORWARD);
    put(table, ArrayOps.RESHAPE, ArrayKernels.FORWARD);
    put(table, ArrayOps.SQUEEZE, ArrayKernels.FORWARD);
    put(table, ArrayOps.EXPAND_DIMS, ArrayKernels.FORWARD);
    put(table, ArrayOps.TRANSPOSE, ArrayKernels.TRANSPOSE);
    put(table, ArrayOps.BROADCAST_TO, ArrayKernels.BROADCAST_TO);
    put(table, ArrayOps.FILL, ArrayKernels.FILL);
    put(table, ArrayOps.ZEROS_LIKE, ArrayKernels.ZEROS_LIKE);
    put(table, ArrayOps.ONES_LIKE, ArrayKernels.ONES_LIKE);
    put(table, ArrayOps.RANGE, ArrayKernels.RANGE);
    put(table, ArrayOps.SELECT_V2, Elementwise.SELECT);
    put(table, ArrayOps.SHAPE, ctx -> {
      HostBuffer out = allocate(ctx, 0);
      for (int i = 0; i < out.size(); i++) {
        out.setLong(i, ctx.inputShapes[0][i]);
      }
    });
    put(table, ArrayOps.SIZE, ctx ->
        allocate(ctx, 0).setLong(0, dev.tfj.ops.Shapes.numElements(ctx.inputShapes[0])));
    put(table, ArrayOps.RANK, ctx -> allocate(ctx, 0).setLong(0, ctx.inputShapes[0].length));
  }

  /** Identity, Reshape, Squeeze, ...: same elements, so the immutable buffer is shared. */
  static final Kernel FORWARD = ctx -> ctx.outputs[0] = ctx.inputs[0];

  static final Kernel TRANSPOSE = ctx -> {
    HostBuffer perm = input(ctx, 1);
    long[] p = new long[perm.size()];
    for (int i = 0; i < p.length; i++) {
      p[i] = perm.getLong(i);
    }
    ctx.outputs[0] = input(ctx, 0).gather(IndexMaps.transpose(ctx.inputShapes[0], p));
  };

  static final Kernel BROADCAST_TO = ctx ->
      ctx.outputs[0] = input(ctx, 0).gather(IndexMaps.broadcast(ctx.inputShapes[0], ctx.outputShapes[0]));

  /** Fill(dims, value). */
  static final Kernel FILL = ctx -> fill(ctx, input(ctx, 1));

  static final Kernel ZEROS_LIKE = ctx -> allocate(ctx, 0);

  static final Kernel ONES_LIKE = ctx -> {
    HostBuffer out = allocate(ctx, 0);
    for (int i = 0; i < out.size(); i++) {
      out.setLong(i, 1);
    }
  };

  /** Allocates output 0 and sets every element to {@code value}'s first. */
  static HostBuffer fill(KernelContext ctx, HostBuffer value) {
    HostBuffer out = allocate(ctx, 0);
    for (int i = 0; i < out.size(); i++) {
      if (out.dtype.is_floating()) {
        out.setDouble(i, value.getDouble(0));
      } else {
        out.setLong(i, value.getLong(0));
      }
    }
    return out;
  }

  /** Range: element i is {@code start + i * delta}, rounded in the dtype, as TensorFlow's kernel computes it. */
  static final Kernel RANGE = ctx -> {
    HostBuffer out = allocate(ctx, 0);
    HostBuffer start = input(ctx, 0);
    HostBuffer delta = input(ctx, 2);
    if (out.data instanceof float[] f) {
      float s = (float) start.getDouble(0);
      float d = (float) delta.getDouble(0);
      for (int i = 0; i < f.length; i++) {
        f[i] = s + (float) i * d;
      }
    } else if (out.dtype.is_floating()) {
      for (int i = 0; i < out.size(); i++) {
        out.setDouble(i, start.getDouble(0) + i * delta.getDouble(0));
      }
    } else {
      for (int i = 0; i < out.size(); i++) {
        out.setLong(i, start.getLong(0) + i * delta.getLong(0));
      }
    }
  };
}
