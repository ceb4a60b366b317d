package dev.tfj.keras.optimizers;

import dev.tfj.Tensor;
import dev.tfj.Variable;
import dev.tfj.keras.initializers.Constant;
import dev.tfj.tf;
import java.util.List;

/**
 * {@code keras.optimizers.Adagrad(learning_rate=0.001, initial_accumulator_value=0.1,
 * epsilon=1e-7)}, Keras 3's update: {@code acc += g**2}, {@code w -= lr * g / sqrt(acc + epsilon)}.
 */
public class Adagrad extends Optimizer {
  private double initial_accumulator_value = 0.1;
  private double epsilon = 1e-7;
  private List<Variable> accumulators;

  public Adagrad() {
    this(0.001);
  }

  public Adagrad(Object learning_rate) {
    super(learning_rate, "adagrad");
  }

  public Adagrad(Object learning_rate, double initial_accumulator_value, double epsilon) {
    this(learning_rate);
    this.initial_accumulator_value = initial_accumulator_value;
    this.epsilon = epsilon;
  }

  public Adagrad initial_accumulator_value(double value) {
    this.initial_accumulator_value = value;
    return this;
  }

  public Adagrad epsilon(double epsilon) {
    this.epsilon = epsilon;
    return this;
  }

  @Override
  protected void build(List<Variable> var_list) {
    accumulators = add_optimizer_variables(var_list, "accumulator", new Constant(initial_accumulator_value));
  }

  @Override
  protected void update_step(Tensor gradient, Variable variable, Tensor learning_rate, int slot) {
    Variable accumulator = accumulators.get(slot);
    accumulator.assign_add(tf.square(gradient));
    variable.assign_sub(learning_rate.mul(gradient).div(tf.sqrt(accumulator.add(epsilon))));
  }
}
