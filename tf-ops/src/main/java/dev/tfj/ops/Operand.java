package dev.tfj.ops;

/**
 * What op definitions, shape functions and gradient rules see of a tensor: its dtype and shape,
 * and for the small integer tensors that carry shapes, axes and permutations, their values.
 * The eager runtime's tensor handles implement it.
 */
public interface Operand {
  DType dtype();

  /** The shape; callers must not modify the array. */
  long[] shape();

  /** The elements of an integer tensor (int32 or int64), read on the host. */
  long[] longValues();

  /** The elements of a numeric tensor as doubles, read on the host (range bounds, say). */
  double[] doubleValues();
}
