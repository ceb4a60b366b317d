package dev.tfj.errors;

/** TensorFlow's {@code tf.errors.NotFoundError} (canonical code 5). */
public class NotFoundError extends OpError {
  public NotFoundError(String message) {
    super(message, 5);
  }
}
