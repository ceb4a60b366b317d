package dev.tfj.ops;

import static dev.tfj.ops.GradientFn.grads;

import dev.tfj.errors.InvalidArgumentError;

/**
 * Elementwise math beyond the basic arithmetic of {@link MathOps}: unary functions, floor
 * division, extrema, logic and tests, and Where. Gradients follow TensorFlow's math_grad.py
 * (array_grad.py for Where), written with ops so that they differentiate again.
 */
public final class ElementwiseOps {
  private ElementwiseOps() {}

  static void load() {}

  // ---- unary functions ----

  /** The gradient is dy * sign(x), so 0 at x = 0. */
  public static final Op ABS = unary("Abs")
      .gradient((o, c) -> grads(o.mul(c.dy(), o.sign(c.x()))));

  /** TensorFlow gives zeros, not None. */
  public static final Op SIGN = unary("Sign")
      .gradient((o, c) -> grads(o.zerosLike(c.x())));

  /** TensorFlow's RsqrtGrad: -0.5 * (dy * y) * (y * y), and 0 wherever dy is 0. */
  public static final Op RSQRT = unary("Rsqrt")
      .gradient((o, c) -> {
        Operand y = c.out();
        Operand g = o.mul(o.scalar(y.dtype(), -0.5), o.mul(o.mul(c.dy(), y), o.mul(y, y)));
        return grads(MathOps.zeroWhereNoGradient(o, c.dy(), g));
      });

  public static final Op EXPM1 = unary("Expm1")
      .gradient((o, c) -> grads(o.mul(c.dy(), o.exp(c.x()))));

  public static final Op LOG1P = unary("Log1p")
      .gradient((o, c) -> grads(o.mul(c.dy(), o.reciprocal(o.add(one(o, c.x()), c.x())))));

  public static final Op SIN = unary("Sin")
      .gradient((o, c) -> grads(o.mul(c.dy(), o.cos(c.x()))));

  public static final Op COS = unary("Cos")
      .gradient((o, c) -> grads(o.mul(o.neg(c.dy()), o.sin(c.x()))));

  /** dy * sec(x)^2, with sec(x) = 1 / cos(x). */
  public static final Op TAN = unary("Tan")
      .gradient((o, c) -> grads(o.mul(o.square(o.reciprocal(o.cos(c.x()))), c.dy())));

  public static final Op ASIN = unary("Asin")
      .gradient((o, c) -> grads(o.mul(c.dy(), inverseSqrtOneMinusSquare(o, c.x()))));

  public static final Op ACOS = unary("Acos")
      .gradient((o, c) -> grads(o.mul(o.neg(c.dy()), inverseSqrtOneMinusSquare(o, c.x()))));

  public static final Op ATAN = unary("Atan")
      .gradient((o, c) -> grads(o.mul(c.dy(),
          o.reciprocal(o.add(one(o, c.x()), o.square(c.x()))))));

  public static final Op SINH = unary("Sinh")
      .gradient((o, c) -> grads(o.mul(c.dy(), o.cosh(c.x()))));

  public static final Op COSH = unary("Cosh")
      .gradient((o, c) -> grads(o.mul(c.dy(), o.sinh(c.x()))));

  /** TensorFlow's TanhGrad: dy * (1 - y * y). */
  public static final Op TANH = unary("Tanh")
      .gradient((o, c) -> grads(o.mul(c.dy(), o.sub(one(o, c.out()), o.mul(c.out(), c.out())))));

  /** TensorFlow's SigmoidGrad: dy * y * (1 - y). */
  public static final Op SIGMOID = unary("Sigmoid")
      .gradient((o, c) -> grads(o.mul(o.mul(c.dy(), c.out()), o.sub(one(o, c.out()), c.out()))));

  /** dy * 2/sqrt(pi) * exp(-x^2). */
  public static final Op ERF = unary("Erf")
      .gradient((o, c) -> grads(o.mul(
          o.mul(c.dy(), o.scalar(c.dy().dtype(), 2 / Math.sqrt(Math.PI))),
          o.exp(o.neg(o.square(c.x()))))));

