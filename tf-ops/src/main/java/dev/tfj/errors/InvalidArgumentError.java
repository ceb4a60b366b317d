package dev.tfj.errors;

/** TensorFlow's {@code tf.errors.InvalidArgumentError} (canonical code 3). */
public class InvalidArgumentError extends OpError {
  public InvalidArgumentError(String message) {
    super(message, 3);
  }
}
