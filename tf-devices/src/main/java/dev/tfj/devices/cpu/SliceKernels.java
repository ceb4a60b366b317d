package dev.tfj.devices.cpu;

import static dev.tfj.devices.cpu.CpuKernels.put;
import static dev.tfj.devices.cpu.Elementwise.allocate;
import static dev.tfj.devices.cpu.Elementwise.input;

import dev.tfj.devices.Kernel;
import dev.tfj.devices.KernelContext;
import dev.tfj.ops.SliceOps;
import dev.tfj.ops.StridedSliceSpec;

/** Slicing kernels: each reads (or, for the gradient, writes) a strided box through a map. */
final class SliceKernels {
  private SliceKernels() {}

  static void register(Kernel[] table) {
    put(table, SliceOps.SLICE, SLICE);
    put(table, SliceOps.STRIDED_SLICE, STRIDED_SLICE);
    put(table, SliceOps.STRIDED_SLICE_GRAD, STRIDED_SLICE_GRAD);
    put(table, SliceOps.REVERSE, REVERSE);
  }

  /** The values of an integer input, as longs. */
  static long[] longs(KernelContext ctx, int i) {
    HostBuffer b = input(ctx, i);
    long[] out = new long[b.size()];
    for (int k = 0; k < out.length; k++) {
      out[k] = b.getLong(k);
    }
    return out;
  }

  private static long[] ones(int n) {
    long[] out = new long[n];
    java.util.Arrays.fill(out, 1);
    return out;
  }

  static final Kernel SLICE = ctx -> {
    long[] shape = ctx.inputShapes[0];
    long[][] terms = SeparableMaps.strided(shape, longs(ctx, 1), ones(shape.length),
        ctx.outputShapes[0]);
    ctx.outputs[0] = input(ctx, 0).gather(SeparableMaps.of(terms));
  };

  static final Kernel STRIDED_SLICE = ctx ->
      ctx.outputs[0] = input(ctx, 0).gather(stridedSliceMap(ctx, ctx.inputShapes[0]));

  /** Zeros of the input's shape, with dy written where the forward slice read. */
  static final Kernel STRIDED_SLICE_GRAD = ctx ->
      input(ctx, 4).scatter(stridedSliceMap(ctx, ctx.outputShapes[0]), allocate(ctx, 0));

  /** Where each element of a strided slice of {@code shape} sits (begin, end, strides: inputs 1-3). */
  private static int[] stridedSliceMap(KernelContext ctx, long[] shape) {
    StridedSliceSpec spec = StridedSliceSpec.of(shape, longs(ctx, 1), longs(ctx, 2), longs(ctx, 3),
        ctx.attrs);
    return SeparableMaps.of(SeparableMaps.strided(shape, spec.begin, spec.strides,
        spec.processingShape));
  }

  static final Kernel REVERSE = ctx -> {
    long[] shape = ctx.inputShapes[0];
    if (shape.length == 0 || dev.tfj.ops.Shapes.numElements(shape) == 0) {
      ctx.outputs[0] = ctx.inputs[0];
      return;
    }
    boolean[] reversed = SliceOps.reversedAxes(shape.length, ctx.inputShapes[1], longs(ctx, 1));
    long[] begin = new long[shape.length];
    long[] step = new long[shape.length];
    for (int d = 0; d < shape.length; d++) {
      begin[d] = reversed[d] ? shape[d] - 1 : 0;
      step[d] = reversed[d] ? -1 : 1;
    }
    ctx.outputs[0] = input(ctx, 0).gather(SeparableMaps.of(
        SeparableMaps.strided(shape, begin, step, shape)));
  };
}
