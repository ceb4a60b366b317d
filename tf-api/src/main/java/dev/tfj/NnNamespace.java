package dev.tfj;

import static dev.tfj.Ops.RUN;
import static dev.tfj.Ops.handle;
import static dev.tfj.Ops.unary;

import dev.tfj.errors.ValueError;
import dev.tfj.ops.DType;
import dev.tfj.ops.MathOps;
import dev.tfj.ops.Operand;
import dev.tfj.ops.TensorShape;

/** {@code tf.nn}: neural-network ops, and the aliases TensorFlow also files here (tf.nn.sigmoid, ...). */
public final class NnNamespace {
  NnNamespace() {}

  // ---- activations (elementwise; issue 3) ----

  /** max(x, 0); its gradient at 0 is 0. */
  public Tensor relu(Object features) {
    return unary(features, RUN::relu);
  }

  /** min(max(x, 0), 6). */
  public Tensor relu6(Object features) {
    return unary(features, RUN::relu6);
  }

  public Tensor leaky_relu(Object features) {
    return leaky_relu(features, 0.2);
  }

  /** x where x > 0, else alpha * x; integer features are first cast to float32, as in TensorFlow. */
  public Tensor leaky_relu(Object features, double alpha) {
    Operand x = handle(features);
    Operand floating = x.dtype().is_integer() ? RUN.cast(x, DType.FLOAT32) : x;
    return Tensor.wrap(RUN.leakyRelu(floating, (float) alpha));
  }

  public Tensor elu(Object features) {
    return unary(features, RUN::elu);
  }

  public Tensor selu(Object features) {
    return unary(features, RUN::selu);
  }

  public Tensor gelu(Object features) {
    return gelu(features, false);
  }

  /**
   * TensorFlow's composite: 0.5 * x * (1 + erf(x / sqrt(2))), or with {@code approximate}
   * 0.5 * x * (1 + tanh(0.7978845608028654 * (x + 0.044715 * x^3))). TensorFlow casts sqrt(2)
   * and 0.044715 from float32 (math_ops.cast of a Python float), so float64 sees them rounded too.
   */
  public Tensor gelu(Object features, boolean approximate) {
    Operand x = handle(features);
    DType t = x.dtype();
    if (!t.is_floating()) {
      throw new ValueError("`features.dtype` must be a floating point tensor.Received:features.dtype="
          + "<dtype: '" + t.typeName() + "'>");
    }
    Operand inner = approximate
        ? RUN.tanh(RUN.mul(RUN.scalar(t, 0.7978845608028654),
            RUN.add(x, RUN.mul(castFromFloat32(0.044715, t), RUN.pow(x, RUN.scalar(t, 3))))))
        : RUN.erf(RUN.div(x, castFromFloat32(1.4142135623730951, t)));
    return Tensor.wrap(RUN.mul(RUN.mul(RUN.scalar(t, 0.5), x), RUN.add(RUN.scalar(t, 1), inner)));
  }

  /** {@code math_ops.cast(python_float, dtype)}: the float becomes a float32 tensor first. */
  private static Operand castFromFloat32(double value, DType t) {
    Operand f = RUN.scalar(DType.FLOAT32, value);
    return t == DType.FLOAT32 ? f : RUN.cast(f, t);
  }

  public Tensor softplus(Object features) {
    return tf.math.softplus(features);
  }

  public Tensor sigmoid(Object x) {
    return tf.sigmoid(x);
  }

  public Tensor tanh(Object x) {
    return tf.tanh(x);
  }

  /**
   * TensorFlow's composite max(x, 0) - x * z + log1p(exp(-|x|)) for logits x and labels z, with
   * max and |x| spelled as selects so the gradient at 0 is defined. Labels convert on their own.
   */
  public Tensor sigmoid_cross_entropy_with_logits(Object labels, Object logits) {
    Operand x = handle(logits);
    Operand z = handle(labels);
    if (!java.util.Arrays.equals(x.shape(), z.shape())) {
      throw new ValueError("`logits` and `labels` must have the same shape, received ("
          + new TensorShape(x.shape()) + " vs " + new TensorShape(z.shape()) + ").");
    }
    Operand zeros = RUN.zerosLike(x);
    Operand positive = RUN.compare(MathOps.GREATER_EQUAL, x, zeros);
    Operand reluLogits = RUN.select(positive, x, zeros);
    Operand negAbsLogits = RUN.select(positive, RUN.neg(x), x);
    return Tensor.wrap(RUN.add(RUN.sub(reluLogits, RUN.mul(x, z)), RUN.log1p(RUN.exp(negAbsLogits))));
  }

  // ---- softmax, losses, bias_add, l2_loss, dropout, moments (issue 3) ----
}
