package dev.tfj.ops;

import dev.tfj.errors.InvalidArgumentError;

/** Shape functions shared by several ops. */
final class ShapeRules {
  private ShapeRules() {}

  /** Output shaped like input 0 (unary elementwise ops, casts, identity). */
  static long[] sameAsFirst(Operand[] in, Attrs a) {
    return in[0].shape();
  }

  /** Every input shaped alike (AddN, the activation *Grad ops); the output too. */
  static long[] allSameShape(Operand[] in, String op) {
    for (int i = 1; i < in.length; i++) {
      if (!java.util.Arrays.equals(in[0].shape(), in[i].shape())) {
        throw new InvalidArgumentError("Inputs to operation " + op + " of type " + op
            + " must have the same size and shape.  Input 0: " + Shapes.str(in[0].shape())
            + " != input " + i + ": " + Shapes.str(in[i].shape()));
      }
    }
    return in[0].shape();
  }

  /** NumPy broadcasting of every input (binary and ternary elementwise ops). */
  static long[] broadcastAll(Operand[] in, Attrs a) {
    long[] out = in[0].shape();
    for (int i = 1; i < in.length; i++) {
      out = Shapes.broadcast(out, in[i].shape());
    }
    return out;
  }

  /** A reduction of input 0 over the axes held by input 1 (Sum, Mean, ...). */
  static long[] reduction(Operand[] in, Attrs a) {
    long[] x = in[0].shape();
    boolean[] reduced = reducedAxes(x.length, in[1].longValues());
    boolean keep = a.bool("keep_dims");
    int rank = 0;
    for (int i = 0; i < x.length; i++) {
      rank += keep || !reduced[i] ? 1 : 0;
    }
    long[] out = new long[rank];
    int j = 0;
    for (int i = 0; i < x.length; i++) {
      if (!reduced[i]) {
        out[j++] = x[i];
      } else if (keep) {
        out[j++] = 1;
      }
    }
    return out;
  }

  /**
   * Which axes of a rank-{@code rank} input the given (possibly negative) axes name, checked one
   * by one as TensorFlow's ReductionHelper does: in range, and no axis named twice.
   */
  static boolean[] reducedAxes(int rank, long[] axes) {
    boolean[] reduced = new boolean[rank];
    for (long axis : axes) {
      if (axis < -rank || axis >= rank) {
        throw new InvalidArgumentError("Invalid reduction dimension (" + axis + " for input with "
            + rank + " dimension(s)");
      }
      int d = Shapes.normalizeAxis(axis, rank);
      if (reduced[d]) {
        throw new InvalidArgumentError(
            "Invalid reduction arguments: Axes contains duplicate dimension: " + d);
      }
      reduced[d] = true;
    }
    return reduced;
  }

  /** The shape of a reduction of {@code shape} over {@code axes} with keep_dims: reduced axes are 1. */
  static long[] keptDims(long[] shape, long[] axes) {
    boolean[] reduced = reducedAxes(shape.length, axes);
    long[] kept = shape.clone();
    for (int i = 0; i < kept.length; i++) {
      if (reduced[i]) {
        kept[i] = 1;
      }
    }
    return kept;
  }

  /** The shape given as the values of input {@code index}, checked non-negative. */
  static long[] shapeFromInput(Operand[] in, int index) {
    long[] dims = in[index].longValues();
    for (long d : dims) {
      if (d < 0) {
        throw new InvalidArgumentError("Dimension " + d + " must be >= 0");
      }
    }
    return dims;
  }
}
