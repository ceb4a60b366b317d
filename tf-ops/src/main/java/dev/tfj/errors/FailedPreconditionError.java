package dev.tfj.errors;

/** TensorFlow's {@code tf.errors.FailedPreconditionError} (canonical code 9). */
public class FailedPreconditionError extends OpError {
  public FailedPreconditionError(String message) {
    super(message, 9);
  }
}
