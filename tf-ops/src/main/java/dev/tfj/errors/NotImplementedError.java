package dev.tfj.errors;

/**
 * Python's {@code NotImplementedError} (a {@code RuntimeError} there too), which TensorFlow's
 * Python raises for a case a rule does not cover, such as the Svd gradient for some shapes.
 */
public class NotImplementedError extends RuntimeError {
  public NotImplementedError(String message) {
    super(message);
  }
}
