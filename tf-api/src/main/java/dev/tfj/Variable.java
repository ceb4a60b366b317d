package dev.tfj;

import static dev.tfj.Ops.RUN;

import dev.tfj.eager.EagerVariable;
import dev.tfj.eager.TensorHandle;
import dev.tfj.errors.ValueError;
import dev.tfj.ops.TensorShape;
import java.util.Arrays;

/**
 * TensorFlow's {@code tf.Variable}: mutable state that is a Tensor wherever one is expected.
 * Each use reads the current value, and a read inside a tape is recorded (and, for a trainable
 * variable, watched), so gradients reach the variable. Values are immutable: a tensor read
 * earlier keeps its value when the variable changes.
 *
 * <p>{@code assign}, {@code assign_add} and {@code assign_sub} return what TensorFlow's eager
 * variables return: an alias of this variable named {@code 'UnreadVariable'} whose every use
 * reads the variable's value at that time, or null with {@code read_value=false}.
 */
public final class Variable extends Tensor {
  final EagerVariable variable;
  private final boolean unreadAlias;

  Variable(TensorHandle initialValue, boolean trainable, String name) {
    this.variable = new EagerVariable(initialValue, trainable, name, this);
    this.unreadAlias = false;
  }

  private Variable(EagerVariable shared) {
    this.variable = shared;
    this.unreadAlias = true;
  }

  @Override
  TensorHandle handle() {
    return variable.read();
  }

  @Override
  TensorHandle peek() {
    return variable.peek();
  }

  /**
   * {@code "Variable:0"}, or the given name with {@code ":0"}. Eager TensorFlow never makes
   * names unique: every unnamed variable is {@code Variable:0}.
   */
  public String name() {
    return unreadAlias ? "UnreadVariable" : variable.name + ":0";
  }

  public boolean trainable() {
    return variable.trainable;
  }

  /** A read of the value followed by an Identity, as TensorFlow's {@code read_value}. */
  public Tensor read_value() {
    return Tensor.wrap(RUN.identity(variable.read()));
  }

  /** A read of the value (recorded on tapes like any read). */
  public Tensor value() {
    return Tensor.wrap(variable.read());
  }

  /** Sets the value, converted to this variable's dtype; the shape must match. */
  public Variable assign(Object value) {
    return assign(value, null, null, true);
  }

  /**
   * {@code assign(value, use_locking, name, read_value)}. Updates are always atomic, so
   * {@code use_locking} changes nothing; {@code name} names no op in eager mode either.
   */
  public Variable assign(Object value, Boolean use_locking, String name, boolean read_value) {
    TensorHandle h = Convert.toHandle(value, variable.dtype);
    if (!Arrays.equals(h.shape, variable.shape)) {
      throw new ValueError("Cannot assign value to variable ' " + name() + "': Shape mismatch."
          + "The variable shape " + new TensorShape(variable.shape)
          + ", and the assigned value shape " + new TensorShape(h.shape) + " are incompatible.");
    }
    variable.assign(h);
    return read_value ? new Variable(variable) : null;
  }

  public Variable assign_add(Object delta) {
    return assign_add(delta, null, null, true);
  }

  /** {@code assign_add(delta, use_locking, name, read_value)}; shapes must be equal. */
  public Variable assign_add(Object delta, Boolean use_locking, String name, boolean read_value) {
    variable.assignAdd(Convert.toHandle(delta, variable.dtype));
    return read_value ? new Variable(variable) : null;
  }

  public Variable assign_sub(Object delta) {
    return assign_sub(delta, null, null, true);
  }

  /** {@code assign_sub(delta, use_locking, name, read_value)}; shapes must be equal. */
  public Variable assign_sub(Object delta, Boolean use_locking, String name, boolean read_value) {
    variable.assignSub(Convert.toHandle(delta, variable.dtype));
    return read_value ? new Variable(variable) : null;
  }

  /** {@code <tf.Variable 'Variable:0' shape=(3,) dtype=float32, numpy=array([0., 0., 0.], dtype=float32)>}. */
  @Override
  public String toString() {
    TensorHandle h = peek();
    return "<tf.Variable '" + name() + "' shape=" + shape() + " dtype=" + h.dtype.typeName()
        + ", numpy=" + onOwnLineIfMultiline(NumpyFormat.repr(h.dtype, h.shape, h.hostData())) + ">";
  }
}
