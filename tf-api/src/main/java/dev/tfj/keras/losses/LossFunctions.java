package dev.tfj.keras.losses;

import dev.tfj.Tensor;
import dev.tfj.errors.ValueError;
import dev.tfj.keras.Activations;
import dev.tfj.keras.ShapeText;
import dev.tfj.tf;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The functional losses, {@code tf.keras.losses.*} and {@code tf.losses.*}, as Keras 3 and its
 * TensorFlow backend compute them, with their shape checks and messages. A softmax or sigmoid
 * output made by Keras's activations is replaced by its logits, as Keras's {@code _keras_logits}.
 */
public class LossFunctions {
  private static final Logger LOG = LoggerFactory.getLogger(LossFunctions.class);
  private static final double EPSILON = 1e-7;

  LossFunctions() {}

  static Tensor floatx(Object x) {
    Tensor t = x instanceof Tensor tensor ? tensor : tf.constant(x);
    return t.dtype() == tf.float32 ? t : tf.cast(t, tf.float32);
  }

  private static Tensor like(Object x, Tensor reference) {
    Tensor t = x instanceof Tensor tensor ? tensor : tf.constant(x);
    return t.dtype() == reference.dtype() ? t : tf.cast(t, reference.dtype());
  }

  /** Keras's {@code squeeze_or_expand_to_same_rank}: a trailing axis of 1 squeezed (or a rank-1 expanded). */
  public static Tensor[] squeezeOrExpandToSameRank(Tensor x1, Tensor x2) {
    int r1 = x1.ndim();
    int r2 = x2.ndim();
    if (r1 == r2 + 1 && x1.shape().get(r1 - 1) == 1) {
      return r2 == 1 ? new Tensor[] {x1, tf.expand_dims(x2, -1)} : new Tensor[] {tf.squeeze(x1, -1), x2};
    }
    if (r2 == r1 + 1 && x2.shape().get(r2 - 1) == 1) {
      return r1 == 1 ? new Tensor[] {tf.expand_dims(x1, -1), x2} : new Tensor[] {x1, tf.squeeze(x2, -1)};
    }
    return new Tensor[] {x1, x2};
  }

  public Tensor mean_squared_error(Object y_true, Object y_pred) {
    Tensor pred = tf.convert_to_tensor(y_pred);
    Tensor[] t = squeezeOrExpandToSameRank(like(y_true, pred), pred);
    return tf.reduce_mean(tf.square(t[0].sub(t[1])), -1);
  }

  public Tensor mse(Object y_true, Object y_pred) {
    return mean_squared_error(y_true, y_pred);
  }

  public Tensor mean_absolute_error(Object y_true, Object y_pred) {
    Tensor pred = tf.convert_to_tensor(y_pred);
    Tensor[] t = squeezeOrExpandToSameRank(like(y_true, pred), pred);
    return tf.reduce_mean(tf.abs(t[0].sub(t[1])), -1);
  }

  public Tensor mae(Object y_true, Object y_pred) {
    return mean_absolute_error(y_true, y_pred);
  }

  public Tensor huber(Object y_true, Object y_pred) {
    return huber(y_true, y_pred, 1.0);
  }

  /** {@code mean(where(|e| <= delta, 0.5 e**2, delta |e| - 0.5 delta**2), axis=-1)}, e = y_pred - y_true. */
  public Tensor huber(Object y_true, Object y_pred, double delta) {
    Tensor pred = tf.convert_to_tensor(y_pred);
    Tensor[] t = squeezeOrExpandToSameRank(like(y_true, pred), pred);
    Tensor d = tf.constant(delta, pred.dtype());
    Tensor error = tf.subtract(t[1], t[0]);
    Tensor abs = tf.abs(error);
    Tensor half = tf.constant(0.5, pred.dtype());
    return tf.reduce_mean(tf.where(tf.less_equal(abs, d), half.mul(tf.square(error)),
        d.mul(abs).sub(half.mul(tf.square(d)))), -1);
  }

  public Tensor binary_crossentropy(Object y_true, Object y_pred) {
    return binary_crossentropy(y_true, y_pred, false, 0.0);
  }

  public Tensor binary_crossentropy(Object y_true, Object y_pred, boolean from_logits) {
    return binary_crossentropy(y_true, y_pred, from_logits, 0.0);
  }

  public Tensor binary_crossentropy(Object y_true, Object y_pred, boolean from_logits, double label_smoothing) {
    Tensor pred = tf.convert_to_tensor(y_pred);
    Tensor target = like(y_true, pred);
    if (label_smoothing != 0) {
      target = target.mul(1.0 - label_smoothing).add(0.5 * label_smoothing);
    }
    checkSameShape(target, pred, true);
    Tensor logits = logitsFor(pred, from_logits, "Sigmoid", "binary_crossentropy");
    Tensor bce;
    if (logits != null) {
      bce = tf.nn.sigmoid_cross_entropy_with_logits(target, logits);
    } else {
      Tensor output = tf.clip_by_value(pred, EPSILON, 1.0 - EPSILON);
      Tensor sum = target.mul(tf.log(output)).add(tf.subtract(1, target).mul(tf.log(tf.subtract(1, output))));
      bce = sum.neg();
    }
    return tf.reduce_mean(bce, -1);
  }

  public Tensor categorical_crossentropy(Object y_true, Object y_pred) {
    return categorical_crossentropy(y_true, y_pred, false, 0.0);
  }

  public Tensor categorical_crossentropy(Object y_true, Object y_pred, boolean from_logits) {
    return categorical_crossentropy(y_true, y_pred, from_logits, 0.0);
  }

