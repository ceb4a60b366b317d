package dev.tfj.errors;

/** TensorFlow's {@code tf.errors.DataLossError} (canonical code 15). */
public class DataLossError extends OpError {
  public DataLossError(String message) {
    super(message, 15);
  }
}
