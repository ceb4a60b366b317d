package dev.tfj.ops;

import static dev.tfj.ops.GradientFn.grads;

import dev.tfj.errors.InvalidArgumentError;

/**
 * Reductions, arg-reductions and cumulative scans, with the gradients of TensorFlow's
 * math_grad.py. Sum and Mean live in {@link MathOps}; these share their shape rule.
 */
public final class ReductionOps {
  private ReductionOps() {}

  static void load() {}

  // ---- reductions over the axes held by input 1 ----

  /** The gradient goes to every element equal to the maximum, split evenly among ties. */
  public static final Op MAX = Op.define("Max")
      .outputShape(ShapeRules::reduction)
      .gradient(ReductionOps::minOrMaxGradient);

  public static final Op MIN = Op.define("Min")
      .outputShape(ShapeRules::reduction)
      .gradient(ReductionOps::minOrMaxGradient);

  /** The product of all other elements, from two exclusive cumulative products: finite with zeros. */
  public static final Op PROD = Op.define("Prod")
      .outputShape(ShapeRules::reduction)
      .gradient((o, c) -> grads(prodGradient(o, c), null));

  /** Bool in, bool out: TensorFlow registers no gradient, and nothing could flow. */
  public static final Op ANY = Op.define("Any")
      .outputShape(ShapeRules::reduction)
      .notDifferentiable();

  public static final Op ALL = Op.define("All")
      .outputShape(ShapeRules::reduction)
      .notDifferentiable();

  /** d/dx = x / (norm / dy): NaN at the zero vector, as in TensorFlow. */
  public static final Op EUCLIDEAN_NORM = Op.define("EuclideanNorm")
      .outputShape(ShapeRules::reduction)
      .gradient((o, c) -> {
        long[] kept = ShapeRules.keptDims(c.x().shape(), c.y().longValues());
        Operand norm = o.reshape(c.out(), kept);
        return grads(o.div(c.x(), o.div(norm, o.reshape(c.dy(), kept))), null);
      });

  private static Operand[] minOrMaxGradient(OpRunner o, OpCall c) {
    Operand x = c.x();
    long[] kept = ShapeRules.keptDims(x.shape(), c.y().longValues());
    Operand extremum = o.reshape(c.out(), kept);
    Operand dy = o.reshape(c.dy(), kept);
    Operand indicators = o.cast(o.compare(MathOps.EQUAL, extremum, x), dy.dtype());
    Operand selected = o.reshape(o.reduceSum(indicators, axes(c), false), kept);
    return grads(o.mul(o.div(indicators, selected), dy), null);
  }

  /**
   * TensorFlow's _ProdGrad: the reduced axes are moved to the front and flattened into one, so
   * that the products of the elements before and after each one are two exclusive cumprods.
   */
  private static Operand prodGradient(OpRunner o, OpCall c) {
    Operand x = c.x();
    long[] shape = x.shape();
    long[] axes = c.y().longValues();
    Operand dy = o.broadcastTo(o.reshape(c.dy(), ShapeRules.keptDims(shape, axes)), shape);
    boolean[] reduced = ShapeRules.reducedAxes(shape.length, axes);
    int[] perm = new int[shape.length];
    int n = 0;
    long reducedSize = 1;
    long otherSize = 1;
    for (long axis : axes) {
      perm[n] = Shapes.normalizeAxis(axis, shape.length);
      reducedSize *= shape[perm[n++]];
    }
    for (int d = 0; d < shape.length; d++) {
      if (!reduced[d]) {
        perm[n++] = d;
        otherSize *= shape[d];
      }
    }
    Operand permuted = o.transpose(x, perm);
    Operand matrix = o.reshape(permuted, reducedSize, otherSize);
    Operand before = o.cumprod(matrix, 0, true, false);
    Operand after = o.cumprod(matrix, 0, true, true);
    Operand others = o.reshape(o.mul(before, after), permuted.shape());
    return o.reshape(o.mul(dy, o.transpose(others, inverse(perm))), shape);
  }

