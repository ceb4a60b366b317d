package dev.tfj.errors;

/** TensorFlow's {@code tf.errors.DeadlineExceededError} (canonical code 4). */
public class DeadlineExceededError extends OpError {
  public DeadlineExceededError(String message) {
    super(message, 4);
  }
}
