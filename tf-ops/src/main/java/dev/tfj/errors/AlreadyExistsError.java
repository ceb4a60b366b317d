package dev.tfj.errors;

/** TensorFlow's {@code tf.errors.AlreadyExistsError} (canonical code 6). */
public class AlreadyExistsError extends OpError {
  public AlreadyExistsError(String message) {
    super(message, 6);
  }
}
