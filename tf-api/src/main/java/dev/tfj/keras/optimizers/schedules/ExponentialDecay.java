package dev.tfj.keras.optimizers.schedules;

import dev.tfj.Tensor;
import dev.tfj.tf;

/**
 * {@code keras.optimizers.schedules.ExponentialDecay(initial_learning_rate, decay_steps,
 * decay_rate, staircase=False)}: {@code initial * decay_rate ** (step / decay_steps)}, the
 * exponent floored with staircase, in float32 as Keras 3 computes it.
 */
public final class ExponentialDecay implements LearningRateSchedule {
  private final double initial_learning_rate;
  private final double decay_steps;
  private final double decay_rate;
  private final boolean staircase;

  public ExponentialDecay(double initial_learning_rate, double decay_steps, double decay_rate) {
    this(initial_learning_rate, decay_steps, decay_rate, false);
  }

  public ExponentialDecay(double initial_learning_rate, double decay_steps, double decay_rate, boolean staircase) {
    this.initial_learning_rate = initial_learning_rate;
    this.decay_steps = decay_steps;
    this.decay_rate = decay_rate;
    this.staircase = staircase;
  }

  @Override
  public Tensor apply(Object step) {
    Tensor initial = tf.constant(initial_learning_rate, tf.float32);
    Tensor p = tf.divide(tf.cast(step, tf.float32), tf.constant(decay_steps, tf.float32));
    if (staircase) {
      p = tf.floor(p);
    }
    return tf.multiply(initial, tf.pow(tf.constant(decay_rate, tf.float32), p));
  }
}
