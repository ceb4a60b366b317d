package dev.tfj.errors;

/** TensorFlow's {@code tf.errors.ResourceExhaustedError} (canonical code 8). */
public class ResourceExhaustedError extends OpError {
  public ResourceExhaustedError(String message) {
    super(message, 8);
  }
}
