package dev.tfj.devices.cpu;

import static dev.tfj.devices.cpu.CpuKernels.put;
import static dev.tfj.devices.cpu.Elementwise.binary;
import static dev.tfj.devices.cpu.Elementwise.unary;

import dev.tfj.devices.Kernel;
import dev.tfj.ops.ActivationOps;

/**
 * CPU kernels of the tf.nn activations. Where TensorFlow's kernel rounds an intermediate to the
 * dtype (exp(x) in Elu, Selu and Softplus), the float32 function does so too.
 */
final class ActivationKernels {
  private static final float SELU_SCALE_F = (float) ActivationOps.SELU_SCALE;
  private static final float SELU_SCALE_ALPHA_F = (float) ActivationOps.SELU_SCALE_ALPHA;
  /** Softplus switches to x above -threshold and to exp(x) below threshold, per dtype. */
  private static final float SOFTPLUS_THRESHOLD_F = (float) Math.log(Math.ulp(1f)) + 2f;
  private static final double SOFTPLUS_THRESHOLD = Math.log(Math.ulp(1d)) + 2;

  private ActivationKernels() {}

  static void register(Kernel[] table) {
    // max(x, 0) as Maximum computes it: NaN stays NaN, -0 becomes 0.
    put(table, ActivationOps.RELU, unary(a -> ElementwiseKernels.maximum(a, 0), a -> Math.max(a, 0)));
    put(table, ActivationOps.RELU6, unary(ActivationKernels::relu6, a -> Math.min(Math.max(a, 0), 6)));
    put(table, ActivationOps.ELU, unary(a -> a < 0 ? (float) Math.exp(a) - 1f : a,
        a -> a < 0 ? Math.exp(a) - 1 : a, null));
    put(table, ActivationOps.SELU, unary(
        a -> a < 0 ? SELU_SCALE_ALPHA_F * ((float) Math.exp(a) - 1f) : SELU_SCALE_F * a,
        a -> a < 0 ? ActivationOps.SELU_SCALE_ALPHA * (Math.exp(a) - 1) : ActivationOps.SELU_SCALE * a,
        null));
    put(table, ActivationOps.SOFTPLUS, unary(ActivationKernels::softplus, ActivationKernels::softplus, null));
    put(table, ActivationOps.LEAKY_RELU, ctx -> {
      float alpha = (float) ctx.attrs.real("alpha");
      unary(a -> a > 0 ? a : a * alpha, a -> a > 0 ? a : a * (double) alpha, null).compute(ctx);
    });
    // The *Grad kernels multiply dy by a 0/1 mask (so 0 * inf is NaN), LeakyReluGrad selects.
    put(table, ActivationOps.RELU_GRAD, binary((g, f) -> g * (f > 0 ? 1 : 0), (g, f) -> g * (f > 0 ? 1 : 0)));
    put(table, ActivationOps.RELU6_GRAD, binary((g, f) -> g * (f > 0 && f < 6 ? 1 : 0),
        (g, f) -> g * (f > 0 && f < 6 ? 1 : 0)));
    put(table, ActivationOps.LEAKY_RELU_GRAD, ctx -> {
      float alpha = (float) ctx.attrs.real("alpha");
      binary((g, f) -> f > 0 ? g : g * alpha, (g, f) -> f > 0 ? g : g * (double) alpha, null).compute(ctx);
    });
  }

  /** min(max(x, 0), 6), keeping NaN. */
  private static double relu6(double x) {
    return ElementwiseKernels.minimum(ElementwiseKernels.maximum(x, 0), 6);
  }

  private static float softplus(float x) {
    if (x > -SOFTPLUS_THRESHOLD_F) {
      return x;
    }
    float e = (float) Math.exp(x);
    return x < SOFTPLUS_THRESHOLD_F ? e : (float) Math.log1p(e);
  }

  private static double softplus(double x) {
    if (x > -SOFTPLUS_THRESHOLD) {
      return x;
    }
    double e = Math.exp(x);
    return x < SOFTPLUS_THRESHOLD ? e : Math.log1p(e);
  }
}
