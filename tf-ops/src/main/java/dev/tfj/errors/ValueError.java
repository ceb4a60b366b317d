package dev.tfj.errors;

/** Python's {@code ValueError}, which TensorFlow raises for an argument with the right type but a wrong value. */
public class ValueError extends IllegalArgumentException {
  public ValueError(String message) {
    super(message);
  }
}
