package dev.tfj.devices;

import dev.tfj.ops.Attrs;
import dev.tfj.ops.DType;

/**
 * One kernel invocation: inputs already on the kernel's device, output dtypes and shapes already
 * inferred by the op's rules (so kernels never re-derive or re-check them).
 */
public final class KernelContext {
  public final Attrs attrs;
  public final Buffer[] inputs;
  public final DType[] inputTypes;
  public final long[][] inputShapes;
  public final DType[] outputTypes;
  public final long[][] outputShapes;
  public final Buffer[] outputs;

  public KernelContext(Attrs attrs, Buffer[] inputs, DType[] inputTypes, long[][] inputShapes,
      DType[] outputTypes, long[][] outputShapes) {
    this.attrs = attrs;
    this.inputs = inputs;
    this.inputTypes = inputTypes;
    this.inputShapes = inputShapes;
    this.outputTypes = outputTypes;
    this.outputShapes = outputShapes;
    this.outputs = new Buffer[outputTypes.length];
  }
}