  /** Floor, Ceil and Round register a gradient of None (not zeros) in TensorFlow. */
  public static final Op FLOOR = unary("Floor").gradient((o, c) -> grads((Operand) null));

  public static final Op CEIL = unary("Ceil").gradient((o, c) -> grads((Operand) null));

  /** Rounds half to even. */
  public static final Op ROUND = unary("Round").gradient((o, c) -> grads((Operand) null));

  private static Op unary(String name) {
    return Op.define(name).outputShape(ShapeRules::sameAsFirst);
  }

  private static Operand one(OpRunner o, Operand like) {
    return o.scalar(like.dtype(), 1);
  }

  /** 1 / sqrt(1 - x^2), the common factor of asin' and acos'. */
  private static Operand inverseSqrtOneMinusSquare(OpRunner o, Operand x) {
    return o.reciprocal(o.sqrt(o.sub(one(o, x), o.square(x))));
  }

  // ---- binary (broadcasting) ----

  /** Python's {@code //}: floor(x / y). TensorFlow gives it no gradient. */
  public static final Op FLOOR_DIV = binary("FloorDiv").gradient((o, c) -> grads(null, null));

  /** Python's {@code %}: the remainder takes the sign of y. Gradients dy and -dy * floor(x / y). */
  public static final Op FLOOR_MOD = binary("FloorMod")
      .gradient((o, c) -> grads(c.dy(), o.mul(c.dy(), o.neg(o.floorDiv(c.x(), c.y())))));

  /** Where x == y the whole gradient goes to x. */
  public static final Op MAXIMUM = binary("Maximum")
      .gradient((o, c) -> routeByMask(o, c, o.compare(MathOps.GREATER_EQUAL, c.x(), c.y())));

  /** Where x == y the whole gradient goes to x. */
  public static final Op MINIMUM = binary("Minimum")
      .gradient((o, c) -> routeByMask(o, c, o.compare(MathOps.LESS_EQUAL, c.x(), c.y())));

  /** (x - y)^2: gradients 2 * dy * (x - y) and its negative. */
  public static final Op SQUARED_DIFFERENCE = binary("SquaredDifference")
      .gradient((o, c) -> {
        Operand dx = o.mul(o.mul(o.scalar(c.dy().dtype(), 2), c.dy()), o.sub(c.x(), c.y()));
        return grads(dx, o.neg(dx));
      });

  private static Op binary(String name) {
    return Op.define(name).broadcasting().outputShape(ShapeRules::broadcastAll);
  }

  /** dy to x where {@code toX} holds, to y elsewhere (TensorFlow's _MaximumMinimumGrad). */
  private static Operand[] routeByMask(OpRunner o, OpCall c, Operand toX) {
    Operand zeros = o.zerosLike(c.dy());
    return grads(o.select(toX, c.dy(), zeros), o.select(toX, zeros, c.dy()));
  }

  // ---- logic and tests: bool outputs, nothing to differentiate ----

  public static final Op LOGICAL_AND = binary("LogicalAnd").notDifferentiable();
  public static final Op LOGICAL_OR = binary("LogicalOr").notDifferentiable();
  public static final Op LOGICAL_NOT = unary("LogicalNot").notDifferentiable();
  public static final Op IS_NAN = unary("IsNan").notDifferentiable();
  public static final Op IS_FINITE = unary("IsFinite").notDifferentiable();

  /**
   * One-argument tf.where: the coordinates of the true (nonzero) elements, int64 of shape
   * [count, rank]. Its size depends on the values, so the shape rule counts them.
   */
  public static final Op WHERE = Op.define("Where")
      .outputShape((in, a) -> {
        int rank = in[0].shape().length;
        if (rank < 1 || rank > 8) {
          throw new InvalidArgumentError("WhereOp : Unhandled input dimensions: " + rank);
        }
        long count = 0;
        for (double v : in[0].doubleValues()) {
          count += v != 0 ? 1 : 0;
        }
        return new long[] {count, rank};
      })
      .notDifferentiable();
}
