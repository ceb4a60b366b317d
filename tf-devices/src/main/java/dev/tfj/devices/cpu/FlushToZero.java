package dev.tfj.devices.cpu;

import dev.tfj.devices.Buffer;
import dev.tfj.devices.Kernel;
import dev.tfj.devices.KernelContext;
import dev.tfj.ops.DType;

/**
 * TensorFlow runs its CPU kernels with denormals flushed to zero, so a floating result too small
 * to be normal comes out as a zero of its sign ({@code exp(-100f)} is 0, not 3.78e-44). Every CPU
 * kernel is wrapped in this once, when the kernel table is built, instead of each kernel doing
 * it. Outputs a kernel forwarded from its inputs are left alone: they are the inputs' buffers.
 */
final class FlushToZero implements Kernel {
  private final Kernel kernel;

  private FlushToZero(Kernel kernel) {
    this.kernel = kernel;
  }

  static Kernel wrap(Kernel kernel) {
    return kernel == null ? null : new FlushToZero(kernel);
  }

  @Override
  public void compute(KernelContext ctx) {
    kernel.compute(ctx);
    for (Buffer out : ctx.outputs) {
      if (out instanceof HostBuffer h && !isInput(ctx, out)) {
        flush(h.data);
      }
    }
  }

  @Override
  public DType[] typeConstraint() {
    return kernel.typeConstraint();
  }

  private static boolean isInput(KernelContext ctx, Buffer buffer) {
    for (Buffer in : ctx.inputs) {
      if (in == buffer) {
        return true;
      }
    }
    return false;
  }

  private static void flush(Object data) {
    if (data instanceof float[] f) {
      for (int i = 0; i < f.length; i++) {
        if (f[i] != 0 && Math.abs(f[i]) < Float.MIN_NORMAL) {
          f[i] = Math.copySign(0f, f[i]);
        }
      }
    } else if (data instanceof double[] d) {
      for (int i = 0; i < d.length; i++) {
        if (d[i] != 0 && Math.abs(d[i]) < Double.MIN_NORMAL) {
          d[i] = Math.copySign(0.0, d[i]);
        }
      }
    }
  }
}
