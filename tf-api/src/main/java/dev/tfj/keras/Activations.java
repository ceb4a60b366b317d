package dev.tfj.keras;

import dev.tfj.Tensor;
import dev.tfj.errors.ValueError;
import dev.tfj.tf;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.UnaryOperator;

/**
 * {@code tf.keras.activations}. As in Keras 3, softmax and sigmoid remember the logits they were
 * given, so a cross-entropy loss on their output computes from the logits (Keras's
 * {@code _keras_logits}), which keeps the loss finite where a probability rounds to 0 or 1.
 */
public final class Activations {
  Activations() {}

  private static final Map<Tensor, Tensor> LOGITS = Collections.synchronizedMap(new WeakHashMap<>());

  public Tensor relu(Tensor x) {
    return tf.nn.relu(x);
  }

  public Tensor sigmoid(Tensor x) {
    Tensor out = tf.nn.sigmoid(x);
    LOGITS.put(out, x);
    return out;
  }

  public Tensor softmax(Tensor x) {
    return softmax(x, -1);
  }

  public Tensor softmax(Tensor x, int axis) {
    Tensor out = tf.nn.softmax(x, axis);
    LOGITS.put(out, x);
    return out;
  }

  public Tensor tanh(Tensor x) {
    return tf.nn.tanh(x);
  }

  public Tensor linear(Tensor x) {
    return x;
  }

  public Tensor elu(Tensor x) {
    return tf.nn.elu(x);
  }

  public Tensor selu(Tensor x) {
    return tf.nn.selu(x);
  }

  public Tensor softplus(Tensor x) {
    return tf.nn.softplus(x);
  }

  /** Keras 3's gelu defaults to the tanh approximation. */
  public Tensor gelu(Tensor x) {
    return tf.nn.gelu(x, true);
  }

  /** Keras 3's leaky_relu slope is 0.2. */
  public Tensor leaky_relu(Tensor x) {
    return tf.nn.leaky_relu(x, 0.2);
  }

  public Tensor silu(Tensor x) {
    return x.mul(tf.nn.sigmoid(x));
  }

  public Tensor swish(Tensor x) {
    return silu(x);
  }

  public Tensor exponential(Tensor x) {
    return tf.exp(x);
  }

  /** The logits a softmax or sigmoid output came from, or null. */
  public static Tensor logitsOf(Tensor output) {
    return LOGITS.get(output);
  }

  /** {@code keras.activations.get}: a name (null and "linear" are the identity). */
  public UnaryOperator<Tensor> get(String identifier) {
    if (identifier == null) {
      return this::linear;
    }
    return switch (identifier) {
      case "relu" -> this::relu;
      case "sigmoid" -> this::sigmoid;
      case "softmax" -> this::softmax;
      case "tanh" -> this::tanh;
      case "linear" -> this::linear;
      case "elu" -> this::elu;
      case "selu" -> this::selu;
      case "softplus" -> this::softplus;
      case "gelu" -> this::gelu;
      case "leaky_relu" -> this::leaky_relu;
      case "silu", "swish" -> this::silu;
      case "exponential" -> this::exponential;
      default -> throw new ValueError("Could not interpret activation function identifier: " + identifier);
    };
  }
}
