package dev.tfj.ops;

import static dev.tfj.ops.GradientFn.grads;

import dev.tfj.errors.InvalidArgumentError;

/**
 * Neural-network ops that are not elementwise: softmax over the last axis, the fused softmax
 * cross-entropy losses, bias_add and l2_loss, with the shape checks of TensorFlow's kernels and
 * the gradients of nn_grad.py.
 */
public final class NnOps {
  private NnOps() {}

  static void load() {}

  /** (dy - sum(dy * y, -1)) * y; in float64 with the rounding residual taken out (below). */
  public static final Op SOFTMAX = Op.define("Softmax")
      .outputShape(NnOps::logitsShape)
      .gradient((o, c) -> {
        Operand y = c.out();
        Operand centered = o.sub(c.dy(), rowSum(o, o.mul(c.dy(), y)));
        if (y.dtype() == DType.FLOAT64) {
          centered = o.sub(centered, rowSum(o, o.mul(centered, y)));
        }
        return grads(o.mul(centered, y));
      });

  /** dy - sum(dy, -1) * exp(y); in float64 with the rounding residual taken out (below). */
  public static final Op LOG_SOFTMAX = Op.define("LogSoftmax")
      .outputShape(NnOps::logitsShape)
      .gradient((o, c) -> {
        Operand p = o.exp(c.out());
        Operand grad = o.sub(c.dy(), o.mul(rowSum(o, c.dy()), p));
        if (p.dtype() == DType.FLOAT64) {
          grad = o.sub(grad, o.mul(rowSum(o, grad), p));
        }
        return grads(grad);
      });

  /*
   * Both gradients sum to zero along the row (softmax does not change when every logit moves
   * by the same amount). When one probability rounds to 1, the first pass loses the tail at that
   * class ([37.43, 0] gives [0, -5.55e-17] where the gradient is [5.55e-17, -5.55e-17]), and the
   * row's sum is exactly what was lost. TensorFlow's newer nn_grad.py (after 2.18) takes that
   * residual out again for float64, projected along the probabilities; other dtypes keep the
   * one-pass formula of TensorFlow 2.18's kernels, bit for bit.
   */

  private static Operand rowSum(OpRunner o, Operand x) {
    return o.reduceSum(x, new int[] {-1}, true);
  }

  private static long[] logitsShape(Operand[] in, Attrs a) {
    long[] logits = in[0].shape();
    if (logits.length < 1) {
      throw new InvalidArgumentError("logits must have >= 1 dimension, got " + Shapes.str(logits));
    }
    return logits;
  }

  /**
   * (features [batch, classes], labels broadcastable to it) -> (loss [batch], backprop). TF2
   * differentiates the labels too: their gradient is -log_softmax(features) per loss.
   */
  public static final Op SOFTMAX_CROSS_ENTROPY = Op.define("SoftmaxCrossEntropyWithLogits")
      .nullGradientWhenUnused(1)
      .shape((in, a) -> {
        long[] logits = in[0].shape();
        long[] labels = in[1].shape();
        long[] shape = logits;
        if (!java.util.Arrays.equals(logits, labels)) {
          try {
            shape = Shapes.broadcast(logits, labels);
          } catch (InvalidArgumentError e) {
            throw new InvalidArgumentError("logits and labels must be broadcastable: logits_size="
                + Shapes.str(logits) + " labels_size=" + Shapes.str(labels));
          }
        }
        if (shape.length != 2) {
          throw new InvalidArgumentError("logits and labels must be either 2-dimensional, or"
              + " broadcasted to be 2-dimensional");
        }
        return new long[][] {{shape[0]}, shape};
      })
      .gradient((o, c) -> grads(
          crossEntropyFeaturesGradient(o, c),
          perExample(o, c.dy(), o.neg(o.logSoftmax(c.x())))));

