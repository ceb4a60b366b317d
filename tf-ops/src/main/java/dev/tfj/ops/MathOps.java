package dev.tfj.ops;

import static dev.tfj.ops.GradientFn.grads;

import dev.tfj.errors.InvalidArgumentError;

/**
 * Math ops: each is declared, then its shape rule and gradient follow it, as TensorFlow's
 * gradient registry (math_grad.py) defines them. Complex dtypes are not supported, so the
 * conjugations TensorFlow's rules apply are no-ops and left out.
 */
public final class MathOps {
  private MathOps() {}

  static void load() {}

  // ---- elementwise binary (broadcasting) ----

  public static final Op ADD = Op.define("AddV2").broadcasting()
      .outputShape(ShapeRules::broadcastAll)
      .gradient((o, c) -> grads(c.dy(), c.dy()));

  public static final Op SUB = Op.define("Sub").broadcasting()
      .outputShape(ShapeRules::broadcastAll)
      .gradient((o, c) -> grads(c.dy(), o.neg(c.dy())));

  public static final Op MUL = Op.define("Mul").broadcasting()
      .outputShape(ShapeRules::broadcastAll)
      .gradient((o, c) -> grads(o.mul(c.dy(), c.y()), o.mul(c.x(), c.dy())));

  public static final Op REAL_DIV = Op.define("RealDiv").broadcasting()
      .outputShape(ShapeRules::broadcastAll)
      .gradient((o, c) -> grads(
          o.div(c.dy(), c.y()),
          o.mul(c.dy(), o.div(o.div(o.neg(c.x()), c.y()), c.y()))));

  /** d/dx = dy * y * x^(y-1); d/dy = dy * z * log(x), with log(x) taken as 0 where x <= 0. */
  public static final Op POW = Op.define("Pow").broadcasting()
      .outputShape(ShapeRules::broadcastAll)
      .gradient((o, c) -> {
        Operand x = c.x();
        Operand y = c.y();
        Operand dx = o.mul(o.mul(c.dy(), y), o.pow(x, o.sub(y, o.scalar(y.dtype(), 1))));
        Operand positive = o.compare(MathOps.GREATER, x, o.scalar(x.dtype(), 0));
        Operand logX = o.select(positive, o.log(o.select(positive, x, o.onesLike(x))), o.zerosLike(x));
        return grads(dx, o.mul(o.mul(c.dy(), c.out()), logX));
      });

  // ---- comparisons: bool outputs, nothing to differentiate ----

  public static final Op EQUAL = comparison("Equal");
  public static final Op NOT_EQUAL = comparison("NotEqual");
  public static final Op LESS = comparison("Less");
  public static final Op LESS_EQUAL = comparison("LessEqual");
  public static final Op GREATER = comparison("Greater");
  public static final Op GREATER_EQUAL = comparison("GreaterEqual");

  private static Op comparison(String name) {
    return Op.define(name).outputShape(ShapeRules::broadcastAll).notDifferentiable();
  }

  // ---- elementwise unary ----

  public static final Op NEG = Op.define("Neg")
      .outputShape(ShapeRules::sameAsFirst)
      .gradient((o, c) -> grads(o.neg(c.dy())));

  public static final Op SQUARE = Op.define("Square")
      .outputShape(ShapeRules::sameAsFirst)
      .gradient((o, c) -> grads(o.mul(c.dy(), o.mul(c.x(), o.scalar(c.x().dtype(), 2)))));

  /** TensorFlow's SqrtGrad: 0.5 * dy / y, so +inf at 0 (but 0 wherever dy is 0). */
  public static final Op SQRT = Op.define("Sqrt")
      .outputShape(ShapeRules::sameAsFirst)
      .gradient((o, c) -> grads(zeroWhereNoGradient(o, c.dy(),
          o.div(o.mul(o.scalar(c.dy().dtype(), 0.5), c.dy()), c.out()))));

  public static final Op EXP = Op.define("Exp")
      .outputShape(ShapeRules::sameAsFirst)
      .gradient((o, c) -> grads(o.mul(c.dy(), c.out())));

  public static final Op LOG = Op.define("Log")
      .outputShape(ShapeRules::sameAsFirst)
      .gradient((o, c) -> grads(o.mul(c.dy(), o.reciprocal(c.x()))));

