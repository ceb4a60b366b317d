package dev.tfj.ops;

import static dev.tfj.ops.GradientFn.grads;

/**
 * The elementwise activations of tf.nn, with gradients as TensorFlow's nn_grad.py defines them.
 * Each gradient is written with ops rather than TensorFlow's *Grad kernels, computing the same
 * expression in the same order (so NaN and infinity travel as they do there).
 */
public final class ActivationOps {
  private ActivationOps() {}

  static void load() {}

  /** SELU's constants, as TensorFlow's kernel spells them. */
  public static final double SELU_SCALE = 1.0507009873554804934193349852946;
  public static final double SELU_SCALE_ALPHA = 1.7580993408473768599402175208123;

  /** ReluGrad multiplies dy by (x > 0): 0 at x = 0, and NaN where dy is infinite and x <= 0. */
  public static final Op RELU = activation("Relu")
      .gradient((o, c) -> grads(o.mul(c.dy(), mask(o, o.compare(MathOps.GREATER, c.x(), zero(o, c.x())),
          c.dy()))));

  /** Relu6Grad multiplies dy by (0 < x < 6). */
  public static final Op RELU6 = activation("Relu6")
      .gradient((o, c) -> {
        Operand x = c.x();
        Operand inside = o.logicalAnd(o.compare(MathOps.GREATER, x, zero(o, x)),
            o.compare(MathOps.LESS, x, o.scalar(x.dtype(), 6)));
        return grads(o.mul(c.dy(), mask(o, inside, c.dy())));
      });

  /** LeakyReluGrad selects dy where x > 0 and alpha * dy elsewhere (so alpha at 0). */
  public static final Op LEAKY_RELU = activation("LeakyRelu")
      .gradient((o, c) -> {
        Operand x = c.x();
        Operand alpha = o.scalar(x.dtype(), (float) c.attrs().real("alpha"));
        return grads(o.select(o.compare(MathOps.GREATER, x, zero(o, x)), c.dy(), o.mul(c.dy(), alpha)));
      });

  /** EluGrad, from the output y: (y + 1) * dy where y < 0, else dy. */
  public static final Op ELU = activation("Elu")
      .gradient((o, c) -> {
        Operand y = c.out();
        return grads(o.select(o.compare(MathOps.LESS, y, zero(o, y)),
            o.mul(o.add(y, o.scalar(y.dtype(), 1)), c.dy()), c.dy()));
      });

  /** SeluGrad, from the output y: dy * (y + scale * alpha) where y < 0, else dy * scale. */
  public static final Op SELU = activation("Selu")
      .gradient((o, c) -> {
        Operand y = c.out();
        return grads(o.select(o.compare(MathOps.LESS, y, zero(o, y)),
            o.mul(c.dy(), o.add(y, o.scalar(y.dtype(), SELU_SCALE_ALPHA))),
            o.mul(c.dy(), o.scalar(y.dtype(), SELU_SCALE))));
      });

  /** SoftplusGrad: dy / (exp(-x) + 1). */
  public static final Op SOFTPLUS = activation("Softplus")
      .gradient((o, c) -> grads(o.div(c.dy(), o.add(o.exp(o.neg(c.x())), o.scalar(c.x().dtype(), 1)))));

  private static Op activation(String name) {
    return Op.define(name).outputShape(ShapeRules::sameAsFirst);
  }

  private static Operand zero(OpRunner o, Operand like) {
    return o.scalar(like.dtype(), 0);
  }

  /** A bool condition as 1 and 0 of {@code like}'s dtype, for the kernels that multiply by it. */
  private static Operand mask(OpRunner o, Operand condition, Operand like) {
    return o.cast(condition, like.dtype());
  }
}
