package dev.tfj.devices.cpu;

import static dev.tfj.devices.cpu.Elementwise.allocate;
import static dev.tfj.devices.cpu.Elementwise.input;

import dev.tfj.devices.KernelContext;
import dev.tfj.ops.EinsumEquation;
import dev.tfj.ops.Shapes;

/**
 * The Einsum kernel, for any equation the op accepts: every output element is the sum, over the
 * labels the output lacks, of the product of the operands' elements. Each operand is read
 * through one stride per label (repeated labels add their strides: a diagonal; a broadcast axis
 * of size 1 has stride 0); repeated output labels write only the diagonal, the rest stays 0.
 */
final class Einsum {
  private Einsum() {}

  static void compute(KernelContext ctx) {
    EinsumEquation.Plan plan =
        EinsumEquation.of((String) ctx.attrs.get("equation")).plan(ctx.inputShapes);
    long[] sizes = plan.sizes();
    int operands = ctx.inputs.length;
    // The loop runs over the output's labels (each once, in output order), then the summed ones.
    int[] order = loopOrder(plan.outputAxes(), sizes.length);
    int outer = distinctCount(plan.outputAxes());
    long[][] strides = new long[operands + 1][];
    for (int t = 0; t < operands; t++) {
      strides[t] = labelStrides(plan.inputAxes()[t], ctx.inputShapes[t], order, plan.namedLabels());
    }
    strides[operands] = labelStrides(plan.outputAxes(), plan.outputShape(), order, plan.namedLabels());
    long[] loopSizes = new long[order.length];
    for (int l = 0; l < order.length; l++) {
      loopSizes[l] = sizes[order[l]];
    }
    HostBuffer[] in = new HostBuffer[operands];
    for (int t = 0; t < operands; t++) {
      in[t] = input(ctx, t);
    }
    HostBuffer out = allocate(ctx, 0);
    boolean floating = out.dtype.is_floating();
    long[] offsets = new long[operands + 1];
    long[] counters = new long[order.length];
    long outputs = count(loopSizes, 0, outer);
    long terms = count(loopSizes, outer, order.length);
    for (long o = 0; o < outputs; o++) {
      double real = 0;
      long integer = 0;
      for (long s = 0; s < terms; s++) {
        if (floating) {
          double term = 1;
          for (int t = 0; t < operands; t++) {
            term *= in[t].getDouble((int) offsets[t]);
          }
          real += term;
        } else {
          long term = 1;
          for (int t = 0; t < operands; t++) {
            term *= in[t].getLong((int) offsets[t]);
          }
          integer += term;
        }
        advance(counters, loopSizes, strides, offsets, outer, order.length);
      }
      if (floating) {
        out.setDouble((int) offsets[operands], real);
      } else {
        out.setLong((int) offsets[operands], integer);
      }
      advance(counters, loopSizes, strides, offsets, 0, outer);
    }
  }

  /** The output's distinct labels in order, then every other label. */
  private static int[] loopOrder(int[] outputAxes, int labels) {
    int[] order = new int[labels];
    boolean[] placed = new boolean[labels];
    int n = 0;
    for (int label : outputAxes) {
      if (!placed[label]) {
        placed[label] = true;
        order[n++] = label;
      }
    }
    for (int label = 0; label < labels; label++) {
      if (!placed[label]) {
        order[n++] = label;
      }
    }
    return order;
  }

  private static int distinctCount(int[] labels) {
    return (int) java.util.Arrays.stream(labels).distinct().count();
  }

  /** For each loop position, how far one step of its label moves within a tensor of {@code shape}. */
  private static long[] labelStrides(int[] axes, long[] shape, int[] order, int named) {
    long[] axisStrides = Shapes.strides(shape);
    long[] byLabel = new long[order.length];
    for (int a = 0; a < axes.length; a++) {
      boolean broadcast = axes[a] >= named && shape[a] == 1;
      if (!broadcast) {
        byLabel[axes[a]] += axisStrides[a];
      }
    }
    long[] out = new long[order.length];
    for (int l = 0; l < order.length; l++) {
      out[l] = byLabel[order[l]];
    }
    return out;
  }

  private static long count(long[] sizes, int from, int to) {
    long n = 1;
    for (int l = from; l < to; l++) {
      n *= sizes[l];
    }
    return n;
  }

  /** One step of the odometer over loop positions [from, to), carrying leftwards. */
  private static void advance(long[] counters, long[] sizes, long[][] strides, long[] offsets,
      int from, int to) {
    for (int l = to - 1; l >= from; l--) {
      for (int t = 0; t < offsets.length; t++) {
        offsets[t] += strides[t][l];
      }
      if (++counters[l] < sizes[l]) {
        return;
      }
      for (int t = 0; t < offsets.length; t++) {
        offsets[t] -= strides[t][l] * sizes[l];
      }
      counters[l] = 0;
    }
  }
}
