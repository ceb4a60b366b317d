package dev.tfj.ops;

import dev.tfj.errors.AttributeError;
import dev.tfj.errors.TypeError;
import dev.tfj.errors.ValueError;

/**
 * What TensorFlow's Python does with None (a Java null) where it needs a value, so that every
 * API function that meets a null says what TensorFlow says there. Where TensorFlow takes None
 * as a default, the functions apply the default themselves; these are the other cases.
 */
public final class PythonNone {
  private PythonNone() {}

  /** {@code tf.convert_to_tensor(None)}, as every op input and shape argument converts it. */
  public static ValueError toTensor() {
    return new ValueError("Attempt to convert a value (None) with an unsupported type (<class 'NoneType'>)"
        + " to a Tensor.");
  }

  /** {@code tf.as_dtype(None)}, which functions such as {@code tf.zeros} and {@code tf.cast} call first. */
  public static TypeError asDtype() {
    return new TypeError("Cannot convert the argument `type_value`: None to a TensorFlow DType.");
  }

  /** Python code that calls a method or reads an attribute of None ({@code equation.replace}). */
  public static AttributeError attribute(String name) {
    return new AttributeError("'NoneType' object has no attribute '" + name + "'");
  }

  /** Python code that indexes None ({@code values[0]}). */
  public static TypeError subscript() {
    return new TypeError("'NoneType' object is not subscriptable");
  }

  /** {@code value} itself, or {@link #toTensor}'s error when it is null. */
  public static <T> T tensorValue(T value) {
    if (value == null) {
      throw toTensor();
    }
    return value;
  }

  /** {@code value} itself, or the error of Python reading {@code attribute} of None when it is null. */
  public static <T> T withAttribute(T value, String attribute) {
    if (value == null) {
      throw attribute(attribute);
    }
    return value;
  }

  /** {@code dtype} itself, or {@link #asDtype}'s error when it is null. */
  public static DType dtype(DType dtype) {
    if (dtype == null) {
      throw asDtype();
    }
    return dtype;
  }
}
