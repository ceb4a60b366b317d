package dev.tfj.devices.cpu;

import static dev.tfj.devices.cpu.CpuKernels.put;
import static dev.tfj.devices.cpu.Elementwise.binary;
import static dev.tfj.devices.cpu.Elementwise.test;
import static dev.tfj.devices.cpu.Elementwise.unary;

import dev.tfj.devices.Kernel;
import dev.tfj.errors.InvalidArgumentError;
import dev.tfj.ops.ElementwiseOps;

/**
 * CPU kernels of the elementwise math ops, from scalar functions that reproduce TensorFlow's
 * CPU kernels on the edge values too (NaN propagation, signed zeros, integer division by zero).
 */
final class ElementwiseKernels {
  private ElementwiseKernels() {}

  static void register(Kernel[] table) {
    put(table, ElementwiseOps.ABS, unary(Math::abs, Math::abs));
    put(table, ElementwiseOps.SIGN, unary(a -> a == 0 ? 0 : Math.signum(a), Long::signum));
    put(table, ElementwiseOps.RSQRT, unary(a -> 1 / Math.sqrt(a), null));
    put(table, ElementwiseOps.EXPM1, unary(Math::expm1, null));
    put(table, ElementwiseOps.LOG1P, unary(Math::log1p, null));
    put(table, ElementwiseOps.SIN, unary(Math::sin, null));
    put(table, ElementwiseOps.COS, unary(Math::cos, null));
    put(table, ElementwiseOps.TAN, unary(Math::tan, null));
    put(table, ElementwiseOps.ASIN, unary(Math::asin, null));
    put(table, ElementwiseOps.ACOS, unary(Math::acos, null));
    put(table, ElementwiseOps.ATAN, unary(Math::atan, null));
    put(table, ElementwiseOps.SINH, unary(Math::sinh, null));
    put(table, ElementwiseOps.COSH, unary(Math::cosh, null));
    put(table, ElementwiseOps.TANH, unary(Math::tanh, null));
    put(table, ElementwiseOps.SIGMOID, unary(a -> 1 / (1 + Math.exp(-a)), null));
    put(table, ElementwiseOps.ERF, unary(ErrorFunction::erf, null));
    put(table, ElementwiseOps.FLOOR, unary(Math::floor, null));
    put(table, ElementwiseOps.CEIL, unary(Math::ceil, null));
    put(table, ElementwiseOps.ROUND, unary(Math::rint, a -> a));
    // floor(x / y) of the quotient rounded to the dtype: in float, 1 / 0.1f is 10, not 9.99...
    put(table, ElementwiseOps.FLOOR_DIV, binary((a, b) -> (float) Math.floor(a / b),
        (a, b) -> Math.floor(a / b), (a, b) -> Math.floorDiv(a, nonzero(b))));
    put(table, ElementwiseOps.FLOOR_MOD, binary(ElementwiseKernels::floorMod,
        (a, b) -> Math.floorMod(a, nonzero(b))));
    put(table, ElementwiseOps.MAXIMUM, binary(ElementwiseKernels::maximum, Math::max));
    put(table, ElementwiseOps.MINIMUM, binary(ElementwiseKernels::minimum, Math::min));
    put(table, ElementwiseOps.SQUARED_DIFFERENCE, binary((a, b) -> (a - b) * (a - b),
        (a, b) -> (a - b) * (a - b), (a, b) -> (a - b) * (a - b)));
    put(table, ElementwiseOps.LOGICAL_AND, binary(null, (a, b) -> a & b));
    put(table, ElementwiseOps.LOGICAL_OR, binary(null, (a, b) -> a | b));
    put(table, ElementwiseOps.LOGICAL_NOT, unary(null, a -> a ^ 1));
    put(table, ElementwiseOps.IS_NAN, test(Double::isNaN));
    put(table, ElementwiseOps.IS_FINITE, test(Double::isFinite));
    put(table, ElementwiseOps.WHERE, Elementwise.WHERE);
  }

  private static long nonzero(long divisor) {
    if (divisor == 0) {
      throw new InvalidArgumentError("Integer division by zero");
    }
    return divisor;
  }

  /** fmod, moved to y's sign when they differ (the remainder is exact, so double serves float). */
  private static double floorMod(double x, double y) {
    double truncated = x % y;
    return truncated != 0 && (y < 0) != (truncated < 0) ? truncated + y : truncated;
  }

  /**
   * NaN if either is NaN; of equal values (0 and -0) the second, as the vectorized kernel that
   * TensorFlow runs on all but a tensor's last few elements returns them.
   */
  static double maximum(double a, double b) {
    return Double.isNaN(a) || Double.isNaN(b) ? Double.NaN : a > b ? a : b;
  }

  static double minimum(double a, double b) {
    return Double.isNaN(a) || Double.isNaN(b) ? Double.NaN : a < b ? a : b;
  }
}
