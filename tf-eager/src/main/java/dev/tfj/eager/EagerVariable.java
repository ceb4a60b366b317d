package dev.tfj.eager;

import dev.tfj.devices.Devices;
import dev.tfj.ops.Attrs;
import dev.tfj.ops.DType;
import dev.tfj.ops.Op;
import dev.tfj.ops.Shapes;
import dev.tfj.ops.StateOps;

/**
 * A resource variable: a handle (the dtype-resource tensor tapes watch) and a current value.
 * Values are immutable handles, so an assignment swaps in a new one and a tensor read earlier
 * keeps its old value. Read-modify-write updates are atomic per variable.
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
    this.handle = new TensorHandle(DType.RESOURCE, Shapes.SCALAR, Devices.cpu(), null);
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
    EagerContext ctx = EagerContext.get();
    TensorHandle out = value.withNewId();
    if (!ctx.tapes().isEmpty()) {
      for (Tape tape : ctx.tapes()) {
        if (trainable && tape.watchAccessedVariables) {
          tape.watchVariable(this);
        }
      }
      ctx.record(StateOps.READ_VARIABLE, Attrs.NONE, new TensorHandle[] {handle}, new TensorHandle[] {out});
    }
    return out;
  }

  /** The current value, unrecorded (for printing and conversion to Java values). */
  public TensorHandle peek() {
    return value;
  }

  /** Replaces the value; the caller has checked dtype and shape. */
  public void assign(TensorHandle newValue) {
    value = newValue;
  }

  /** value = op(value, delta), atomically; never recorded, as assignments carry no gradient. */
  public synchronized void update(Op op, TensorHandle delta) {
    value = Eager.executeUnrecorded(op, Attrs.NONE, new TensorHandle[] {value, delta},
        EagerContext.get())[0];
  }
}
