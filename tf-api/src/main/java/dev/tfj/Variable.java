package dev.tfj;

import dev.tfj.eager.EagerVariable;
import dev.tfj.eager.TensorHandle;
import dev.tfj.errors.ValueError;
import dev.tfj.ops.MathOps;
import dev.tfj.ops.Op;
import dev.tfj.ops.TensorShape;
import java.util.Arrays;

/**
 * TensorFlow's {@code tf.Variable}: mutable state that is a Tensor wherever one is expected.
 * Each use reads the current value, and a read inside a tape is recorded (and, for a trainable
 * variable, watched), so gradients reach the variable.
 */
public final class Variable extends Tensor {
  final EagerVariable variable;

  Variable(TensorHandle initialValue, boolean trainable, String name) {
    this.variable = new EagerVariable(initialValue, trainable, name, this);
  }

  @Override
  TensorHandle handle() {
    return variable.read();
  }

  @Override
  TensorHandle peek() {
    return variable.peek();
  }

  /** {@code "Variable:0"}, or the given name with {@code ":0"}. */
  public String name() {
    return variable.name + ":0";
  }

  public boolean trainable() {
    return variable.trainable;
  }

  /** A tensor holding the current value (recorded on tapes like any read). */
  public Tensor read_value() {
    return Tensor.wrap(variable.read());
  }

  public Tensor value() {
    return read_value();
  }

  /** Sets the value; a tensor read earlier keeps the value it had. */
  public Variable assign(Object value) {
    variable.assign(checked(value));
    return this;
  }

  public Variable assign_add(Object delta) {
    return update(MathOps.ADD, delta);
  }

  public Variable assign_sub(Object delta) {
    return update(MathOps.SUB, delta);
  }

  private Variable update(Op op, Object delta) {
    variable.update(op, checked(delta));
    return this;
  }

  /** The value converted to this variable's dtype, with TensorFlow's shape check. */
  private TensorHandle checked(Object value) {
    TensorHandle h = Convert.toHandle(value, variable.dtype);
    if (!Arrays.equals(h.shape, variable.shape)) {
      throw new ValueError("Cannot assign value to variable ' " + name() + "': Shape mismatch."
          + "The variable shape " + new TensorShape(variable.shape)
          + ", and the assigned value shape " + new TensorShape(h.shape) + " are incompatible.");
    }
    return h;
  }

  /** {@code <tf.Variable 'Variable:0' shape=(3,) dtype=float32, numpy=array([0., 0., 0.], dtype=float32)>}. */
  @Override
  public String toString() {
    TensorHandle h = peek();
    return "<tf.Variable '" + name() + "' shape=" + shape() + " dtype=" + h.dtype.typeName()
        + ", numpy=" + onOwnLineIfMultiline(NumpyFormat.repr(h.dtype, h.shape, h.hostData())) + ">";
  }
}
