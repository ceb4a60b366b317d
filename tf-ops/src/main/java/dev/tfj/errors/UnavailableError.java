package dev.tfj.errors;

/** TensorFlow's {@code tf.errors.UnavailableError} (canonical code 14). */
public class UnavailableError extends OpError {
  public UnavailableError(String message) {
    super(message, 14);
  }
}
