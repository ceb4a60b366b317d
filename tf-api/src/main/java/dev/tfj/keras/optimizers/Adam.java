package dev.tfj.keras.optimizers;

import dev.tfj.Tensor;
import dev.tfj.Variable;
import dev.tfj.tf;
import java.util.List;

/**
 * {@code keras.optimizers.Adam(learning_rate=0.001, beta_1=0.9, beta_2=0.999, epsilon=1e-7,
 * amsgrad=False)}, Keras 3's update: {@code alpha = lr * sqrt(1 - beta_2**t) / (1 - beta_1**t)},
 * {@code m += (g - m) * (1 - beta_1)}, {@code v += (g**2 - v) * (1 - beta_2)}, {@code w -= m * alpha
 * / (sqrt(v) + epsilon)} (amsgrad: v replaced by the running maximum of v).
 */
public class Adam extends Optimizer {
  private double beta_1 = 0.9;
  private double beta_2 = 0.999;
  private double epsilon = 1e-7;
  private boolean amsgrad;
  private List<Variable> momentums;
  private List<Variable> velocities;
  private List<Variable> velocityHats;

  public Adam() {
    this(0.001);
  }

  public Adam(Object learning_rate) {
    this(learning_rate, "adam");
  }

  public Adam(Object learning_rate, double beta_1, double beta_2, double epsilon) {
    this(learning_rate);
    this.beta_1 = beta_1;
    this.beta_2 = beta_2;
    this.epsilon = epsilon;
  }

  Adam(Object learning_rate, String name) {
    super(learning_rate, name);
  }

  public Adam beta_1(double beta_1) {
    this.beta_1 = beta_1;
    return this;
  }

  public Adam beta_2(double beta_2) {
    this.beta_2 = beta_2;
    return this;
  }

  public Adam epsilon(double epsilon) {
    this.epsilon = epsilon;
    return this;
  }

  public Adam amsgrad(boolean amsgrad) {
    this.amsgrad = amsgrad;
    return this;
  }

  @Override
  protected void build(List<Variable> var_list) {
    momentums = add_optimizer_variables(var_list, "momentum");
    velocities = add_optimizer_variables(var_list, "velocity");
    if (amsgrad) {
      velocityHats = add_optimizer_variables(var_list, "velocity_hat");
    }
  }

  @Override
  protected void update_step(Tensor gradient, Variable variable, Tensor learning_rate, int slot) {
    Tensor step = localStep(variable);
    Tensor beta1Power = tf.pow(tf.cast(tf.constant(beta_1), variable.dtype()), step);
    Tensor beta2Power = tf.pow(tf.cast(tf.constant(beta_2), variable.dtype()), step);
    Variable m = momentums.get(slot);
    Tensor v = velocities.get(slot);
    Tensor alpha = learning_rate.mul(tf.sqrt(tf.subtract(1, beta2Power))).div(tf.subtract(1, beta1Power));
    m.assign_add(gradient.sub(m).mul(1 - beta_1));
    velocities.get(slot).assign_add(tf.square(gradient).sub(v).mul(1 - beta_2));
    if (amsgrad) {
      Variable vHat = velocityHats.get(slot);
      vHat.assign(tf.maximum(vHat, v));
      v = vHat;
    }
    variable.assign_sub(m.mul(alpha).div(tf.sqrt(v).add(epsilon)));
  }
}
