package dev.tfj.errors;

/**
 * Python's {@code AttributeError}, which TensorFlow's Python code raises where it uses an
 * argument's attribute or method without checking its type first (a None equation for
 * {@code tf.einsum}, a None mode for {@code tf.pad}).
 */
public class AttributeError extends IllegalArgumentException {
  public AttributeError(String message) {
    super(message);
  }
}
