package dev.tfj;

import static dev.tfj.Ops.RUN;
import static dev.tfj.Ops.handle;
import static dev.tfj.Ops.unary;

import dev.tfj.eager.RandomSeeds;
import dev.tfj.eager.TensorHandle;
import dev.tfj.errors.ValueError;
import dev.tfj.ops.DType;
import dev.tfj.ops.MathOps;
import dev.tfj.ops.Operand;
import dev.tfj.ops.TensorShape;
import java.util.Arrays;
import java.util.List;

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

  public Tensor softmax(Object logits) {
    return softmax(logits, -1);
  }

  /** exp(logits) / sum(exp(logits)) along {@code axis}. */
  public Tensor softmax(Object logits, int axis) {
    return SoftmaxComposites.onAxis(logits, axis, RUN::softmax);
  }

  public Tensor log_softmax(Object logits) {
    return log_softmax(logits, -1);
  }

  /** logits - log(sum(exp(logits))) along {@code axis}. */
  public Tensor log_softmax(Object logits, int axis) {
    return SoftmaxComposites.onAxis(logits, axis, RUN::logSoftmax);
  }

  public Tensor softmax_cross_entropy_with_logits(Object labels, Object logits) {
    return softmax_cross_entropy_with_logits(labels, logits, -1);
  }

  /**
   * -sum(labels * log_softmax(logits)) along the class {@code axis}; labels (a distribution per
   * example) take the logits' dtype and get a gradient too.
   */
  public Tensor softmax_cross_entropy_with_logits(Object labels, Object logits, int axis) {
    return SoftmaxComposites.softmaxCrossEntropy(labels, logits, axis);
  }

  /** -log_softmax(logits)[label] per example; labels are int32 or int64 class indices. */
  public Tensor sparse_softmax_cross_entropy_with_logits(Object labels, Object logits) {
    return SoftmaxComposites.sparseSoftmaxCrossEntropy(labels, logits);
  }

  public Tensor bias_add(Object value, Object bias) {
    return bias_add(value, bias, null);
  }

  /**
   * value + bias along the channel axis: the last one for {@code data_format} null or "N...C",
   * axis 1 for "NC...".
   */
  public Tensor bias_add(Object value, Object bias, String data_format) {
    String format = "NHWC";
    if (data_format != null && data_format.startsWith("NC")) {
      format = "NCHW";
    } else if (data_format != null && !(data_format.startsWith("N") && data_format.endsWith("C"))) {
      throw new ValueError("`data_format` must be of the form `N...C` or `NC...`. Received:"
          + " data_format=" + data_format);
    }
    TensorHandle[] vb = Ops.matching(value, bias);
    return Tensor.wrap(RUN.biasAdd(vb[0], vb[1], format));
  }

  /** sum(t ** 2) / 2. */
  public Tensor l2_loss(Object t) {
    return Ops.unary(t, RUN::l2Loss);
  }

  public Tensor dropout(Object x, Object rate) {
    return dropout(x, rate, null, null);
  }

  public Tensor dropout(Object x, Object rate, long[] noise_shape) {
    return dropout(x, rate, noise_shape, null);
  }

  /**
   * Zeroes each element with probability {@code rate} and scales the rest by 1 / (1 - rate);
   * {@code noise_shape} (null: x's shape) broadcasts one keep/drop draw over x. The draw is
   * tf.random.uniform with {@code seed}, so seeds give TensorFlow's masks. A rate of exactly 0
   * returns x, still taking an op seed as TensorFlow does.
   */
  public Tensor dropout(Object x, Object rate, long[] noise_shape, Long seed) {
    boolean rateIsNumber = rate instanceof Number;
    double r = rateIsNumber ? ((Number) rate).doubleValue() : 0;
    if (rateIsNumber && (r < 0 || r >= 1)) {
      throw new ValueError("`rate` must be a scalar tensor or a float in the range [0, 1)."
          + " Received: rate=" + rate);
    }
    TensorHandle input = Convert.toHandle(x, null);
    DType dtype = input.dtype;
    if (!dtype.is_floating()) {
      throw new ValueError("`x.dtype` must be a floating point tensor as `x` will be scaled."
          + " Received: x_dtype=" + dtypeStr(dtype));
    }
    if (rateIsNumber && r == 0) {
      RandomSeeds.seedsFor(seed);
      return Tensor.wrap(input);
    }
    Operand scaled;
    Operand threshold;
    if (rateIsNumber) {
      scaled = RUN.mul(input, RUN.scalar(dtype, 1 / (1 - r)));
      threshold = RUN.scalar(dtype, r);
    } else if (rate instanceof Tensor t) {
      TensorHandle rateHandle = t.handle();
      if (rateHandle.shape.length != 0) {
        throw new ValueError("Shape " + new TensorShape(rateHandle.shape) + " must have rank 0");
      }
      if (rateHandle.dtype != dtype) {
        throw new ValueError("`x.dtype` must be compatible with `rate.dtype`. Received: x.dtype="
            + dtypeStr(dtype) + " and rate.dtype=" + dtypeStr(rateHandle.dtype));
      }
      threshold = rateHandle;
      scaled = RUN.div(input, RUN.sub(RUN.scalar(dtype, 1), threshold));
    } else {
      throw new ValueError("`rate` must be a scalar or scalar tensor. Received: rate="
          + Arrays.deepToString(new Object[] {rate}).replaceAll("^\\[|\\]$", ""));
    }
    Tensor random = tf.random.uniform(noise_shape == null ? input.shape : noise_shape, 0, null, dtype, seed);
    Operand keep = RUN.compare(MathOps.GREATER_EQUAL, random.handle(), threshold);
    return Tensor.wrap(RUN.select(keep, scaled, RUN.scalar(dtype, 0)));
  }

  /** Python's str(dtype): {@code <dtype: 'int32'>}. */
  private static String dtypeStr(DType dtype) {
    return "<dtype: '" + dtype.typeName() + "'>";
  }

  public List<Tensor> moments(Object x, int[] axes) {
    return moments(x, axes, null, false);
  }

  public List<Tensor> moments(Object x, int[] axes, boolean keepdims) {
    return moments(x, axes, null, keepdims);
  }

  /**
   * [mean, variance] over {@code axes} (null: all); {@code shift} is unused, as in TensorFlow 2.
   * The variance is mean((x - stop_gradient(mean)) ** 2), so gradients reach x through the mean
   * only once. Without keepdims, size-1 axes are squeezed as TensorFlow squeezes them.
   */
  public List<Tensor> moments(Object x, int[] axes, Object shift, boolean keepdims) {
    TensorHandle y = Convert.toHandle(x, null);
    Operand mean = RUN.reduceMean(y, axes, true);
    Operand variance = RUN.reduceMean(RUN.square(RUN.sub(y, RUN.stopGradient(mean))), axes, true);
    if (!keepdims) {
      int[] squeezed = axes == null ? new int[0] : axes;
      mean = RUN.squeeze(mean, squeezed);
      variance = RUN.squeeze(variance, squeezed);
    }
    return List.of(Tensor.wrap(mean), Tensor.wrap(variance));
  }
}
