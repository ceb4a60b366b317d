package dev.tfj.keras.optimizers;

import dev.tfj.errors.ValueError;
import dev.tfj.keras.optimizers.schedules.CosineDecay;
import dev.tfj.keras.optimizers.schedules.ExponentialDecay;

/**
 * {@code tf.keras.optimizers}: each optimizer by its Keras name with its leading positional
 * arguments; the other keywords are fluent ({@code Adam(1e-3).beta_1(0.8)}).
 */
public final class Optimizers {
  public Optimizers() {}

  /** {@code tf.keras.optimizers.schedules}. */
  public final Schedules schedules = new Schedules();

  public static final class Schedules {
    Schedules() {}

    public ExponentialDecay ExponentialDecay(double initial_learning_rate, double decay_steps, double decay_rate) {
      return new ExponentialDecay(initial_learning_rate, decay_steps, decay_rate);
    }

    public ExponentialDecay ExponentialDecay(double initial_learning_rate, double decay_steps, double decay_rate,
        boolean staircase) {
      return new ExponentialDecay(initial_learning_rate, decay_steps, decay_rate, staircase);
    }

    public CosineDecay CosineDecay(double initial_learning_rate, double decay_steps) {
      return new CosineDecay(initial_learning_rate, decay_steps);
    }

    public CosineDecay CosineDecay(double initial_learning_rate, double decay_steps, double alpha) {
      return new CosineDecay(initial_learning_rate, decay_steps, alpha);
    }
  }

  public SGD SGD() {
    return new SGD();
  }

  public SGD SGD(Object learning_rate) {
    return new SGD(learning_rate);
  }

  public SGD SGD(Object learning_rate, double momentum) {
    return new SGD(learning_rate, momentum);
  }

  public SGD SGD(Object learning_rate, double momentum, boolean nesterov) {
    return new SGD(learning_rate, momentum, nesterov);
  }

  public Adam Adam() {
    return new Adam();
  }

  public Adam Adam(Object learning_rate) {
    return new Adam(learning_rate);
  }

  public Adam Adam(Object learning_rate, double beta_1, double beta_2, double epsilon) {
    return new Adam(learning_rate, beta_1, beta_2, epsilon);
  }

  public AdamW AdamW() {
    return new AdamW();
  }

  public AdamW AdamW(Object learning_rate) {
    return new AdamW(learning_rate);
  }

  public AdamW AdamW(Object learning_rate, double weight_decay) {
    return new AdamW(learning_rate, weight_decay);
  }

  public RMSprop RMSprop() {
    return new RMSprop();
  }

  public RMSprop RMSprop(Object learning_rate) {
    return new RMSprop(learning_rate);
  }

  public RMSprop RMSprop(Object learning_rate, double rho) {
    return new RMSprop(learning_rate, rho);
  }

  public Adagrad Adagrad() {
    return new Adagrad();
  }

  public Adagrad Adagrad(Object learning_rate) {
    return new Adagrad(learning_rate);
  }

  /** A compile string: {@code "sgd"}, {@code "adam"}, {@code "adamw"}, {@code "rmsprop"}, {@code "adagrad"}. */
  public static Optimizer get(String identifier) {
    return switch (identifier == null ? "" : identifier.toLowerCase(java.util.Locale.ROOT)) {
      case "sgd" -> new SGD();
      case "adam" -> new Adam();
      case "adamw" -> new AdamW();
      case "rmsprop" -> new RMSprop();
      case "adagrad" -> new Adagrad();
      default -> throw new ValueError("Could not interpret optimizer identifier: " + identifier);
    };
  }
}
