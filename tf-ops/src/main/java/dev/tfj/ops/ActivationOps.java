package dev.tfj.ops;

import static dev.tfj.ops.GradientFn.grads;

/**
 * The elementwise activations of tf.nn, with gradients as TensorFlow's nn_grad.py defines them.
 * Gradients are written with ops computing the same expression in the same order as TensorFlow's
 * *Grad kernels (so NaN and infinity travel as they do there), except where second derivatives
 * need the *Grad op itself (Relu, Relu6, LeakyRelu).
 */
public final class ActivationOps {
  private ActivationOps() {}

  static void load() {}

  /** SELU's constants, as TensorFlow's kernel spells them. */
  public static final double SELU_SCALE = 1.0507009873554804934193349852946;
  public static final double SELU_SCALE_ALPHA = 1.7580993408473768599402175208123;

  /** TensorFlow's Relu gradient is ReluGrad of the output (y > 0 exactly where x > 0). */
  public static final Op RELU = activation("Relu")
      .gradient((o, c) -> grads(o.reluGrad(c.dy(), c.out())));

  /** Relu6's gradient is Relu6Grad of the output. */
  public static final Op RELU6 = activation("Relu6")
      .gradient((o, c) -> grads(o.relu6Grad(c.dy(), c.out())));

  /** LeakyRelu's gradient is LeakyReluGrad of the input, with the same alpha. */
  public static final Op LEAKY_RELU = activation("LeakyRelu")
      .gradient((o, c) -> grads(o.leakyReluGrad(c.dy(), c.x(), (float) c.attrs().real("alpha"))));

  /*
   * The three gradients above are ops of their own, not composites, because of what their own
   * gradients say: TensorFlow differentiates ReluGrad(dy, features) as (ReluGrad(ddy, features),
   * zeros), so a second derivative through relu is zeros, where a composite that masks dy by
   * a comparison would give None.
   */

  /** dy * (features > 0): 0 at 0, and NaN where dy is infinite and features <= 0. */
  public static final Op RELU_GRAD = activationGrad("ReluGrad")
      .gradient((o, c) -> grads(o.reluGrad(c.dy(), c.y()), o.zerosLike(c.y())));

  /** dy * (0 < features < 6). */
  public static final Op RELU6_GRAD = activationGrad("Relu6Grad")
      .gradient((o, c) -> grads(o.relu6Grad(c.dy(), c.y()), o.zerosLike(c.y())));

  /** dy where features > 0, else alpha * dy (so alpha at 0). */
  public static final Op LEAKY_RELU_GRAD = activationGrad("LeakyReluGrad")
      .gradient((o, c) -> grads(o.leakyReluGrad(c.dy(), c.y(), (float) c.attrs().real("alpha")),
          o.zerosLike(c.y())));

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

  /** (gradients, features) of one shape, as TensorFlow's kernels require. */
  private static Op activationGrad(String name) {
    return Op.define(name).outputShape((in, a) -> ShapeRules.allSameShape(in, name));
  }

  private static Operand zero(OpRunner o, Operand like) {
    return o.scalar(like.dtype(), 0);
  }
}
