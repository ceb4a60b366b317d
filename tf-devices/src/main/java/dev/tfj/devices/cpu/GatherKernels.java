package dev.tfj.devices.cpu;

import static dev.tfj.devices.cpu.CpuKernels.put;
import static dev.tfj.devices.cpu.Elementwise.allocate;
import static dev.tfj.devices.cpu.Elementwise.input;
import static dev.tfj.devices.cpu.SliceKernels.longs;

import dev.tfj.devices.Kernel;
import dev.tfj.ops.GatherGeometry;
import dev.tfj.ops.GatherOps;
import dev.tfj.ops.Shapes;

/**
 * Gathers and scatters. Indices were checked by the ops' shape rules, so kernels only move
 * data: whole runs of trailing elements at a time.
 */
final class GatherKernels {
  private GatherKernels() {}

  static void register(Kernel[] table) {
    put(table, GatherOps.GATHER, GATHER);
    put(table, GatherOps.GATHER_ND, GATHER_ND);
    put(table, GatherOps.SCATTER_ND, SCATTER_ND);
    put(table, GatherOps.ONE_HOT, ONE_HOT);
  }

  /** out[b, o, n, :] = params[b, o, indices[b, n], :]. */
  static final Kernel GATHER = ctx -> {
    GatherGeometry g = GatherGeometry.of(ctx.inputShapes[0], ctx.inputShapes[1],
        input(ctx, 2).getLong(0), ctx.attrs.integer("batch_dims"));
    HostBuffer params = input(ctx, 0);
    long[] indices = longs(ctx, 1);
    HostBuffer out = allocate(ctx, 0);
    int inner = (int) g.inner;
    int at = 0;
    for (long b = 0; b < g.batch; b++) {
      for (long o = 0; o < g.outer; o++) {
        long rowBase = (b * g.outer + o) * g.gatherSize;
        for (long n = 0; n < g.count; n++, at += inner) {
          long row = rowBase + indices[(int) (b * g.count + n)];
          System.arraycopy(params.data, (int) (row * inner), out.data, at, inner);
        }
      }
    }
  };

  /** out[n, :] = params[indices[n, 0], ..., indices[n, k-1], :]. */
  static final Kernel GATHER_ND = ctx -> {
    HostBuffer params = input(ctx, 0);
    HostBuffer out = allocate(ctx, 0);
    int[] offsets = sliceOffsets(ctx.inputShapes[1], longs(ctx, 1), ctx.inputShapes[0]);
    int run = offsets.length == 0 ? 0 : out.size() / offsets.length;
    for (int n = 0; n < offsets.length; n++) {
      System.arraycopy(params.data, offsets[n], out.data, n * run, run);
    }
  };

  /** Zeros of the given shape, each update added at its index (so repeats sum). */
  static final Kernel SCATTER_ND = ctx -> {
    HostBuffer updates = input(ctx, 1);
    HostBuffer out = allocate(ctx, 0);
    int[] offsets = sliceOffsets(ctx.inputShapes[0], longs(ctx, 0), ctx.outputShapes[0]);
    int run = offsets.length == 0 ? 0 : updates.size() / offsets.length;
    for (int n = 0; n < offsets.length; n++) {
      for (int i = 0; i < run; i++) {
        add(out, offsets[n] + i, updates, n * run + i);
      }
    }
  };

  /** out[..., v, ...] = on where indices[...] == v, else off (so out-of-range indices give off). */
  static final Kernel ONE_HOT = ctx -> {
    long[] indices = longs(ctx, 0);
    long[] outShape = ctx.outputShapes[0];
    int axis = (int) ctx.attrs.integer("axis");
    axis = axis == -1 ? outShape.length - 1 : axis;
    HostBuffer out = ArrayKernels.fill(ctx, input(ctx, 3));
    HostBuffer on = input(ctx, 2);
    long depth = outShape[axis];
    long suffix = Shapes.numElements(java.util.Arrays.copyOfRange(outShape, axis + 1,
        outShape.length));
    for (int i = 0; i < indices.length; i++) {
      long v = indices[i];
      if (v >= 0 && v < depth) {
        long prefix = i / suffix;
        System.arraycopy(on.data, 0, out.data, (int) ((prefix * depth + v) * suffix + i % suffix), 1);
      }
    }
  };

  /** The flat offset of each index tuple (the last dimension of {@code indexShape}) in {@code shape}. */
  private static int[] sliceOffsets(long[] indexShape, long[] flat, long[] shape) {
    int depth = (int) indexShape[indexShape.length - 1];
    int count = (int) Shapes.numElements(java.util.Arrays.copyOf(indexShape, indexShape.length - 1));
    long[] strides = Shapes.strides(shape);
    int[] offsets = new int[count];
    for (int n = 0; n < count; n++) {
      long at = 0;
      for (int k = 0; k < depth; k++) {
        at += flat[n * depth + k] * strides[k];
      }
      offsets[n] = (int) at;
    }
    return offsets;
  }

  /** dst[i] += src[j] in the dtype's arithmetic (bool adds as or; integers wrap). */
  private static void add(HostBuffer dst, int i, HostBuffer src, int j) {
    switch (dst.dtype) {
      case FLOAT32 -> ((float[]) dst.data)[i] += ((float[]) src.data)[j];
      case FLOAT64 -> ((double[]) dst.data)[i] += ((double[]) src.data)[j];
      case BOOL -> ((boolean[]) dst.data)[i] |= ((boolean[]) src.data)[j];
      default -> dst.setLong(i, dst.getLong(i) + src.getLong(j));
    }
  }
}
