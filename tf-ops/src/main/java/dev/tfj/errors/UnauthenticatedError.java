package dev.tfj.errors;

/** TensorFlow's {@code tf.errors.UnauthenticatedError} (canonical code 16). */
public class UnauthenticatedError extends OpError {
  public UnauthenticatedError(String message) {
    super(message, 16);
  }
}
