package dev.tfj.keras.metrics;

import dev.tfj.NameScope;
import dev.tfj.Tensor;
import dev.tfj.Variable;
import dev.tfj.tf;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * {@code keras.metrics.Metric}: state in float32 variables (under the metric's name scope),
 * {@code update_state}, {@code result} and {@code reset_state}.
 */
public abstract class Metric {
  private String name;
  private final List<Variable> variables = new ArrayList<>();

  protected Metric(String name) {
    this.name = name;
  }

  public String name() {
    return name;
  }

  @SuppressWarnings("unchecked")
  public <M extends Metric> M name(String name) {
    this.name = name;
    return (M) this;
  }

  protected final Variable add_variable(String variableName) {
    try (NameScope s = tf.name_scope(name)) {
      Variable v = tf.Variable(0.0, false, variableName, tf.float32);
      variables.add(v);
      return v;
    }
  }

  public List<Variable> variables() {
    return Collections.unmodifiableList(variables);
  }

  /** Sets every state variable back to zero. */
  public void reset_state() {
    for (Variable v : variables) {
      v.assign(tf.zeros_like(v));
    }
  }

  public abstract Tensor result();

  /** For metrics of (y_true, y_pred); the Mean of values takes {@link Mean#update_state(Object)}. */
  public abstract void update_state(Object y_true, Object y_pred, Object sample_weight);

  public void update_state(Object y_true, Object y_pred) {
    update_state(y_true, y_pred, null);
  }

  @Override
  public String toString() {
    return "<" + getClass().getSimpleName() + " name=" + name + ">";
  }
}
