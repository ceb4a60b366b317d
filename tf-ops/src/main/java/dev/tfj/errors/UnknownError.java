package dev.tfj.errors;

/** TensorFlow's {@code tf.errors.UnknownError} (canonical code 2). */
public class UnknownError extends OpError {
  public UnknownError(String message) {
    super(message, 2);
  }
}
