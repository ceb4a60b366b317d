package dev.tfj.devices.cpu;

import dev.tfj.devices.Buffer;
import dev.tfj.devices.Device;
import dev.tfj.devices.Kernel;
import dev.tfj.ops.DType;
import dev.tfj.ops.Op;

/** The host: tensors are Java arrays, kernels are plain Java. */
public final class CpuDevice implements Device {
  private volatile Kernel[] kernels;

  @Override
  public String deviceType() {
    return "CPU";
  }

  @Override
  public int index() {
    return 0;
  }

  @Override
  public Kernel kernel(Op op) {
    Kernel[] table = kernels;
    if (table == null) {
      table = kernels = CpuKernels.table();
    }
    return op.id < table.length ? table[op.id] : null;
  }

  @Override
  public Buffer fromHost(DType dtype, Object hostArray) {
    return new HostBuffer(dtype, hostArray);
  }

  @Override
  public Object toHost(Buffer buffer, DType dtype, int numElements) {
    Object data = ((HostBuffer) buffer).data;
    Object copy = java.lang.reflect.Array.newInstance(data.getClass().getComponentType(), numElements);
    System.arraycopy(data, 0, copy, 0, numElements);
    return copy;
  }

  @Override
  public Object readHost(Buffer buffer, DType dtype, int numElements) {
    return ((HostBuffer) buffer).data;
  }

  /** Drops the random generators' state, as {@code tf.random.set_seed} clears TensorFlow's kernel cache. */
  @Override
  public void clearKernelState() {
    RandomKernels.clear();
  }
}
