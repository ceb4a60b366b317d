package dev.tfj.ops;

import static dev.tfj.ops.GradientFn.grads;

import dev.tfj.errors.InvalidArgumentError;

/** Ops that make, move and reshape tensors, with their shape rules and gradients (array_grad.py). */
public final class ArrayOps {
  private ArrayOps() {}

  static void load() {}

  public static final Op IDENTITY = Op.define("Identity")
      .outputShape(ShapeRules::sameAsFirst)
      .gradient((o, c) -> grads(c.dy()));

  /** Identity forward; TensorFlow registers it as not differentiable, so nothing flows back. */
  public static final Op STOP_GRADIENT = Op.define("StopGradient")
      .outputShape(ShapeRules::sameAsFirst)
      .notDifferentiable();

  public static final Op RESHAPE = Op.define("Reshape")
      .outputShape(ArrayOps::reshapeShape)
      .gradient((o, c) -> grads(o.reshape(c.dy(), c.x().shape()), null));

  public static final Op SQUEEZE = Op.define("Squeeze")
      .outputShape(ArrayOps::squeezeShape)
      .gradient((o, c) -> grads(o.reshape(c.dy(), c.x().shape())));

  public static final Op EXPAND_DIMS = Op.define("ExpandDims")
      .outputShape(ArrayOps::expandDimsShape)
      .gradient((o, c) -> grads(o.reshape(c.dy(), c.x().shape()), null));

  public static final Op TRANSPOSE = Op.define("Transpose")
      .outputShape(ArrayOps::transposeShape)
      .gradient((o, c) -> {
        long[] perm = c.y().longValues();
        int[] inverse = new int[perm.length];
        for (int i = 0; i < perm.length; i++) {
          inverse[(int) perm[i]] = i;
        }
        return grads(o.transpose(c.dy(), inverse), null);
      });

  /** Its gradient is the broadcast undone, which the tape does for broadcasting ops. */
  public static final Op BROADCAST_TO = Op.define("BroadcastTo").broadcasting()
      .outputShape(ArrayOps::broadcastToShape)
      .gradient((o, c) -> grads(c.dy(), null));

  /** Fill(dims, value): the value's gradient is the sum of the output's. */
  public static final Op FILL = Op.define("Fill")
      .outputShape((in, a) -> {
        if (in[1].shape().length != 0) {
          throw new InvalidArgumentError("value must be a scalar, got shape "
              + Shapes.str(in[1].shape()));
        }
        return ShapeRules.shapeFromInput(in, 0);
      })
      .gradient((o, c) -> grads(null, o.reduceSum(c.dy(), null, false)));

  public static final Op ZEROS_LIKE = Op.define("ZerosLike")
      .outputShape(ShapeRules::sameAsFirst)
      .notDifferentiable();

  public static final Op ONES_LIKE = Op.define("OnesLike")
      .outputShape(ShapeRules::sameAsFirst)
      .notDifferentiable();

  /** Range(start, limit, delta): element i is start + i * delta. */
  public static final Op RANGE = Op.define("Range")
      .outputShape((in, a) -> {
        double start = in[0].doubleValues()[0];
        double limit = in[1].doubleValues()[0];
        double delta = in[2].doubleValues()[0];
        String s = fmt(in[0], start);
        String l = fmt(in[1], limit);
        if (delta == 0) {
          throw new InvalidArgumentError("Requires delta != 0: " + fmt(in[2], delta));
        }
        if (delta > 0 && start > limit) {
          throw new InvalidArgumentError("Requires start <= limit when delta > 0: " + s + "/" + l);
        }
        if (delta < 0 && start < limit) {
          throw new InvalidArgumentError("Requires start >= limit when delta < 0: " + s + "/" + l);
        }
        return new long[] {rangeSize(in[0].dtype(), start, limit, delta)};
      })
      .notDifferentiable();

  /** TensorFlow's length, computed in the dtype: {@code ceil(|(limit - start) / delta|)}. */
  private static long rangeSize(DType dtype, double start, double limit, double delta) {
    if (dtype.is_integer()) {
      long span = Math.abs((long) limit - (long) start);
      long step = Math.abs((long) delta);
      return (span + step - 1) / step;
    }
    if (dtype == DType.FLOAT32) {
      return (long) Math.ceil(Math.abs(((float) limit - (float) start) / (float) delta));
    }
    return (long) Math.ceil(Math.abs((limit - start) / delta));
  }

  private static String fmt(Operand o, double v) {
    return o.dtype().is_integer() ? Long.toString((long) v) : Float.toString((float) v);
  }

  /** Shape, Size and Rank describe a tensor; TensorFlow registers them as not differentiable. */
  public static final Op SHAPE = Op.define("Shape")
      .outputShape((in, a) -> new long[] {in[0].shape().length})
      .notDifferentiable();

  public static final Op SIZE = Op.define("Size")
      .outputShape((in, a) -> Shapes.SCALAR)
      .notDifferentiable();

  public static final Op RANK = Op.define("Rank")
      .outputShape((in, a) -> Shapes.SCALAR)
      .notDifferentiable();