  /** (features [batch, classes], int labels [batch]) -> (loss [batch], backprop). */
  public static final Op SPARSE_SOFTMAX_CROSS_ENTROPY = Op.define("SparseSoftmaxCrossEntropyWithLogits")
      .nullGradientWhenUnused(1)
      .shape((in, a) -> {
        long[] logits = in[0].shape();
        long[] labels = in[1].shape();
        if (logits.length != 2) {
          throw new InvalidArgumentError("logits must be 2-D, but got shape " + Shapes.str(logits));
        }
        if (labels.length != 1) {
          throw new InvalidArgumentError("labels must be 1-D, but got shape " + Shapes.str(labels));
        }
        if (logits[0] != labels[0]) {
          throw new InvalidArgumentError("logits and labels must have the same first dimension, got"
              + " logits shape " + Shapes.str(logits) + " and labels shape " + Shapes.str(labels));
        }
        if (logits[1] == 0) {
          throw new InvalidArgumentError("Must have at least one class, but got logits shape "
              + Shapes.str(logits));
        }
        return new long[][] {labels, logits};
      })
      .gradient((o, c) -> grads(crossEntropyFeaturesGradient(o, c), null));

  /**
   * The loss's gradient times the backprop output; when the backprop output itself received a
   * gradient (a second derivative), also that gradient through softmax: (g - sum(g * p)) * p.
   * TensorFlow sums g * p with a batched matmul; a row sum gives the same values.
   */
  private static Operand crossEntropyFeaturesGradient(OpRunner o, OpCall c) {
    Operand grad = perExample(o, c.dy(), c.outputs()[1]);
    Operand gradOfBackprop = c.dys()[1];
    if (gradOfBackprop == null) {
      return grad;
    }
    Operand p = o.softmax(c.x());
    Operand projected = o.reduceSum(o.mul(gradOfBackprop, p), new int[] {1}, true);
    return o.add(grad, o.mul(o.sub(gradOfBackprop, projected), p));
  }

  /** nn_grad.py's _BroadcastMul: a per-example vector times a [batch, classes] matrix. */
  private static Operand perExample(OpRunner o, Operand vector, Operand matrix) {
    return o.mul(o.expandDims(vector, -1), matrix);
  }

  /**
   * value + bias along the channel axis: the last one (NHWC), or axis 1 (NCHW). The bias's
   * gradient sums the rest away (TensorFlow's BiasAddGrad).
   */
  public static final Op BIAS_ADD = Op.define("BiasAdd")
      .outputShape((in, a) -> {
        long[] value = in[0].shape();
        long[] bias = in[1].shape();
        if (value.length < 2) {
          throw new InvalidArgumentError("Input tensor must be at least 2D: " + Shapes.str(value));
        }
        if (bias.length != 1) {
          throw new InvalidArgumentError("Biases must be 1D: " + Shapes.str(bias));
        }
        if (bias[0] != value[channelAxis(value.length, a)]) {
          throw new InvalidArgumentError("Must provide as many biases as the last dimension of the"
              + " input tensor: " + Shapes.str(bias) + " vs. " + Shapes.str(value));
        }
        return value;
      })
      .gradient((o, c) -> {
        int rank = c.x().shape().length;
        int channel = channelAxis(rank, c.attrs());
        int[] others = new int[rank - 1];
        for (int i = 0, j = 0; i < rank; i++) {
          if (i != channel) {
            others[j++] = i;
          }
        }
        return grads(c.dy(), o.reduceSum(c.dy(), others, false));
      });

  /** The axis BiasAdd adds along: 1 for NCHW, else the last (the same axis for rank 2). */
  public static int channelAxis(int rank, Attrs attrs) {
    return "NCHW".equals(attrs.get("data_format")) ? 1 : rank - 1;
  }

  /** sum(t ** 2) / 2; the gradient is t * dy. */
  public static final Op L2_LOSS = Op.define("L2Loss")
      .outputShape((in, a) -> Shapes.SCALAR)
      .gradient((o, c) -> grads(o.mul(c.x(), c.dy())));
}
