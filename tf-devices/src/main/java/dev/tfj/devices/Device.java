package dev.tfj.devices;

import dev.tfj.ops.DType;
import dev.tfj.ops.Op;

/** A place where ops run and tensors live: the CPU, or one GPU. */
public interface Device {
  /** TensorFlow's canonical name: {@code /job:localhost/replica:0/task:0/device:CPU:0}. */
  default String name() {
    return "/job:localhost/replica:0/task:0/device:" + deviceType() + ":" + index();
  }

  /** {@code "CPU"} or {@code "GPU"}. */
  String deviceType();

  int index();

  /** This device's kernel for {@code op}, or null when it has none. */
  Kernel kernel(Op op);

  /** A buffer holding a copy of host data (a Java primitive array of the dtype's kind). */
  Buffer fromHost(DType dtype, Object hostArray);

  /** The buffer's elements as a new host array. */
  Object toHost(Buffer buffer, DType dtype, int numElements);

  /** Forgets per-kernel state (random generators), as TensorFlow's kernel cache is cleared. */
  default void clearKernelState() {}

  /** The buffer's elements as a host array that the caller must not modify (no copy on the CPU). */
  default Object readHost(Buffer buffer, DType dtype, int numElements) {
    return toHost(buffer, dtype, numElements);
  }
}
