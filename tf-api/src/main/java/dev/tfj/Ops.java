package dev.tfj;

import dev.tfj.eager.EagerRunner;
import dev.tfj.eager.TensorHandle;
import dev.tfj.errors.TypeError;
import dev.tfj.ops.DType;
import dev.tfj.ops.Op;
import dev.tfj.ops.OpRunner;
import dev.tfj.ops.Operand;
import java.util.function.BinaryOperator;
import java.util.function.UnaryOperator;

/** How the public API turns Java arguments into op calls: conversion, then one op helper. */
final class Ops {
  static final OpRunner RUN = EagerRunner.INSTANCE;

  private Ops() {}

  static Tensor unary(Object x, UnaryOperator<Operand> op) {
    return Tensor.wrap(op.apply(Convert.toHandle(x, null)));
  }

  static Tensor binary(Object x, Object y, BinaryOperator<Operand> op) {
    TensorHandle[] xy = matching(x, y);
    return Tensor.wrap(op.apply(xy[0], xy[1]));
  }

  static Tensor compare(Op comparison, Object x, Object y) {
    TensorHandle[] xy = matching(x, y);
    return Tensor.wrap(RUN.compare(comparison, xy[0], xy[1]));
  }

  /**
   * Converts two operands as TensorFlow's eager op wrappers do: the first tensor among them
   * fixes the dtype, and a plain Java value is converted to it (never the other way round).
   */
  static TensorHandle[] matching(Object x, Object y) {
    if (!(x instanceof Tensor) && y instanceof Tensor ty) {
      TensorHandle hy = ty.handle();
      return new TensorHandle[] {Convert.toHandle(x, hy.dtype), hy};
    }
    TensorHandle hx = Convert.toHandle(x, null);
    return new TensorHandle[] {hx, Convert.toHandleLike(y, hx)};
  }

  /** Python's {@code x / y}: integers are first cast to a floating type, then RealDiv. */
  static Tensor trueDivide(Object x, Object y) {
    return trueDivide(x, y, RUN::div, "__truediv__");
  }

  /**
   * A division after TensorFlow's true-division conversions (tf.divide, tf.math.divide_no_nan):
   * integers are cast to a floating type first; {@code caller} ends the message for bool input.
   */
  static Tensor trueDivide(Object x, Object y, BinaryOperator<Operand> division, String caller) {
    TensorHandle[] xy = matching(x, y);
    if (xy[0].dtype != xy[1].dtype) {
      throw new TypeError("`x` and `y` must have the same dtype, got " + xy[0].dtype + " != "
          + xy[1].dtype + ".");
    }
    DType target = switch (xy[0].dtype) {
      case UINT8 -> DType.FLOAT32;
      case INT32, INT64 -> DType.FLOAT64;
      case BOOL -> throw new TypeError("Invalid dtype tf.bool in " + caller);
      default -> null;
    };
    Operand a = target == null ? xy[0] : RUN.cast(xy[0], target);
    Operand b = target == null ? xy[1] : RUN.cast(xy[1], target);
    return Tensor.wrap(division.apply(a, b));
  }

  /** TensorShape.assert_is_compatible_with, for composites that must not broadcast their input. */
  static void assertCompatibleShapes(Tensor expected, Tensor actual) {
    if (!expected.shape().equals(actual.shape())) {
      throw new dev.tfj.errors.ValueError("Shapes " + expected.shape() + " and " + actual.shape()
          + " are incompatible");
    }
  }

  static Operand handle(Object x) {
    return Convert.toHandle(x, null);
  }
}
