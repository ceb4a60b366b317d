package dev.tfj.eager;

import dev.tfj.errors.InvalidArgumentError;
import dev.tfj.ops.Attrs;
import dev.tfj.ops.DType;
import dev.tfj.ops.MathOps;
import dev.tfj.ops.Op;
import dev.tfj.ops.Shapes;
import dev.tfj.ops.StateOps;
import java.util.Arrays;

/**
 * A resource variable: a handle (the dtype-resource tensor tapes watch) and a current value.
 * Values are immutable handles, so an assignment swaps in a new one and a tensor read earlier
 * keeps its old value. Every update is atomic per variable, so threads sharing a variable lose
 * no {@code assign_add}. The variable lives on the device of its initial value, and its reads
 * and updates run there, as in TensorFlow.
 */
public final class EagerVariable {
  public final TensorHandle handle;
  public final DType dtype;
  public final long[] shape;
  public final boolean trainable;
  public final String name;
  /** The user-facing object this state belongs to, handed back by {@code watched_variables()}. */
  public final Object owner;
  private volatile TensorHandle value;

  public EagerVariable(TensorHandle initialValue, boolean trainable, String name, Object owner) {
    this.handle = new TensorHandle(DType.RESOURCE, Shapes.SCALAR, initialValue.device, null);
    this.dtype = initialValue.dtype;
    this.shape = initialValue.shape;
    this.trainable = trainable;
    this.name = name;
    this.value = initialValue;
    this.owner = owner;
  }

  /**
   * Reads the value as TensorFlow's ReadVariableOp: active tapes that watch accessed variables
   * watch this one (if trainable), and the read is recorded where the handle is watched.
   */
  public TensorHandle read() {
    TensorHandle current = value;
    Eager.logPlacement("ReadVariableOp", current.device);
    TensorHandle out = current.withNewId();
    EagerContext ctx = EagerContext.get();
    if (ctx.watchesVariables()) {
      if (trainable) {
        ctx.variableAccessed(this);
      }
      ctx.record(StateOps.READ_VARIABLE, Attrs.NONE, new TensorHandle[] {handle}, new TensorHandle[] {out});
    }
    return out;
  }

  /** The current value, unrecorded (for printing and conversion to Java values). */
  public TensorHandle peek() {
    return value;
  }

  /** AssignVariableOp: replaces the value; the caller has converted it and checked its shape. */
  public synchronized void assign(TensorHandle newValue) {
    Eager.logPlacement("AssignVariableOp", value.device);
    value = newValue;
  }

  /** AssignAddVariableOp: value += delta, atomically; never recorded, as updates carry no gradient. */
  public void assignAdd(TensorHandle delta) {
    update(MathOps.ADD, "AssignAddVariableOp", delta);
  }

  /** AssignSubVariableOp: value -= delta, atomically. */
  public void assignSub(TensorHandle delta) {
    update(MathOps.SUB, "AssignSubVariableOp", delta);
  }

  private synchronized void update(Op op, String opName, TensorHandle delta) {
    if (!Arrays.equals(delta.shape, shape)) {
      throw new InvalidArgumentError("Cannot update variable with shape " + Shapes.str(shape)
          + " using a Tensor with shape " + Shapes.str(delta.shape) + ", shapes must be equal.")
          .withOpName(opName);
    }
    value = Eager.run(op, Attrs.NONE, new TensorHandle[] {value, delta}, value.device, opName)[0];
  }
}
