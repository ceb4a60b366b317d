package dev.tfj.devices;

import dev.tfj.ops.DType;

/** Computes one op on one device: reads the context's inputs and sets every output. */
@FunctionalInterface
public interface Kernel {
  void compute(KernelContext ctx);

  /**
   * The dtypes of the op's attr {@code T} this kernel is registered for, TensorFlow's kernel
   * {@code TypeConstraint}; null when it takes every dtype the OpDef allows. Callers must not
   * modify the array (placement reads it on every call).
   */
  default DType[] typeConstraint() {
    return null;
  }

  /** Whether this kernel runs the op with attr {@code T} (null for ops without one) equal to {@code t}. */
  default boolean accepts(DType t) {
    DType[] types = typeConstraint();
    if (types == null || t == null) {
      return true;
    }
    for (DType d : types) {
      if (d == t) {
        return true;
      }
    }
    return false;
  }

  /**
   * This kernel registered for {@code types} only, where TensorFlow's kernels for a device take
   * fewer dtypes than the OpDef allows (Reciprocal has no integer CPU kernel, say).
   */
  static Kernel restrictedTo(Kernel kernel, DType... types) {
    DType[] constraint = types.clone();
    return new Kernel() {
      @Override
      public void compute(KernelContext ctx) {
        kernel.compute(ctx);
      }

      @Override
      public DType[] typeConstraint() {
        return constraint;
      }
    };
  }
}
