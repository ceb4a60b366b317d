package dev.tfj.errors;

/** TensorFlow's {@code tf.errors.InternalError} (canonical code 13). */
public class InternalError extends OpError {
  public InternalError(String message) {
    super(message, 13);
  }
}
