package dev.tfj.devices;

/** Computes one op on one device: reads the context's inputs and sets every output. */
@FunctionalInterface
public interface Kernel {
  void compute(KernelContext ctx);
}
