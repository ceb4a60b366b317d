package dev.tfj.eager;

import dev.tfj.devices.DeviceSpec;
import dev.tfj.ops.Attrs;
import dev.tfj.ops.GradientFn;
import dev.tfj.ops.Op;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What TensorFlow keeps per thread: the active tapes, the variable watchers of
 * {@code tf.custom_gradient}, and the device scope. Ops on one thread are never seen by another
 * thread's tapes. Process-wide settings live in {@link EagerConfig}.
 */
public final class EagerContext {
  private static final ThreadLocal<EagerContext> CURRENT = ThreadLocal.withInitial(EagerContext::new);

  private List<Tape> tapes = new ArrayList<>();
  private final List<Set<EagerVariable>> variableWatchers = new ArrayList<>();
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

  /** The active tapes, innermost last. */
  public List<Tape> tapes() {
    return tapes;
  }

  /**
   * Runs {@code body} with no tape recording, as TensorFlow's {@code init_scope} does while a
   * variable is created: its initial value is never connected to a tape.
   */
  public <T> T withoutTapes(Supplier<T> body) {
    List<Tape> active = tapes;
    tapes = new ArrayList<>();
    try {
      return body.get();
    } finally {
      tapes = active;
    }
  }

  /** Starts collecting the trainable variables read on this thread (TensorFlow's VariableWatcher). */
  public Set<EagerVariable> watchVariables() {
    Set<EagerVariable> watcher = new LinkedHashSet<>();
    variableWatchers.add(watcher);
    return watcher;
  }

  public void stopWatchingVariables(Set<EagerVariable> watcher) {
    variableWatchers.removeIf(w -> w == watcher);
  }

  /** A trainable variable was read: active tapes that watch accessed variables, and watchers, see it. */
  void variableAccessed(EagerVariable v) {
    for (int i = 0; i < tapes.size(); i++) {
      Tape tape = tapes.get(i);
      if (tape.watchAccessedVariables) {
        tape.watchVariable(v);
      }
    }
    for (int i = 0; i < variableWatchers.size(); i++) {
      variableWatchers.get(i).add(v);
    }
  }

  boolean watchesVariables() {
    return !tapes.isEmpty() || !variableWatchers.isEmpty();
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
  void record(Op op, Attrs attrs, TensorHandle[] inputs, TensorHandle[] outputs) {
    for (int i = 0; i < tapes.size(); i++) {
      Tape tape = tapes.get(i);
      if (tape.shouldRecord(inputs)) {
        tape.record(op, attrs, inputs, outputs, null);
      }
    }
  }

  /**
   * Records one synthetic op whose gradient is {@code gradient} on every active tape that
   * watches one of its inputs, as TensorFlow's {@code record_operation} does for
   * {@code tf.custom_gradient}: backprop from the outputs then goes through {@code gradient} only.
   */
  public void recordCustom(TensorHandle[] inputs, TensorHandle[] outputs, GradientFn gradient) {
    for (int i = 0; i < tapes.size(); i++) {
      Tape tape = tapes.get(i);
      if (tape.shouldRecord(inputs)) {
        tape.record(null, Attrs.NONE, inputs, outputs, gradient);
      }
    }
  }
}
