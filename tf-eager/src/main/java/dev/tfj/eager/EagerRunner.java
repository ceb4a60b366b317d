package dev.tfj.eager;

import dev.tfj.devices.Devices;
import dev.tfj.ops.Attrs;
import dev.tfj.ops.DType;
import dev.tfj.ops.Op;
import dev.tfj.ops.OpRunner;
import dev.tfj.ops.Operand;

/** The op vocabulary of tf-ops, executed eagerly. Gradient rules run through it too. */
public final class EagerRunner extends OpRunner {
  public static final EagerRunner INSTANCE = new EagerRunner();

  private EagerRunner() {}

  @Override
  public TensorHandle[] run(Op op, Attrs attrs, Operand... inputs) {
    TensorHandle[] handles = new TensorHandle[inputs.length];
    for (int i = 0; i < inputs.length; i++) {
      handles[i] = (TensorHandle) inputs[i];
    }
    return Eager.execute(op, attrs, handles);
  }

  /** Constants are made on the host; ops copy them to the device they run on. */
  @Override
  public TensorHandle constant(DType dtype, long[] shape, Object data) {
    return TensorHandle.of(dtype, shape, Devices.cpu(), data);
  }
}
