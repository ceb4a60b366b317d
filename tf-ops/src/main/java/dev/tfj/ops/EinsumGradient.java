package dev.tfj.ops;

import static dev.tfj.ops.GradientFn.grads;

import java.util.Arrays;
import java.util.List;

/**
 * The gradient of Einsum, as TensorFlow's linalg_grad.py derives it: the gradient of an operand
 * is an einsum of the output gradient (and the other operand) with the subscripts exchanged.
 * Labels only the operand has are summed out in the forward pass, so their gradient is a
 * broadcast; broadcast batch axes are summed back to the operand's shape.
 */
final class EinsumGradient {
  private static final String ELLIPSIS = "...";

  private EinsumGradient() {}

  static Operand[] of(OpRunner o, OpCall c) {
    String equation = (String) c.attrs().get("equation");
    int arrow = equation.indexOf("->");
    String inputSubs = equation.substring(0, arrow);
    String outputSubs = equation.substring(arrow + 2);
    Operand dy = c.dy();
    if (c.inputs().length == 1) {
      String reduced = labelsNotIn(inputSubs, outputSubs + ELLIPSIS);
      return grads(reduced.isEmpty()
          ? o.einsum(outputSubs + "->" + inputSubs, List.of(dy))
          : gradientOfReduction(o, dy, outputSubs, inputSubs, c.x().shape(), reduced));
    }
    int comma = inputSubs.indexOf(',');
    String xSubs = inputSubs.substring(0, comma);
    String ySubs = inputSubs.substring(comma + 1);
    boolean broadcast = outputSubs.contains(ELLIPSIS);
    if (broadcast) {
      xSubs = xSubs.contains(ELLIPSIS) ? xSubs : xSubs + ELLIPSIS;
      ySubs = ySubs.contains(ELLIPSIS) ? ySubs : ySubs + ELLIPSIS;
    }
    Operand x = c.x();
    Operand y = c.y();
    Operand gx = gradientOf(o, dy, y, x.shape(), xSubs, ySubs, outputSubs);
    Operand gy = gradientOf(o, dy, x, y.shape(), ySubs, xSubs, outputSubs);
    if (!broadcast) {
      return grads(gx, gy);
    }
    long[] bx = ellipsisShape(x.shape(), xSubs);
    long[] by = ellipsisShape(y.shape(), ySubs);
    if (Arrays.equals(bx, by)) {
      return grads(gx, gy);
    }
    long[] both = Shapes.broadcast(bx, by);
    return grads(sumOver(o, gx, xSubs.indexOf(ELLIPSIS), Shapes.broadcastReductionAxes(bx, both), x),
        sumOver(o, gy, ySubs.indexOf(ELLIPSIS), Shapes.broadcastReductionAxes(by, both), y));
  }

  /** TensorFlow's _GetGradWrt: the gradient of one operand of a two-operand einsum. */
  private static Operand gradientOf(OpRunner o, Operand dy, Operand other, long[] shape,
      String subs, String otherSubs, String outputSubs) {
    String reduced = labelsNotIn(subs, outputSubs + otherSubs + ".");
    String kept = without(subs, reduced);
    Operand g = o.einsum(outputSubs + "," + otherSubs + "->" + kept, List.of(dy, other));
    return reduced.isEmpty() ? g : gradientOfReduction(o, g, kept, subs, shape, reduced);
  }

  /**
   * TensorFlow's _GetGradReduced: the gradient of the one-operand einsum {@code subs->outputSubs}
   * whose {@code reduced} labels are summed out: dy broadcast along them, then placed back.
   */
  private static Operand gradientOfReduction(OpRunner o, Operand dy, String outputSubs,
      String subs, long[] shape, String reduced) {
    int[] axes = new int[reduced.length()];
    long[] dims = new long[reduced.length()];
    for (int i = 0; i < axes.length; i++) {
      axes[i] = axisOf(subs, reduced.charAt(i), shape.length);
      dims[i] = shape[axes[i]];
    }
    boolean repeated = distinct(subs) + distinct(outputSubs) < subs.length() + outputSubs.length();
    if (!repeated && without(subs, reduced).equals(outputSubs)) {
      long[] kept = shape.clone();
      for (int axis : axes) {
        kept[axis] = 1;
      }
      return o.broadcastTo(o.reshape(dy, kept), shape);
    }
    long[] dyShape = dy.shape();
    long[] ones = new long[axes.length + dyShape.length];
    Arrays.fill(ones, 0, axes.length, 1);
    System.arraycopy(dyShape, 0, ones, axes.length, dyShape.length);
    long[] tiled = ones.clone();
    System.arraycopy(dims, 0, tiled, 0, dims.length);
    Operand broadcast = o.broadcastTo(o.reshape(dy, ones), tiled);
    return o.einsum(reduced + outputSubs + "->" + subs, List.of(broadcast));
  }

  /** Sums a gradient over the broadcast axes {@code axes} of the ellipsis starting at {@code start}. */
  private static Operand sumOver(OpRunner o, Operand g, int start, int[] axes, Operand operand) {
    int[] shifted = new int[axes.length];
    for (int i = 0; i < axes.length; i++) {
      shifted[i] = start + axes[i];
    }
    return o.reshape(o.reduceSum(g, shifted, false), operand.shape());
  }

  /** The axes of {@code shape} that the ellipsis of {@code subs} stands for. */
  private static long[] ellipsisShape(long[] shape, String subs) {
    int start = subs.indexOf(ELLIPSIS);
    int after = subs.length() - start - ELLIPSIS.length();
    return Arrays.copyOfRange(shape, start, shape.length - after);
  }

  /**
   * The axis of the leftmost {@code label} in {@code subs}, counted from the end when it follows
   * the ellipsis (TensorFlow's _GetAxisFromLabel), as an index into a rank-{@code rank} shape.
   */
  private static int axisOf(String subs, char label, int rank) {
    int ellipsis = subs.indexOf(ELLIPSIS);
    int before = subs.indexOf(label);
    if (ellipsis < 0 || before < ellipsis) {
      return before;
    }
    return rank - (subs.length() - before);
  }

  /** The labels of {@code subs} (each once, in order) that {@code others} lacks. */
  private static String labelsNotIn(String subs, String others) {
    StringBuilder out = new StringBuilder();
    for (char c : subs.toCharArray()) {
      if (others.indexOf(c) < 0 && out.indexOf(String.valueOf(c)) < 0) {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static String without(String subs, String labels) {
    StringBuilder out = new StringBuilder();
    for (char c : subs.toCharArray()) {
      if (labels.indexOf(c) < 0) {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static int distinct(String s) {
    return (int) s.chars().distinct().count();
  }
}
