package dev.tfj.ops;

import static dev.tfj.ops.GradientFn.grads;

import dev.tfj.errors.InvalidArgumentError;
import java.util.Arrays;
import java.util.List;

/**
 * Ops that join tensors along an axis or split one apart (concat, stack, unstack, split), with
 * their shape rules and gradients (array_grad.py): each one's gradient is its inverse.
 */
public final class JoinOps {
  private JoinOps() {}

  static void load() {}

  /** ConcatV2(values..., axis); the gradient splits dy back into the inputs' sizes. */
  public static final Op CONCAT = Op.define("ConcatV2")
      .outputShape(JoinOps::concatShape)
      .gradient((o, c) -> {
        Operand[] values = Arrays.copyOf(c.inputs(), c.inputs().length - 1);
        int axis = Shapes.normalizeAxis(axisValue(c.inputs()[values.length]), c.x().shape().length);
        long[] sizes = new long[values.length];
        for (int i = 0; i < values.length; i++) {
          sizes[i] = values[i].shape()[axis];
        }
        return Arrays.copyOf(o.splitV(c.dy(), sizes, axis), c.inputs().length);
      });

  /** Pack(values...; axis): stacks along a new axis; the gradient unstacks dy. */
  public static final Op PACK = Op.define("Pack")
      .outputShape(JoinOps::packShape)
      .gradient((o, c) -> o.unstack(c.dy(), c.inputs().length, (int) c.attrs().integer("axis")));

  /** Unpack(value; num, axis); the gradient stacks the outputs' gradients (zeros where unused). */
  public static final Op UNPACK = Op.define("Unpack")
      .shape(JoinOps::unpackShapes)
      .gradient((o, c) -> grads(o.stack(List.of(c.dys()), (int) c.attrs().integer("axis"))));

  /** Split(axis, value; num_split): equal parts; the gradient concatenates them back. */
  public static final Op SPLIT = Op.define("Split")
      .shape(JoinOps::splitShapes)
      .gradient((o, c) -> grads(null, o.concat(List.of(c.dys()), (int) axisValue(c.x()))));

  /** SplitV(value, size_splits, axis; num_split): given sizes, one of them may be -1. */
  public static final Op SPLIT_V = Op.define("SplitV")
      .shape(JoinOps::splitVShapes)
      .gradient((o, c) -> grads(o.concat(List.of(c.dys()), (int) axisValue(c.inputs()[2])),
          null, null));

  /** An axis input: a scalar, or (as TensorFlow also accepts) a one-element vector. */
  private static long axisValue(Operand axis) {
    return axis.longValues()[0];
  }

  // ---- shape rules, with the messages of TensorFlow's kernels ----

  private static long[] concatShape(Operand[] in, Attrs a) {
    int n = in.length - 1;
    long[] first = in[0].shape();
    int rank = first.length;
    long axisArg = axisValue(in[n]);
    if (rank == 0 && axisArg == 0) {
      throw new InvalidArgumentError("ConcatOp : Can't concatenate scalars (use tf.stack instead)");
    }
    if (axisArg < -rank || axisArg >= rank) {
      throw new InvalidArgumentError("ConcatOp : Expected concatenating dimensions in the range ["
          + -rank + ", " + rank + "), but got " + axisArg);
    }
    int axis = Shapes.normalizeAxis(axisArg, rank);
    long[] out = first.clone();
    for (int i = 1; i < n; i++) {
      long[] s = in[i].shape();
      if (s.length != rank) {
        throw new InvalidArgumentError("ConcatOp : Ranks of all input tensors should match: shape[0] = "
            + Shapes.str(first) + " vs. shape[" + i + "] = " + Shapes.str(s));
      }
      for (int d = 0; d < rank; d++) {
        if (d != axis && s[d] != first[d]) {
          throw new InvalidArgumentError("ConcatOp : Dimension " + d + " in both shapes must be equal:"
              + " shape[0] = " + Shapes.str(first) + " vs. shape[" + i + "] = " + Shapes.str(s));
        }
      }
      out[axis] += s[axis];
    }
    return out;
  }

