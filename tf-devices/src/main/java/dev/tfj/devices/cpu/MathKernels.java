package dev.tfj.devices.cpu;

import static dev.tfj.devices.cpu.CpuKernels.put;
import static dev.tfj.devices.cpu.Elementwise.binary;
import static dev.tfj.devices.cpu.Elementwise.compare;
import static dev.tfj.devices.cpu.Elementwise.unary;
import static dev.tfj.ops.DType.FLOAT32;
import static dev.tfj.ops.DType.FLOAT64;

import dev.tfj.devices.Kernel;
import dev.tfj.errors.InvalidArgumentError;
import dev.tfj.ops.MathOps;

/** CPU kernels of the math ops, each from its scalar function. */
final class MathKernels {
  private MathKernels() {}

  static void register(Kernel[] table) {
    put(table, MathOps.ADD, binary(Double::sum, Long::sum));
    put(table, MathOps.SUB, binary((a, b) -> a - b, (a, b) -> a - b));
    put(table, MathOps.MUL, binary((a, b) -> a * b, (a, b) -> a * b));
    // TensorFlow registers RealDiv and Reciprocal on the CPU for floating types only.
    put(table, MathOps.REAL_DIV, Kernel.restrictedTo(binary((a, b) -> a / b, null), FLOAT64, FLOAT32));
    put(table, MathOps.POW, binary(MathKernels::pow, MathKernels::integerPow));
    put(table, MathOps.EQUAL, compare((a, b) -> a == b, (a, b) -> a == b));
    put(table, MathOps.NOT_EQUAL, compare((a, b) -> a != b, (a, b) -> a != b));
    put(table, MathOps.LESS, compare((a, b) -> a < b, (a, b) -> a < b));
    put(table, MathOps.LESS_EQUAL, compare((a, b) -> a <= b, (a, b) -> a <= b));
    put(table, MathOps.GREATER, compare((a, b) -> a > b, (a, b) -> a > b));
    put(table, MathOps.GREATER_EQUAL, compare((a, b) -> a >= b, (a, b) -> a >= b));
    put(table, MathOps.NEG, unary(a -> -a, a -> -a));
    put(table, MathOps.SQUARE, unary(a -> a * a, a -> a * a));
    put(table, MathOps.SQRT, unary(Math::sqrt, null));
    put(table, MathOps.EXP, unary(Math::exp, null));
    put(table, MathOps.LOG, unary(Math::log, null));
    put(table, MathOps.RECIPROCAL, Kernel.restrictedTo(unary(a -> 1 / a, null), FLOAT64, FLOAT32));
    put(table, MathOps.CAST, Elementwise.CAST);
    put(table, MathOps.ADD_N, Elementwise.ADD_N);
    put(table, MathOps.SUM, Reductions.SUM);
    put(table, MathOps.MEAN, Reductions.MEAN);
    put(table, MathOps.MAT_MUL, MatMul.KERNEL);
  }

  /** C's pow, which TensorFlow calls: unlike Java's, 1 to any power and -1 to an infinite one are 1. */
  private static double pow(double base, double exponent) {
    return base == 1 || (base == -1 && Double.isInfinite(exponent)) ? 1 : Math.pow(base, exponent);
  }

  private static long integerPow(long base, long exponent) {
    if (exponent < 0) {
      throw new InvalidArgumentError("Integers to negative integer powers are not allowed");
    }
    long result = 1;
    for (long b = base, e = exponent; e > 0; e >>= 1, b *= b) {
      if ((e & 1) != 0) {
        result *= b;
      }
    }
    return result;
  }
}