  private static int[] axes(OpCall c) {
    long[] axes = c.y().longValues();
    int[] out = new int[axes.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = (int) axes[i];
    }
    return out;
  }

  private static int[] inverse(int[] perm) {
    int[] inverse = new int[perm.length];
    for (int i = 0; i < perm.length; i++) {
      inverse[perm[i]] = i;
    }
    return inverse;
  }

  // ---- arg-reductions: integer indices; TensorFlow's gradient is None for both inputs ----

  public static final Op ARG_MAX = Op.define("ArgMax")
      .outputShape(ReductionOps::argShape)
      .notDifferentiable();

  public static final Op ARG_MIN = Op.define("ArgMin")
      .outputShape(ReductionOps::argShape)
      .notDifferentiable();

  private static long[] argShape(Operand[] in, Attrs a) {
    long[] x = in[0].shape();
    if (in[1].shape().length != 0) {
      throw new InvalidArgumentError("dim must be a scalar, but received tensor of shape: "
          + Shapes.str(in[1].shape()));
    }
    long dim = in[1].longValues()[0];
    long axis = dim < 0 ? dim + x.length : dim;
    if (axis < 0 || axis >= x.length) {
      throw new InvalidArgumentError("Expected dimension in the range [" + -x.length + ", "
          + x.length + "), but got " + dim);
    }
    if (x[(int) axis] == 0) {
      throw new InvalidArgumentError("Reduction axis " + dim + " is empty in shape " + Shapes.str(x));
    }
    long[] out = new long[x.length - 1];
    for (int i = 0, j = 0; i < x.length; i++) {
      if (i != axis) {
        out[j++] = x[i];
      }
    }
    return out;
  }

  // ---- cumulative scans along the scalar axis held by input 1 ----

  /** The gradient is the same scan of dy in the other direction. */
  public static final Op CUMSUM = Op.define("Cumsum")
      .outputShape(ReductionOps::scanShape)
      .gradient((o, c) -> grads(o.cumsum(c.dy(), scanAxis(c), c.attrs().bool("exclusive"),
          !c.attrs().bool("reverse")), null));

  /** TensorFlow's _CumprodGrad: divide_no_nan(reverse cumsum(cumprod(x) * dy), x), so 0 where x is 0. */
  public static final Op CUMPROD = Op.define("Cumprod")
      .outputShape(ReductionOps::scanShape)
      .gradient((o, c) -> {
        int axis = scanAxis(c);
        boolean exclusive = c.attrs().bool("exclusive");
        boolean reverse = c.attrs().bool("reverse");
        Operand prod = o.cumprod(c.x(), axis, exclusive, reverse);
        Operand out = o.cumsum(o.mul(prod, c.dy()), axis, exclusive, !reverse);
        return grads(o.divNoNan(out, c.x()), null);
      });

  private static int scanAxis(OpCall c) {
    return (int) c.y().longValues()[0];
  }

  private static long[] scanShape(Operand[] in, Attrs a) {
    long[] x = in[0].shape();
    if (in[1].shape().length != 0) {
      throw new InvalidArgumentError("ScanOp: axis must be a scalar, not "
          + Shapes.str(in[1].shape()));
    }
    long axis = in[1].longValues()[0];
    long normalized = axis < 0 ? axis + x.length : axis;
    if (normalized < 0 || normalized >= x.length) {
      throw new InvalidArgumentError("ScanOp: Expected scan axis in the range [" + -x.length + ", "
          + x.length + "), but got " + normalized);
    }
    return x;
  }

  // ---- needed by Cumprod's gradient ----

  /** x / y, and 0 wherever y is 0 (even for x = 0 or NaN). */
  public static final Op DIV_NO_NAN = Op.define("DivNoNan").broadcasting()
      .outputShape(ShapeRules::broadcastAll)
      .gradient((o, c) -> grads(
          o.divNoNan(c.dy(), c.y()),
          o.mul(c.dy(), o.divNoNan(o.divNoNan(o.neg(c.x()), c.y()), c.y()))));
}
