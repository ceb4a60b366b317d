package dev.tfj.devices.cpu;

import static dev.tfj.devices.cpu.CpuKernels.put;
import static dev.tfj.devices.cpu.Elementwise.allocate;
import static dev.tfj.devices.cpu.Elementwise.input;
import static dev.tfj.devices.cpu.SliceKernels.longs;

import dev.tfj.devices.Kernel;
import dev.tfj.devices.KernelContext;
import dev.tfj.ops.DType;
import dev.tfj.ops.PadOps;
import dev.tfj.ops.Shapes;

/** Kernels that grow a tensor: padding with a constant or a mirror image, tiling. */
final class PadKernels {
  private PadKernels() {}

  static void register(Kernel[] table) {
    put(table, PadOps.PAD, ctx -> constantPad(ctx, null));
    put(table, PadOps.PAD_V2, ctx -> constantPad(ctx, input(ctx, 2)));
    put(table, PadOps.MIRROR_PAD, MIRROR_PAD);
    put(table, PadOps.MIRROR_PAD_GRAD, MIRROR_PAD_GRAD);
    put(table, PadOps.TILE, TILE);
  }

  /** The output filled with the constant (zero when null), then the input placed inside it. */
  private static void constantPad(KernelContext ctx, HostBuffer constant) {
    HostBuffer out = constant == null ? allocate(ctx, 0) : ArrayKernels.fill(ctx, constant);
    long[] shape = ctx.inputShapes[0];
    long[] paddings = longs(ctx, 1);
    long[] before = new long[shape.length];
    long[] ones = new long[shape.length];
    for (int d = 0; d < shape.length; d++) {
      before[d] = paddings[2 * d];
      ones[d] = 1;
    }
    long[][] terms = SeparableMaps.strided(ctx.outputShapes[0], before, ones, shape);
    input(ctx, 0).scatter(SeparableMaps.of(terms), out);
  }

  /** Each output coordinate reads its mirror image inside the input (TensorFlow's ToInputCoord). */
  static final Kernel MIRROR_PAD = ctx -> {
    long[] shape = ctx.inputShapes[0];
    long[] out = ctx.outputShapes[0];
    long[] paddings = longs(ctx, 1);
    int offset = PadOps.mirrorOffset(ctx.attrs);
    long[] strides = Shapes.strides(shape);
    long[][] terms = new long[shape.length][];
    for (int d = 0; d < shape.length; d++) {
      terms[d] = new long[Math.toIntExact(out[d])];
      long m = shape[d];
      for (int k = 0; k < terms[d].length; k++) {
        long j = k - paddings[2 * d];
        long source = j < 0 ? -j - 1 + offset : j < m ? j : 2 * m - j - 1 - offset;
        terms[d][k] = source * strides[d];
      }
    }
    ctx.outputs[0] = input(ctx, 0).gather(SeparableMaps.of(terms));
  };

  /**
   * Folds the padded gradient back one dimension at a time, as TensorFlow's kernel does: each
   * kept element is its own gradient, plus its left mirror image, plus its right one, in that
   * order (so float32 sums round as TensorFlow's do).
   */
  static final Kernel MIRROR_PAD_GRAD = ctx -> {
    long[] shape = ctx.inputShapes[0].clone();
    long[] paddings = longs(ctx, 1);
    int offset = PadOps.mirrorOffset(ctx.attrs);
    HostBuffer t = input(ctx, 0);
    for (int d = 0; d < shape.length; d++) {
      t = fold(t, shape, d, paddings[2 * d], paddings[2 * d + 1], offset);
    }
    ctx.outputs[0] = t;
  };

  /** One dimension of MirrorPadGrad; updates {@code shape[d]} to the folded size. */
  private static HostBuffer fold(HostBuffer t, long[] shape, int d, long before, long after,
      int offset) {
    long padded = shape[d];
    long m = padded - before - after;
    long outer = Shapes.numElements(java.util.Arrays.copyOf(shape, d));
    long inner = Shapes.numElements(java.util.Arrays.copyOfRange(shape, d + 1, shape.length));
    HostBuffer out = HostBuffer.allocate(t.dtype, outer * m * inner);
    boolean floating = t.dtype.is_floating();
    int o = 0;
    for (long a = 0; a < outer; a++) {
      long base = a * padded * inner;
      for (long j = 0; j < m; j++) {
        long left = j >= offset && j < before + offset ? before - 1 - j + offset : -1;
        long right = j >= m - after - offset && j < m - offset ? before + 2 * m - 1 - j - offset : -1;
        for (long i = 0; i < inner; i++, o++) {
          int center = (int) (base + (before + j) * inner + i);
          if (floating) {
            out.setDouble(o, t.getDouble(center));
            if (left >= 0) {
              out.setDouble(o, out.getDouble(o) + t.getDouble((int) (base + left * inner + i)));
            }
            if (right >= 0) {
              out.setDouble(o, out.getDouble(o) + t.getDouble((int) (base + right * inner + i)));
            }
          } else {
            long sum = t.getLong(center);
            sum += left >= 0 ? t.getLong((int) (base + left * inner + i)) : 0;
            sum += right >= 0 ? t.getLong((int) (base + right * inner + i)) : 0;
            out.setLong(o, t.dtype == DType.BOOL ? (sum != 0 ? 1 : 0) : sum);
          }
        }
      }
    }
    shape[d] = m;
    return out;
  }

  static final Kernel TILE = ctx -> {
    long[] shape = ctx.inputShapes[0];
    long[] out = ctx.outputShapes[0];
    long[] strides = Shapes.strides(shape);
    long[][] terms = new long[shape.length][];
    for (int d = 0; d < shape.length; d++) {
      terms[d] = new long[Math.toIntExact(out[d])];
      for (int k = 0; k < terms[d].length; k++) {
        terms[d][k] = (k % shape[d]) * strides[d];
      }
    }
    ctx.outputs[0] = input(ctx, 0).gather(SeparableMaps.of(terms));
  };
}
