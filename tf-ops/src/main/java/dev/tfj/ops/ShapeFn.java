package dev.tfj.ops;

/**
 * Computes an op's output shapes from its inputs and attrs, raising TensorFlow's error for inputs
 * the op rejects. Runs before any kernel, so a rejected call changes nothing.
 */
@FunctionalInterface
public interface ShapeFn {
  long[][] apply(Operand[] inputs, Attrs attrs);
}
