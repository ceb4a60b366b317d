package dev.tfj.errors;

/** Python's {@code RuntimeError}, which TensorFlow raises for a call that is wrong in the object's current state (a used-up tape, say). */
public class RuntimeError extends IllegalStateException {
  public RuntimeError(String message) {
    super(message);
  }
}
