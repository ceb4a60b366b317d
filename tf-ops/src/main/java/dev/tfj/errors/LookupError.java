package dev.tfj.errors;

/** Python's {@code LookupError}, which TensorFlow raises for a lookup that finds nothing (an op without a registered gradient, say). */
public class LookupError extends RuntimeException {
  public LookupError(String message) {
    super(message);
  }
}
