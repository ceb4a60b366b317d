package dev.tfj.keras.optimizers;

import dev.tfj.Tensor;
import dev.tfj.Variable;
import dev.tfj.tf;
import java.util.List;

/**
 * {@code keras.optimizers.RMSprop(learning_rate=0.001, rho=0.9, momentum=0.0, epsilon=1e-7,
 * centered=False)}, Keras 3's update: {@code v = rho * v + (1 - rho) * g**2}, the increment
 * {@code lr * g / sqrt(v + epsilon)} (centered: {@code v - avg_g**2 + epsilon}), applied directly
 * or through {@code m = momentum * m + increment}.
 */
public class RMSprop extends Optimizer {
  private double rho = 0.9;
  private double momentum;
  private double epsilon = 1e-7;
  private boolean centered;
  private List<Variable> velocities;
  private List<Variable> momentums;
  private List<Variable> averageGradients;

  public RMSprop() {
    this(0.001);
  }

  public RMSprop(Object learning_rate) {
    super(learning_rate, "rmsprop");
  }

  public RMSprop(Object learning_rate, double rho) {
    this(learning_rate);
    this.rho = rho;
  }

  public RMSprop(Object learning_rate, double rho, double momentum, double epsilon, boolean centered) {
    this(learning_rate, rho);
    this.momentum = momentum;
    this.epsilon = epsilon;
    this.centered = centered;
  }

  public RMSprop rho(double rho) {
    this.rho = rho;
    return this;
  }

  public RMSprop momentum(double momentum) {
    this.momentum = momentum;
    return this;
  }

  public RMSprop epsilon(double epsilon) {
    this.epsilon = epsilon;
    return this;
  }

  public RMSprop centered(boolean centered) {
    this.centered = centered;
    return this;
  }

  @Override
  protected void build(List<Variable> var_list) {
    velocities = add_optimizer_variables(var_list, "velocity");
    if (momentum > 0) {
      momentums = add_optimizer_variables(var_list, "momentum");
    }
    if (centered) {
      averageGradients = add_optimizer_variables(var_list, "average_gradient");
    }
  }

  @Override
  protected void update_step(Tensor gradient, Variable variable, Tensor learning_rate, int slot) {
    Variable velocity = velocities.get(slot);
    velocity.assign(tf.multiply(rho, velocity).add(tf.multiply(1 - rho, tf.square(gradient))));
    Tensor denominator;
    if (centered) {
      Variable average = averageGradients.get(slot);
      average.assign(tf.multiply(rho, average).add(tf.multiply(1 - rho, gradient)));
      denominator = velocity.sub(tf.square(average)).add(epsilon);
    } else {
      denominator = velocity.add(epsilon);
    }
    Tensor increment = learning_rate.mul(gradient).div(tf.sqrt(denominator));
    if (momentums != null) {
      Variable m = momentums.get(slot);
      m.assign(tf.multiply(momentum, m).add(increment));
      variable.assign_sub(m);
    } else {
      variable.assign_sub(increment);
    }
  }
}
