package dev.tfj.errors;

/** TensorFlow's {@code tf.errors.PermissionDeniedError} (canonical code 7). */
public class PermissionDeniedError extends OpError {
  public PermissionDeniedError(String message) {
    super(message, 7);
  }
}