  private static long[] packShape(Operand[] in, Attrs a) {
    long[] first = in[0].shape();
    int expanded = first.length + 1;
    long axisArg = a.integer("axis");
    if (axisArg < -expanded || axisArg >= expanded) {
      throw new InvalidArgumentError("axis = " + axisArg + " not in [" + -expanded + ", " + expanded
          + ")");
    }
    for (int i = 1; i < in.length; i++) {
      if (!Arrays.equals(first, in[i].shape())) {
        throw new InvalidArgumentError("Shapes of all inputs must match: values[0].shape = "
            + Shapes.str(first) + " != values[" + i + "].shape = " + Shapes.str(in[i].shape()));
      }
    }
    return Shapes.insertAxis(first, Shapes.normalizeAxis(axisArg, expanded), in.length);
  }

  private static long[][] unpackShapes(Operand[] in, Attrs a) {
    long[] x = in[0].shape();
    long axisArg = a.integer("axis");
    int num = (int) a.integer("num");
    if (axisArg < -x.length || axisArg >= x.length) {
      throw new InvalidArgumentError("axis = " + axisArg + " not in [" + -x.length + ", " + x.length
          + ")");
    }
    int axis = Shapes.normalizeAxis(axisArg, x.length);
    if (x[axis] != num) {
      throw new InvalidArgumentError("Input shape axis " + axis + " must equal " + num
          + ", got shape " + Shapes.str(x));
    }
    long[][] out = new long[num][];
    Arrays.fill(out, Shapes.removeAxis(x, axis));
    return out;
  }

  private static long[][] splitShapes(Operand[] in, Attrs a) {
    long[] x = in[1].shape();
    if (in[0].shape().length != 0) {
      throw new InvalidArgumentError("split_dim must be a scalar but has rank "
          + in[0].shape().length);
    }
    int axis = splitAxis(axisValue(in[0]), x.length);
    int num = (int) a.integer("num_split");
    if (x[axis] % num != 0) {
      throw new InvalidArgumentError("Number of ways to split should evenly divide the split"
          + " dimension, but got split_dim " + axis + " (size = " + x[axis] + ") and num_split "
          + num);
    }
    long[] part = x.clone();
    part[axis] = x[axis] / num;
    long[][] out = new long[num][];
    Arrays.fill(out, part);
    return out;
  }

  private static long[][] splitVShapes(Operand[] in, Attrs a) {
    long[] x = in[0].shape();
    long[] sizes = in[1].longValues();
    int num = (int) a.integer("num_split");
    if (in[1].shape().length != 1 || sizes.length != num) {
      throw new InvalidArgumentError("size of the split_tensor must be 1-D and have the same"
          + " elements as outputs got " + in[1].shape().length + " -D and " + sizes.length
          + " elements");
    }
    int axis = splitAxis(axisValue(in[2]), x.length);
    if (num == 1 && sizes[0] != x[axis]) {
      throw new InvalidArgumentError("If there is only one output, it must have the same size as"
          + " the input. Input size: " + x[axis] + " output size: " + sizes[0]);
    }
    int unknown = -1;
    long known = 0;
    for (int i = 0; i < sizes.length; i++) {
      if (sizes[i] == -1) {
        if (unknown >= 0) {
          throw new InvalidArgumentError("There can only be one -1 in the input.");
        }
        unknown = i;
      } else if (sizes[i] < 0) {
        throw new InvalidArgumentError("Split size at index " + i + " must be >= 0. Got: "
            + sizes[i]);
      } else {
        known += sizes[i];
      }
    }
    if ((unknown < 0 && known != x[axis]) || (unknown >= 0 && known > x[axis])) {
      throw new InvalidArgumentError("Determined shape must either match input shape along"
          + " split_dim exactly if fully specified, or be less than the size of the input along"
          + " split_dim if not fully specified.  Got: " + known);
    }
    long[][] out = new long[num][];
    for (int i = 0; i < num; i++) {
      out[i] = x.clone();
      out[i][axis] = i == unknown ? x[axis] - known : sizes[i];
    }
    return out;
  }

  private static int splitAxis(long axis, int rank) {
    if (axis < -rank || axis >= rank) {
      throw new InvalidArgumentError("-input rank(-" + rank + ") <= split_dim < input rank (" + rank
          + "), but got " + axis);
    }
    return Shapes.normalizeAxis(axis, rank);
  }
}
