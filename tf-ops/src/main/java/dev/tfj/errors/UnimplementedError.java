package dev.tfj.errors;

/** TensorFlow's {@code tf.errors.UnimplementedError} (canonical code 12). */
public class UnimplementedError extends OpError {
  public UnimplementedError(String message) {
    super(message, 12);
  }
}
