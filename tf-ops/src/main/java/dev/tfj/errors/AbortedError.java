package dev.tfj.errors;

/** TensorFlow's {@code tf.errors.AbortedError} (canonical code 10). */
public class AbortedError extends OpError {
  public AbortedError(String message) {
    super(message, 10);
  }
}
