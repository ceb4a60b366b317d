package dev.tfj.ops;

import dev.tfj.errors.InvalidArgumentError;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An Einsum equation as TensorFlow's Einsum kernel reads it: each character a label, "..." the
 * broadcast axes, one "->", one or two inputs. Parsed once per distinct equation; {@link #plan}
 * then checks concrete shapes and lays out every axis (the shape rule and the kernel share it).
 */
public final class EinsumEquation {
  private static final int ELLIPSIS = -1;
  private static final Map<String, EinsumEquation> PARSED = new ConcurrentHashMap<>();

  private final int[][] inputs;
  private final int[] output;
  private final int named;

  private EinsumEquation(int[][] inputs, int[] output, int named) {
    this.inputs = inputs;
    this.output = output;
    this.named = named;
  }

  public static EinsumEquation of(String equation) {
    EinsumEquation parsed = PARSED.get(equation);
    return parsed != null ? parsed : PARSED.computeIfAbsent(equation, EinsumEquation::parse);
  }

  private static EinsumEquation parse(String equation) {
    String[] sides = equation.split("->", -1);
    if (sides.length != 2) {
      throw new InvalidArgumentError("Expecting exactly one '->' in einsum equation: " + equation);
    }
    String[] operands = sides[0].split(",", -1);
    if (operands.length != 1 && operands.length != 2) {
      throw new InvalidArgumentError("Expecting 1 or 2 input subscripts in equation '" + equation
          + "' but got: " + operands.length);
    }
    StringBuilder names = new StringBuilder();
    int[][] inputs = new int[operands.length][];
    for (int i = 0; i < operands.length; i++) {
      inputs[i] = labels(operands[i], names);
    }
    int inputLabels = names.length();
    int[] output = labels(sides[1], names);
    if (names.length() > inputLabels) {
      throw new InvalidArgumentError("Output subscripts contain the label "
          + names.charAt(inputLabels) + " not present in the input subscripts.");
    }
    return new EinsumEquation(inputs, output, names.length());
  }

  /** The labels of one subscript, numbering new characters in order of first appearance. */
  private static int[] labels(String subscript, StringBuilder names) {
    int[] out = new int[subscript.length()];
    int n = 0;
    for (int i = 0; i < subscript.length(); i++) {
      char c = subscript.charAt(i);
      if (c == '.') {
        out[n++] = ELLIPSIS;
        i += 2;
        continue;
      }
      int label = names.indexOf(String.valueOf(c));
      if (label < 0) {
        label = names.length();
        names.append(c);
      }
      out[n++] = label;
    }
    return java.util.Arrays.copyOf(out, n);
  }

  /**
   * Labels each axis for concrete input shapes: the named labels first, then one label per
   * broadcast axis (aligned from the right, as NumPy broadcasts), with TensorFlow's errors.
   */
  public Plan plan(long[][] shapes) {
    if (shapes.length != inputs.length) {
      throw new InvalidArgumentError("Expected " + inputs.length + " inputs but got: " + shapes.length);
    }
    long[] namedSizes = new long[named];
    boolean[] known = new boolean[named];
    int[] broadcastRank = new int[inputs.length];
    int maxBroadcast = 0;
    for (int i = 0; i < inputs.length; i++) {
      int[] labels = inputs[i];
      long[] shape = shapes[i];
      int ellipsisAt = indexOf(labels, ELLIPSIS);
      if (ellipsisAt < 0 && shape.length != labels.length) {
        throw new InvalidArgumentError("Expected input " + i + " to have rank " + labels.length
            + " but got: " + shape.length);
      }
      if (ellipsisAt >= 0 && shape.length + 1 < labels.length) {
        throw new InvalidArgumentError("Expected input " + i + " to have rank at least "
            + (labels.length - 1) + " but got: " + shape.length);
      }
      broadcastRank[i] = ellipsisAt < 0 ? 0 : shape.length - labels.length + 1;
      maxBroadcast = Math.max(maxBroadcast, broadcastRank[i]);
      for (int j = 0; j < labels.length; j++) {
        if (labels[j] == ELLIPSIS) {
          continue;
        }
        int axis = ellipsisAt >= 0 && j > ellipsisAt ? j + broadcastRank[i] - 1 : j;
        long dim = shape[axis];
        if (known[labels[j]] && namedSizes[labels[j]] != dim) {
          throw new InvalidArgumentError("Expected dimension " + namedSizes[labels[j]] + " at axis "
              + axis + " of the input shaped " + Shapes.str(shape) + " but got dimension " + dim);
        }
        known[labels[j]] = true;
        namedSizes[labels[j]] = dim;
      }
    }
    boolean outputEllipsis = indexOf(output, ELLIPSIS) >= 0;
    if (!outputEllipsis && maxBroadcast > 0) {
      throw new InvalidArgumentError("Output contains " + maxBroadcast + " broadcasting dimension(s)"
          + " but no ellipsis (...) was found in the output subscripts.");
    }
    long[] sizes = java.util.Arrays.copyOf(namedSizes, named + maxBroadcast);
    java.util.Arrays.fill(sizes, named, sizes.length, 1);
    int[][] inputAxes = new int[inputs.length][];
    for (int i = 0; i < inputs.length; i++) {
      inputAxes[i] = expand(inputs[i], broadcastRank[i], maxBroadcast);
      for (int axis = 0; axis < inputAxes[i].length; axis++) {
        int label = inputAxes[i][axis];
        long dim = shapes[i][axis];
        if (label >= named && dim != 1) {
          if (sizes[label] != 1 && sizes[label] != dim) {
            // TensorFlow's generic kernel's text; its oneDNN kernel says "In[0] and In[1] must
            // have compatible batch dimensions: ".
            throw new InvalidArgumentError("Invalid broadcasting dimensions: "
                + Shapes.str(contractionShape(0, inputAxes, shapes, sizes))
                + " vs. " + Shapes.str(contractionShape(1, inputAxes, shapes, sizes)));
          }
          sizes[label] = dim;
        }
      }
    }
    int[] outputAxes = expand(output, maxBroadcast, maxBroadcast);
    long[] outputShape = new long[outputAxes.length];
    for (int axis = 0; axis < outputShape.length; axis++) {
      outputShape[axis] = sizes[outputAxes[axis]];
    }
    return new Plan(sizes, inputAxes, outputAxes, outputShape, named);
  }

  /** The labels with the ellipsis replaced by the last {@code rank} of the broadcast labels. */
  private int[] expand(int[] labels, int rank, int maxBroadcast) {
    int at = indexOf(labels, ELLIPSIS);
    if (at < 0) {
      return labels;
    }
    int[] out = new int[labels.length - 1 + rank];
    System.arraycopy(labels, 0, out, 0, at);
    for (int j = 0; j < rank; j++) {
      out[at + j] = named + maxBroadcast - rank + j;
    }
    System.arraycopy(labels, at + 1, out, at + rank, labels.length - at - 1);
    return out;
  }

  /**
   * The shape TensorFlow's kernel gives operand {@code i} before contracting it (its broadcast
   * and batch axes, then its free and contracted sizes), which its broadcast error prints.
   */
  private long[] contractionShape(int i, int[][] inputAxes, long[][] shapes, long[] sizes) {
    int[] axes = inputAxes[i];
    int[] other = inputAxes[1 - i];
    int[] type = new int[sizes.length];
    for (int label = 0; label < sizes.length; label++) {
      boolean inOutput = label >= named || indexOf(output, label) >= 0;
      boolean shared = indexOf(other, label) >= 0;
      type[label] = label >= named ? 0 : inOutput ? (shared ? 1 : 2) : (shared ? 3 : 4);
    }
    boolean contractBeforeFree = true;
    int[] remap = {0, 1, 3, 2, 4};
    for (int a = 0; a + 1 < axes.length; a++) {
      int ta = remap[type[axes[a]]];
      int tb = remap[type[axes[a + 1]]];
      contractBeforeFree &= ta < tb || (ta == tb && axes[a] <= axes[a + 1]);
    }
    Integer[] order = new Integer[axes.length];
    for (int a = 0; a < order.length; a++) {
      order[a] = a;
    }
    if (!contractBeforeFree) {
      java.util.Arrays.sort(order, (p, q) -> type[axes[p]] != type[axes[q]]
          ? Integer.compare(type[axes[p]], type[axes[q]]) : Integer.compare(axes[p], axes[q]));
    }
    long[] shape = new long[axes.length + 2];
    long free = 1;
    long contracted = 1;
    int n = 0;
    int previous = Integer.MIN_VALUE;
    for (int a : order) {
      int label = axes[a];
      if (label == previous) {
        continue;
      }
      previous = label;
      long dim = shapes[i][a];
      switch (type[label]) {
        case 0, 1 -> shape[n++] = dim;
        case 2 -> free *= dim;
        case 3 -> contracted *= dim;
        default -> { }
      }
    }
    shape[n++] = contractBeforeFree ? contracted : free;
    shape[n++] = contractBeforeFree ? free : contracted;
    return java.util.Arrays.copyOf(shape, n);
  }

  private static int indexOf(int[] values, int value) {
    for (int i = 0; i < values.length; i++) {
      if (values[i] == value) {
        return i;
      }
    }
    return -1;
  }

  /** Every axis labelled: {@code sizes[label]}, the label of each input axis and each output axis. */
  public record Plan(long[] sizes, int[][] inputAxes, int[] outputAxes, long[] outputShape,
      int namedLabels) {}
}
