package dev.tfj.errors;

/** TensorFlow's {@code tf.errors.OutOfRangeError} (canonical code 11). */
public class OutOfRangeError extends OpError {
  public OutOfRangeError(String message) {
    super(message, 11);
  }
}
