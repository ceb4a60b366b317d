package dev.tfj.keras.optimizers.schedules;

import dev.tfj.Tensor;
import dev.tfj.tf;

/**
 * {@code keras.optimizers.schedules.CosineDecay(initial_learning_rate, decay_steps, alpha=0.0,
 * warmup_target=None, warmup_steps=0)}: an optional linear warmup to {@code warmup_target}, then
 * {@code lr * ((1 - alpha) * 0.5 * (1 + cos(pi * step / decay_steps)) + alpha)}, the step held
 * at its end, in float32 as Keras 3 computes it.
 */
public final class CosineDecay implements LearningRateSchedule {
  private final double initial_learning_rate;
  private final double decay_steps;
  private final double alpha;
  private final Double warmup_target;
  private final double warmup_steps;

  public CosineDecay(double initial_learning_rate, double decay_steps) {
    this(initial_learning_rate, decay_steps, 0.0, null, 0);
  }

  public CosineDecay(double initial_learning_rate, double decay_steps, double alpha) {
    this(initial_learning_rate, decay_steps, alpha, null, 0);
  }

  public CosineDecay(double initial_learning_rate, double decay_steps, double alpha, Double warmup_target,
      double warmup_steps) {
    this.initial_learning_rate = initial_learning_rate;
    this.decay_steps = decay_steps;
    this.alpha = alpha;
    this.warmup_target = warmup_target;
    this.warmup_steps = warmup_steps;
  }

  private Tensor decay(Tensor step, Tensor decaySteps, Tensor from) {
    Tensor completed = step.div(decaySteps);
    Tensor pi = tf.constant(Math.PI, tf.float32);
    Tensor cosine = tf.constant(0.5, tf.float32).mul(tf.add(1.0, tf.cos(pi.mul(completed))));
    Tensor decayed = tf.multiply(1 - alpha, cosine).add(alpha);
    return tf.multiply(from, decayed);
  }

  @Override
  public Tensor apply(Object step) {
    Tensor initial = tf.constant(initial_learning_rate, tf.float32);
    Tensor decaySteps = tf.constant(decay_steps, tf.float32);
    Tensor s = tf.cast(step, tf.float32);
    if (warmup_target == null) {
      return decay(tf.minimum(s, decaySteps), decaySteps, initial);
    }
    Tensor target = tf.constant(warmup_target, tf.float32);
    Tensor warmup = tf.constant(warmup_steps, tf.float32);
    s = tf.minimum(s, decaySteps.add(warmup));
    if (s.lt(warmup).booleanValue()) {
      return target.sub(initial).mul(s.div(warmup)).add(initial);
    }
    return decay(s.sub(warmup), decaySteps, target);
  }
}