  public Tensor categorical_crossentropy(Object y_true, Object y_pred, boolean from_logits, double label_smoothing) {
    Tensor pred = tf.convert_to_tensor(y_pred);
    Tensor target = like(y_true, pred);
    if (pred.ndim() > 0 && pred.shape().get(pred.ndim() - 1) == 1) {
      LOG.warn("In loss categorical_crossentropy, expected y_pred.shape to be (batch_size, num_classes) with"
          + " num_classes > 1. Received: y_pred.shape={}. Consider using 'binary_crossentropy' if you only have"
          + " 2 classes.", ShapeText.str(pred.shape().as_list()));
    }
    if (label_smoothing != 0) {
      Tensor classes = tf.cast(tf.constant(target.shape().get(target.ndim() - 1)), pred.dtype());
      target = target.mul(1.0 - label_smoothing).add(tf.divide(tf.constant(label_smoothing, pred.dtype()), classes));
    }
    if (target.ndim() < 1) {
      throw new ValueError("Arguments `target` and `output` must be at least rank 1. Received: target.shape="
          + ShapeText.str(target.shape().as_list()) + ", output.shape=" + ShapeText.str(pred.shape().as_list()));
    }
    checkSameShape(target, pred, false);
    Tensor logits = logitsFor(pred, from_logits, "Softmax", "categorical_crossentropy");
    if (logits != null) {
      return tf.nn.softmax_cross_entropy_with_logits(target, logits, -1);
    }
    Tensor output = pred.div(tf.reduce_sum(pred, -1, true));
    output = tf.clip_by_value(output, EPSILON, 1.0 - EPSILON);
    return tf.reduce_sum(target.mul(tf.log(output)), -1).neg();
  }

  public Tensor sparse_categorical_crossentropy(Object y_true, Object y_pred) {
    return sparse_categorical_crossentropy(y_true, y_pred, false);
  }

  /** Integer labels against the last axis of {@code y_pred}; a trailing label axis of 1 is squeezed. */
  public Tensor sparse_categorical_crossentropy(Object y_true, Object y_pred, boolean from_logits) {
    Tensor pred = tf.convert_to_tensor(y_pred);
    Tensor logits = logitsFor(pred, from_logits, "Softmax", "sparse_categorical_crossentropy");
    Tensor target = tf.cast(y_true instanceof Tensor t ? t : tf.constant(y_true), tf.int64);
    long[] ts = target.shape().as_list();
    long[] ps = pred.shape().as_list();
    if (ts.length == ps.length && ts.length > 0 && ts[ts.length - 1] == 1) {
      target = tf.squeeze(target, -1);
      ts = target.shape().as_list();
    }
    if (ps.length < 1) {
      throw new ValueError("Argument `output` must be at least rank 1. Received: output.shape=" + ShapeText.str(ps));
    }
    if (ts.length != ps.length - 1) {
      throw new ValueError("Argument `output` must have rank (ndim) `target.ndim - 1`. Received: target.shape="
          + ShapeText.str(ts) + ", output.shape=" + ShapeText.str(ps));
    }
    for (int i = 0; i < ts.length; i++) {
      if (ts[i] != ps[i]) {
        throw new ValueError("Arguments `target` and `output` must have the same shape up until the last"
            + " dimension: target.shape=" + ShapeText.str(ts) + ", output.shape=" + ShapeText.str(ps));
      }
    }
    Tensor scores = logits != null ? logits : tf.log(tf.clip_by_value(pred, EPSILON, 1 - EPSILON));
    return tf.nn.sparse_softmax_cross_entropy_with_logits(target, scores);
  }

  private static void checkSameShape(Tensor target, Tensor output, boolean binary) {
    long[] ts = target.shape().as_list();
    long[] os = output.shape().as_list();
    String received = "Received: target.shape=" + ShapeText.str(ts) + ", output.shape=" + ShapeText.str(os);
    if (ts.length != os.length) {
      throw new ValueError("Arguments `target` and `output` must have the same rank (ndim). " + received);
    }
    if (!java.util.Arrays.equals(ts, os)) {
      throw new ValueError("Arguments `target` and `output` must have the same shape. " + received);
    }
  }

  /**
   * The logits to compute from, or null for probabilities: the given output if from_logits, else
   * the logits Keras's softmax/sigmoid recorded for it (with Keras's warning when both hold).
   */
  private static Tensor logitsFor(Tensor output, boolean fromLogits, String opType, String fn) {
    Tensor recorded = Activations.logitsOf(output);
    if (recorded != null && fromLogits) {
      LOG.warn("\"`{}` received `from_logits=True`, but the `output` argument was produced by a {} activation and"
          + " thus does not represent logits. Was this intended?", fn, opType);
    }
    if (recorded != null) {
      return recorded;
    }
    return fromLogits ? output : null;
  }

  /** {@code keras.losses.get(identifier)}: the loss function a compile string names, or null. */
  java.util.function.BiFunction<Tensor, Tensor, Tensor> byName(String identifier) {
    return switch (identifier) {
      case "mean_squared_error", "mse" -> this::mean_squared_error;
      case "mean_absolute_error", "mae" -> this::mean_absolute_error;
      case "binary_crossentropy" -> this::binary_crossentropy;
      case "categorical_crossentropy" -> this::categorical_crossentropy;
      case "sparse_categorical_crossentropy" -> this::sparse_categorical_crossentropy;
      case "huber", "huber_loss" -> this::huber;
      default -> null;
    };
  }
}
