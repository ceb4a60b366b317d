package dev.tfj.devices.cpu;

import static dev.tfj.devices.cpu.CpuKernels.put;
import static dev.tfj.devices.cpu.Elementwise.allocate;
import static dev.tfj.devices.cpu.Elementwise.at;
import static dev.tfj.devices.cpu.Elementwise.input;

import dev.tfj.devices.Kernel;
import dev.tfj.devices.KernelContext;
import dev.tfj.errors.InvalidArgumentError;
import dev.tfj.ops.DType;
import dev.tfj.ops.NnOps;
import dev.tfj.ops.Shapes;
import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;

/**
 * Softmax, the softmax cross-entropy losses, BiasAdd and L2Loss, step by step as TensorFlow's
 * kernels compute them: shift by the row's maximum, exponentiate, sum, then normalise, with every
 * step rounded to the tensor's dtype as their Eigen expressions round it (sums run left to right,
 * where Eigen adds long rows in vector lanes).
 */
final class NnKernels {
  private NnKernels() {}

  static void register(Kernel[] table) {
    put(table, NnOps.SOFTMAX, ctx -> softmax(ctx, false));
    put(table, NnOps.LOG_SOFTMAX, ctx -> softmax(ctx, true));
    put(table, NnOps.SOFTMAX_CROSS_ENTROPY, NnKernels::softmaxCrossEntropy);
    put(table, NnOps.SPARSE_SOFTMAX_CROSS_ENTROPY, NnKernels::sparseSoftmaxCrossEntropy);
    put(table, NnOps.BIAS_ADD, NnKernels::biasAdd);
    put(table, NnOps.L2_LOSS, NnKernels::l2Loss);
  }

  /** Softmax or LogSoftmax along the last axis. */
  private static void softmax(KernelContext ctx, boolean log) {
    HostBuffer x = input(ctx, 0);
    HostBuffer out = allocate(ctx, 0);
    DoubleUnaryOperator r = rounding(out.dtype);
    long[] shape = ctx.inputShapes[0];
    Row row = new Row((int) shape[shape.length - 1], r);
    for (int base = 0; base < out.size(); base += row.classes) {
      row.load(x, null, base);
      double logSum = r.applyAsDouble(Math.log(row.sum));
      double inverse = r.applyAsDouble(1 / row.sum);
      for (int j = 0; j < row.classes; j++) {
        double v = log ? row.shifted[j] - logSum : row.exp[j] * inverse;
        out.setDouble(base + j, v);
      }
    }
  }

  /** Rounds a double to the dtype's precision: float32 steps are float steps. */
  private static DoubleUnaryOperator rounding(DType dtype) {
    return dtype == DType.FLOAT32 ? v -> (float) v : v -> v;
  }

  /** One row of logits minus their maximum, their exponentials and the sum of those. */
  private static final class Row {
    final int classes;
    final double[] shifted;
    final double[] exp;
    final DoubleUnaryOperator r;
    double sum;

    Row(int classes, DoubleUnaryOperator rounding) {
      this.classes = classes;
      this.shifted = new double[classes];
      this.exp = new double[classes];
      this.r = rounding;
    }

    /** Reads the row starting at {@code base}; {@code map} (null: none) says where each element is. */
    void load(HostBuffer logits, int[] map, int base) {
      double max = Double.NEGATIVE_INFINITY;
      for (int j = 0; j < classes; j++) {
        shifted[j] = logits.getDouble(at(map, base + j));
        max = Math.max(max, shifted[j]);
      }
      sum = 0;
      for (int j = 0; j < classes; j++) {
        shifted[j] = r.applyAsDouble(shifted[j] - max);
        exp[j] = r.applyAsDouble(Math.exp(shifted[j]));
        sum = r.applyAsDouble(sum + exp[j]);
      }
    }
  }

