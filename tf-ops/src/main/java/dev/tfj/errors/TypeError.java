package dev.tfj.errors;

/** Python's {@code TypeError}, which TensorFlow raises for an argument of the wrong type. */
public class TypeError extends IllegalArgumentException {
  public TypeError(String message) {
    super(message);
  }
}