  /** SelectV2(condition, x, y): TensorFlow 2's tf.where, broadcasting all three. */
  public static final Op SELECT_V2 = Op.define("SelectV2").broadcasting()
      .outputShape((in, a) -> {
        try {
          return ShapeRules.broadcastAll(in, a);
        } catch (InvalidArgumentError e) {
          throw new InvalidArgumentError("condition " + Shapes.str(in[0].shape()) + ", then "
              + Shapes.str(in[1].shape()) + ", and else " + Shapes.str(in[2].shape())
              + " must be broadcastable");
        }
      })
      .gradient((o, c) -> {
        Operand zeros = o.zerosLike(c.dy());
        return grads(null, o.select(c.x(), c.dy(), zeros), o.select(c.x(), zeros, c.dy()));
      });

  // ---- shape rules ----

  /**
   * TensorFlow's Reshape: at most one -1, inferred from the other sizes. Zero sizes are left out
   * of that inference (on both sides), so a -1 beside a 0 can still be resolved.
   */
  private static long[] reshapeShape(Operand[] in, Attrs a) {
    long[] requested = in[1].longValues();
    long[] x = in[0].shape();
    long product = 1;
    boolean zeroRequested = false;
    int unknown = -1;
    for (int i = 0; i < requested.length; i++) {
      if (requested[i] == -1) {
        if (unknown >= 0) {
          throw new InvalidArgumentError("Only one input size may be -1, not both " + unknown
              + " and " + i);
        }
        unknown = i;
      } else if (requested[i] < 0) {
        throw new InvalidArgumentError("Size " + i + " must be non-negative, not " + requested[i]);
      } else if (requested[i] == 0) {
        zeroRequested = true;
      } else {
        product *= requested[i];
      }
    }
    long[] out = requested.clone();
    if (unknown >= 0) {
      long elements = 1;
      boolean zeroGiven = false;
      for (long d : x) {
        if (d > 0 || !zeroRequested) {
          elements *= d;
        } else {
          zeroGiven = true;
        }
      }
      long missing = elements / product;
      if (!zeroGiven && product * missing != elements) {
        throw new InvalidArgumentError("Input to reshape is a tensor with " + elements
            + " values, but the requested shape requires a multiple of " + product);
      }
      out[unknown] = missing;
    }
    long elements = Shapes.numElements(x);
    if (Shapes.numElements(out) != elements) {
      throw new InvalidArgumentError("Input to reshape is a tensor with " + elements
          + " values, but the requested shape has " + Shapes.numElements(out));
    }
    return out;
  }

  /** BroadcastTo's three checks in its kernel's order: rank, compatibility, then the result. */
  private static long[] broadcastToShape(Operand[] in, Attrs a) {
    long[] target = ShapeRules.shapeFromInput(in, 1);
    long[] x = in[0].shape();
    if (x.length > target.length) {
      throw new InvalidArgumentError("Rank of input (" + x.length + ") must be no greater than rank"
          + " of output shape (" + target.length + ").");
    }
    long[] result = Shapes.broadcast(x, target);
    if (!java.util.Arrays.equals(result, target)) {
      throw new InvalidArgumentError("Unable to broadcast tensor of shape " + Shapes.str(x)
          + " to tensor of shape " + Shapes.str(target));
    }
    return target;
  }

  private static long[] transposeShape(Operand[] in, Attrs a) {
    long[] x = in[0].shape();
    long[] perm = in[1].longValues();
    if (perm.length != x.length) {
      throw new InvalidArgumentError("transpose expects a vector of size " + x.length
          + ". But input(1) is a vector of size " + perm.length);
    }
    boolean[] seen = new boolean[x.length];
    long[] out = new long[x.length];
    for (int i = 0; i < perm.length; i++) {
      long d = perm[i];
      if (d < 0 || d >= x.length) {
        throw new InvalidArgumentError(d + " is out of range [0 .. " + x.length + ")");
      }
      seen[(int) d] = true;
      out[i] = x[(int) d];
    }
    for (int i = 0; i < seen.length; i++) {
      if (!seen[i]) {
        throw new InvalidArgumentError(i + " is missing from {" + joined(perm) + "}.");
      }
    }
    return out;
  }

  private static String joined(long[] values) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < values.length; i++) {
      s.append(i == 0 ? "" : ",").append(values[i]);
    }
    return s.toString();
  }

  private static long[] squeezeShape(Operand[] in, Attrs a) {
    long[] x = in[0].shape();
    int[] axes = (int[]) a.get("squeeze_dims");
    boolean[] drop = new boolean[x.length];
    for (int axis : axes) {
      if (axis < -x.length || axis >= x.length) {
        throw new InvalidArgumentError("Tried to squeeze dim index " + axis
            + " for tensor with " + x.length + " dimensions.");
      }
      int d = Shapes.normalizeAxis(axis, x.length);
      if (x[d] != 1) {
        throw new InvalidArgumentError("Can not squeeze dim[" + d + "], expected a dimension of 1, got "
            + x[d]);
      }
      drop[d] = true;
    }
    return java.util.stream.IntStream.range(0, x.length)
        .filter(i -> axes.length > 0 ? !drop[i] : x[i] != 1)
        .mapToLong(i -> x[i]).toArray();
  }

  private static long[] expandDimsShape(Operand[] in, Attrs a) {
    long[] x = in[0].shape();
    long axis = in[1].longValues()[0];
    if (axis < -1 - x.length || axis > x.length) {
      throw new InvalidArgumentError("Tried to expand dim index " + axis + " for tensor with "
          + x.length + " dimensions.");
    }
    int at = (int) (axis < 0 ? axis + x.length + 1 : axis);
    long[] out = new long[x.length + 1];
    for (int i = 0, j = 0; i < out.length; i++) {
      out[i] = i == at ? 1 : x[j++];
    }
    return out;
  }
}
