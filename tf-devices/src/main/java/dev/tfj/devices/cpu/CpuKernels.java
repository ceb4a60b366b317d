package dev.tfj.devices.cpu;

import static dev.tfj.devices.cpu.Elementwise.binary;
import static dev.tfj.devices.cpu.Elementwise.compare;
import static dev.tfj.devices.cpu.Elementwise.unary;

import dev.tfj.devices.Kernel;
import dev.tfj.errors.InvalidArgumentError;
import dev.tfj.ops.ArrayOps;
import dev.tfj.ops.MathOps;
import dev.tfj.ops.Op;
import dev.tfj.ops.RandomOps;

/** The CPU's kernel for each op, as a table indexed by op id. */
final class CpuKernels {
  private CpuKernels() {}

  static Kernel[] table() {
    Kernel[] k = new Kernel[Op.all().size()];
    put(k, ArrayOps.IDENTITY, ArrayKernels.FORWARD);
    put(k, ArrayOps.STOP_GRADIENT, ArrayKernels.FORWARD);
    put(k, ArrayOps.RESHAPE, ArrayKernels.FORWARD);
    put(k, ArrayOps.SQUEEZE, ArrayKernels.FORWARD);
    put(k, ArrayOps.EXPAND_DIMS, ArrayKernels.FORWARD);
    put(k, ArrayOps.TRANSPOSE, ArrayKernels.TRANSPOSE);
    put(k, ArrayOps.BROADCAST_TO, ArrayKernels.BROADCAST_TO);
    put(k, ArrayOps.FILL, ArrayKernels.FILL);
    put(k, ArrayOps.ZEROS_LIKE, ArrayKernels.ZEROS_LIKE);
    put(k, ArrayOps.ONES_LIKE, ArrayKernels.ONES_LIKE);
    put(k, ArrayOps.RANGE, ArrayKernels.RANGE);
    put(k, ArrayOps.SELECT_V2, Elementwise.SELECT);

    put(k, MathOps.ADD, binary(Double::sum, Long::sum));
    put(k, MathOps.SUB, binary((a, b) -> a - b, (a, b) -> a - b));
    put(k, MathOps.MUL, binary((a, b) -> a * b, (a, b) -> a * b));
    put(k, MathOps.REAL_DIV, binary((a, b) -> a / b, CpuKernels::integerDivide));
    put(k, MathOps.POW, binary(Math::pow, CpuKernels::integerPow));
    put(k, MathOps.EQUAL, compare((a, b) -> a == b, (a, b) -> a == b));
    put(k, MathOps.NOT_EQUAL, compare((a, b) -> a != b, (a, b) -> a != b));
    put(k, MathOps.LESS, compare((a, b) -> a < b, (a, b) -> a < b));
    put(k, MathOps.LESS_EQUAL, compare((a, b) -> a <= b, (a, b) -> a <= b));
    put(k, MathOps.GREATER, compare((a, b) -> a > b, (a, b) -> a > b));
    put(k, MathOps.GREATER_EQUAL, compare((a, b) -> a >= b, (a, b) -> a >= b));
    put(k, MathOps.NEG, unary(a -> -a, a -> -a));
    put(k, MathOps.SQUARE, unary(a -> a * a, a -> a * a));
    put(k, MathOps.SQRT, unary(Math::sqrt, null));
    put(k, MathOps.EXP, unary(Math::exp, null));
    put(k, MathOps.LOG, unary(Math::log, null));
    put(k, MathOps.RECIPROCAL, unary(a -> 1 / a, a -> integerDivide(1, a)));
    put(k, MathOps.CAST, Elementwise.CAST);
    put(k, MathOps.ADD_N, Elementwise.ADD_N);
    put(k, MathOps.SUM, Reductions.SUM);
    put(k, MathOps.MEAN, Reductions.MEAN);
    put(k, MathOps.MAT_MUL, MatMul.KERNEL);

    put(k, RandomOps.STANDARD_NORMAL, RandomKernels.STANDARD_NORMAL);
    put(k, RandomOps.UNIFORM, RandomKernels.UNIFORM);
    return k;
  }

  private static void put(Kernel[] table, Op op, Kernel kernel) {
    table[op.id] = kernel;
  }

  private static long integerDivide(long a, long b) {
    if (b == 0) {
      throw new InvalidArgumentError("Integer division by zero");
    }
    return a / b;
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