  /**
   * loss = sum(labels * (log(sum(exp(shifted))) - shifted)), backprop = softmax - labels, with
   * logits and labels broadcast to the [batch, classes] output.
   */
  private static void softmaxCrossEntropy(KernelContext ctx) {
    HostBuffer logits = input(ctx, 0);
    HostBuffer labels = input(ctx, 1);
    HostBuffer loss = allocate(ctx, 0);
    HostBuffer backprop = allocate(ctx, 1);
    DoubleUnaryOperator r = rounding(loss.dtype);
    long[] shape = ctx.outputShapes[1];
    int[] logitsMap = readMap(ctx.inputShapes[0], shape);
    int[] labelsMap = readMap(ctx.inputShapes[1], shape);
    Row row = new Row((int) shape[1], r);
    for (int b = 0; b < loss.size(); b++) {
      int base = b * row.classes;
      row.load(logits, logitsMap, base);
      double logSum = r.applyAsDouble(Math.log(row.sum));
      double total = 0;
      for (int j = 0; j < row.classes; j++) {
        double label = labels.getDouble(at(labelsMap, base + j));
        total = r.applyAsDouble(total + r.applyAsDouble(label * r.applyAsDouble(logSum - row.shifted[j])));
        backprop.setDouble(base + j, r.applyAsDouble(row.exp[j] / row.sum) - label);
      }
      loss.setDouble(b, total);
    }
  }

  private static int[] readMap(long[] in, long[] out) {
    return Arrays.equals(in, out) ? null : IndexMaps.broadcast(in, out);
  }

  /** loss = log(sum(exp(shifted))) - shifted[label], backprop = softmax - one_hot(label). */
  private static void sparseSoftmaxCrossEntropy(KernelContext ctx) {
    HostBuffer logits = input(ctx, 0);
    HostBuffer labels = input(ctx, 1);
    Row row = new Row((int) ctx.inputShapes[0][1], rounding(ctx.outputTypes[0]));
    checkLabels(labels, row.classes);
    HostBuffer loss = allocate(ctx, 0);
    HostBuffer backprop = allocate(ctx, 1);
    for (int b = 0; b < loss.size(); b++) {
      int base = b * row.classes;
      row.load(logits, null, base);
      int label = (int) labels.getLong(b);
      loss.setDouble(b, row.r.applyAsDouble(Math.log(row.sum)) - row.shifted[label]);
      for (int j = 0; j < row.classes; j++) {
        backprop.setDouble(base + j, row.r.applyAsDouble(row.exp[j] / row.sum) - (j == label ? 1 : 0));
      }
    }
  }

  /** TensorFlow's CPU kernel rejects any label outside [0, classes), naming the extreme one. */
  private static void checkLabels(HostBuffer labels, int classes) {
    int n = labels.size();
    if (n == 0) {
      return;
    }
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    StringBuilder values = new StringBuilder();
    for (int i = 0; i < n; i++) {
      long v = labels.getLong(i);
      min = Math.min(min, v);
      max = Math.max(max, v);
      values.append(i == 0 ? "" : " ").append(v);
    }
    if (min < 0 || max >= classes) {
      throw new InvalidArgumentError("Received a label value of " + (min < 0 ? min : max)
          + " which is outside the valid range of [0, " + classes + ").  Label values: " + values);
    }
  }

  /** value + bias[c], c the element's index along the channel axis; integers wrap as in C++. */
  private static void biasAdd(KernelContext ctx) {
    HostBuffer value = input(ctx, 0);
    HostBuffer bias = input(ctx, 1);
    HostBuffer out = allocate(ctx, 0);
    long[] shape = ctx.inputShapes[0];
    int axis = NnOps.channelAxis(shape.length, ctx.attrs);
    int channels = (int) shape[axis];
    int stride = (int) Shapes.strides(shape)[axis];
    boolean floating = out.dtype.is_floating();
    for (int i = 0; i < out.size(); i++) {
      int c = (i / stride) % channels;
      if (floating) {
        out.setDouble(i, value.getDouble(i) + bias.getDouble(c));
      } else {
        out.setLong(i, value.getLong(i) + bias.getLong(c));
      }
    }
  }

  /** sum(t * t * 0.5). */
  private static void l2Loss(KernelContext ctx) {
    HostBuffer t = input(ctx, 0);
    HostBuffer out = allocate(ctx, 0);
    DoubleUnaryOperator r = rounding(out.dtype);
    double sum = 0;
    for (int i = 0; i < t.size(); i++) {
      double v = t.getDouble(i);
      sum = r.applyAsDouble(sum + r.applyAsDouble(r.applyAsDouble(v * v) * 0.5));
    }
    out.setDouble(0, sum);
  }
}
