package dev.tfj.errors;

/** TensorFlow's {@code tf.errors.CancelledError} (canonical code 1). */
public class CancelledError extends OpError {
  public CancelledError(String message) {
    super(message, 1);
  }
}
