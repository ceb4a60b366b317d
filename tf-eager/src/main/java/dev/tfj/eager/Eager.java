package dev.tfj.eager;

import dev.tfj.devices.Buffer;
import dev.tfj.devices.Device;
import dev.tfj.devices.KernelContext;
import dev.tfj.errors.OpError;
import dev.tfj.ops.Attrs;
import dev.tfj.ops.DType;
import dev.tfj.ops.Op;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs an op now: infer output dtypes (which validates, so a rejected call changes nothing),
 * place it, infer output shapes, run the kernel, then offer it to the thread's tapes. With no
 * active tape the recording step is one empty-list check.
 */
public final class Eager {
  /** Placement lines, TensorFlow's C++ INFO log; the Python-level warnings use the logger "tensorflow". */
  private static final Logger LOG = LoggerFactory.getLogger(Eager.class);

  private Eager() {}

  public static TensorHandle[] execute(Op op, Attrs given, TensorHandle... inputs) {
    EagerContext ctx = EagerContext.get();
    TensorHandle[] outputs;
    Attrs attrs = op.resolve(given);
    try {
      DType[] types = op.outputTypes(inputs, attrs);
      // Kernels restricted to some dtypes constrain attr T, which is output 0's dtype for those ops.
      Device device = Placement.place(op, types.length > 0 ? types[0] : null, ctx.deviceScope());
      outputs = compute(op, attrs, inputs, types, device);
      logPlacement(op.name, device);
    } catch (OpError e) {
      throw e.withOpName(op.name);
    }
    if (!ctx.tapes().isEmpty()) {
      ctx.record(op, attrs, inputs, outputs);
    }
    return outputs;
  }

  /**
   * Runs an op on {@code device} without offering it to any tape: the arithmetic of a variable
   * update, which TensorFlow shows (in errors and placement logs) as the op {@code shownName}.
   */
  static TensorHandle[] run(Op op, Attrs given, TensorHandle[] inputs, Device device, String shownName) {
    Attrs attrs = op.resolve(given);
    try {
      TensorHandle[] outputs = compute(op, attrs, inputs, op.outputTypes(inputs, attrs), device);
      logPlacement(shownName, device);
      return outputs;
    } catch (OpError e) {
      throw e.withOpName(shownName);
    }
  }

  /** TensorFlow's line per executed op under {@code tf.debugging.set_log_device_placement(True)}. */
  static void logPlacement(String opName, Device device) {
    if (EagerConfig.logDevicePlacement()) {
      LOG.info("Executing op {} in device {}", opName, device.name());
    }
  }

  private static TensorHandle[] compute(Op op, Attrs attrs, TensorHandle[] inputs, DType[] types, Device device) {
    long[][] shapes = op.outputShapes(inputs, attrs);
    Buffer[] buffers = new Buffer[inputs.length];
    DType[] inputTypes = new DType[inputs.length];
    long[][] inputShapes = new long[inputs.length][];
    for (int i = 0; i < inputs.length; i++) {
      buffers[i] = onDevice(inputs[i], device);
      inputTypes[i] = inputs[i].dtype;
      inputShapes[i] = inputs[i].shape;
    }
    KernelContext kernel = new KernelContext(attrs, buffers, inputTypes, inputShapes, types, shapes);
    device.kernel(op).compute(kernel);
    TensorHandle[] outputs = new TensorHandle[types.length];
    for (int i = 0; i < outputs.length; i++) {
      outputs[i] = new TensorHandle(types[i], shapes[i], device, kernel.outputs[i]);
    }
    return outputs;
  }

  /** The input's buffer on {@code device}, copied through the host if it lives elsewhere. */
  private static Buffer onDevice(TensorHandle t, Device device) {
    return t.device == device ? t.buffer : device.fromHost(t.dtype, t.hostCopy());
  }
}