  /** TensorFlow's ReciprocalGrad: -dy * y * y (0 wherever dy is 0). */
  public static final Op RECIPROCAL = Op.define("Reciprocal")
      .outputShape(ShapeRules::sameAsFirst)
      .gradient((o, c) -> grads(zeroWhereNoGradient(o, c.dy(),
          o.mul(o.mul(o.neg(c.dy()), c.out()), c.out()))));

  /**
   * {@code gradient} with zeros wherever {@code dy} is 0, as TensorFlow's SqrtGrad, RsqrtGrad and
   * ReciprocalGrad kernels give, so an infinite or NaN output does not turn 0 * inf into NaN.
   */
  static Operand zeroWhereNoGradient(OpRunner o, Operand dy, Operand gradient) {
    Operand zeros = o.zerosLike(dy);
    return o.select(o.compare(EQUAL, dy, zeros), zeros, gradient);
  }

  /** Casts differentiate only between floating types; the gradient is cast back. */
  public static final Op CAST = Op.define("Cast")
      .outputShape(ShapeRules::sameAsFirst)
      .gradient((o, c) -> {
        boolean floating = c.x().dtype().is_floating() && c.out().dtype().is_floating();
        return grads(floating ? o.cast(c.dy(), c.x().dtype()) : null);
      });

  public static final Op ADD_N = Op.define("AddN")
      .outputShape((in, a) -> ShapeRules.allSameShape(in, "AddN"))
      .gradient((o, c) -> {
        Operand[] g = new Operand[c.inputs().length];
        java.util.Arrays.fill(g, c.dy());
        return g;
      });

  // ---- reductions ----

  /** The gradient broadcasts back over the reduced axes. */
  public static final Op SUM = Op.define("Sum")
      .outputShape(ShapeRules::reduction)
      .gradient((o, c) -> grads(sumGradient(o, c), null));

  /** Sum's gradient divided by how many elements each output averaged. */
  public static final Op MEAN = Op.define("Mean")
      .outputShape(ShapeRules::reduction)
      .gradient((o, c) -> {
        long factor = Math.max(1, Shapes.numElements(c.x().shape())
            / Math.max(1, Shapes.numElements(c.out().shape())));
        return grads(o.div(sumGradient(o, c), o.scalar(c.dy().dtype(), factor)), null);
      });

  static Operand sumGradient(OpRunner o, OpCall c) {
    long[] x = c.x().shape();
    return o.broadcastTo(o.reshape(c.dy(), ShapeRules.keptDims(x, c.y().longValues())), x);
  }

  // ---- linear algebra ----

  public static final Op MAT_MUL = Op.define("MatMul")
      .outputShape(MathOps::matmulShape)
      .gradient((o, c) -> {
        boolean ta = c.attrs().bool("transpose_a");
        boolean tb = c.attrs().bool("transpose_b");
        Operand a = c.x();
        Operand b = c.y();
        Operand g = c.dy();
        if (!ta && !tb) {
          return grads(o.matmul(g, b, false, true), o.matmul(a, g, true, false));
        } else if (!ta) {
          return grads(o.matmul(g, b, false, false), o.matmul(g, a, true, false));
        } else if (!tb) {
          return grads(o.matmul(b, g, false, true), o.matmul(a, g, false, false));
        }
        return grads(o.matmul(b, g, true, true), o.matmul(g, a, true, true));
      });

  private static long[] matmulShape(Operand[] in, Attrs attrs) {
    long[] a = in[0].shape();
    long[] b = in[1].shape();
    if (a.length != 2) {
      throw new InvalidArgumentError("In[0] is not a matrix. Instead it has shape " + Shapes.str(a));
    }
    if (b.length != 2) {
      throw new InvalidArgumentError("In[1] is not a matrix. Instead it has shape " + Shapes.str(b));
    }
    boolean ta = attrs.bool("transpose_a");
    boolean tb = attrs.bool("transpose_b");
    if (a[ta ? 0 : 1] != b[tb ? 1 : 0]) {
      throw new InvalidArgumentError("Matrix size-incompatible: In[0]: " + Shapes.str(a)
          + ", In[1]: " + Shapes.str(b));
    }
    return new long[] {a[ta ? 1 : 0], b[tb ? 0 : 1]};
  }
}
