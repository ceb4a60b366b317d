package dev.tfj.keras.optimizers;

import dev.tfj.Tensor;
import dev.tfj.Variable;
import dev.tfj.errors.ValueError;
import java.util.List;

/**
 * {@code keras.optimizers.SGD(learning_rate=0.01, momentum=0.0, nesterov=False)}, Keras 3's update:
 * without momentum {@code w -= lr * g}; with it {@code m = momentum * m - lr * g}, then
 * {@code w += m}, or with nesterov {@code w += momentum * m - lr * g}.
 */
public class SGD extends Optimizer {
  private double momentum;
  private boolean nesterov;
  private List<Variable> momentums;

  public SGD() {
    this(0.01);
  }

  public SGD(Object learning_rate) {
    this(learning_rate, 0.0, false);
  }

  public SGD(Object learning_rate, double momentum) {
    this(learning_rate, momentum, false);
  }

  public SGD(Object learning_rate, double momentum, boolean nesterov) {
    super(learning_rate, "SGD");
    momentum(momentum);
    this.nesterov = nesterov;
  }

  public SGD momentum(double momentum) {
    if (!(momentum >= 0 && momentum <= 1)) {
      throw new ValueError("`momentum` must be a float between [0, 1].");
    }
    this.momentum = momentum;
    return this;
  }

  public SGD nesterov(boolean nesterov) {
    this.nesterov = nesterov;
    return this;
  }

  @Override
  protected void build(List<Variable> var_list) {
    if (momentum != 0) {
      momentums = add_optimizer_variables(var_list, "momentum");
    }
  }

  @Override
  protected void update_step(Tensor gradient, Variable variable, Tensor learning_rate, int slot) {
    if (momentums == null) {
      variable.assign_sub(gradient.mul(learning_rate));
      return;
    }
    Variable m = momentums.get(slot);
    m.assign(m.mul(momentum).sub(gradient.mul(learning_rate)));
    if (nesterov) {
      variable.assign_add(m.mul(momentum).sub(gradient.mul(learning_rate)));
    } else {
      variable.assign_add(m);
    }
  }
}
