package dev.tfj.eager;

import dev.tfj.devices.DeviceSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * What TensorFlow keeps per thread: the active tapes and the device scope. Ops on one thread are
 * never seen by another thread's tapes.
 */
public final class EagerContext {
  private static final ThreadLocal<EagerContext> CURRENT = ThreadLocal.withInitial(EagerContext::new);

  private final List<Tape> tapes = new ArrayList<>();
  private DeviceSpec deviceScope = DeviceSpec.ANY;

  private EagerContext() {}

  public static EagerContext get() {
    return CURRENT.get();
  }

  public void pushTape(Tape tape) {
    tapes.add(tape);
  }

  public void popTape(Tape tape) {
    tapes.removeIf(t -> t == tape);
  }

  public boolean isActive(Tape tape) {
    for (Tape t : tapes) {
      if (t == tape) {
        return true;
      }
    }
    return false;
  }

  /** The active tapes, innermost last. */
  public List<Tape> tapes() {
    return tapes;
  }

  public DeviceSpec deviceScope() {
    return deviceScope;
  }

  /** Sets the device scope and returns the one it replaces, for restoring on exit. */
  public DeviceSpec setDeviceScope(DeviceSpec scope) {
    DeviceSpec previous = deviceScope;
    deviceScope = scope;
    return previous;
  }

  /** Offers a finished op to every active tape; each records it if it watches an input. */
  void record(dev.tfj.ops.Op op, dev.tfj.ops.Attrs attrs, TensorHandle[] inputs, TensorHandle[] outputs) {
    for (int i = 0; i < tapes.size(); i++) {
      Tape tape = tapes.get(i);
      if (tape.shouldRecord(inputs)) {
        tape.record(op, attrs, inputs, outputs);
      }
    }
  }
}
