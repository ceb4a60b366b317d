package dev.tfj.compat.elementwise;

import dev.tfj.ops.DType;

/**
 * How far a floating result may be from TensorFlow's: {@code ulps} units in the last place of
 * the dtype (0: the same bits), optionally counted from at least 1 (for small results of
 * cancellations such as 1 - tanh(x)^2), and whether the sign of a zero must match.
 * Everywhere, values below the dtype's smallest normal number match zero: TensorFlow's CPU
 * threads flush subnormal results to zero, Java keeps them.
 */
record Tolerance(int ulps, boolean signedZeros, boolean countFromOne) {
  static final Tolerance EXACT = new Tolerance(0, true, false);

  static Tolerance ulps(int ulps) {
    return new Tolerance(ulps, true, false);
  }

  /**
   * TensorFlow's vectorized max and min return the second of two equal zeros and its scalar
   * tail code the first, so a zero's sign depends on where it sits in the tensor.
   */
  Tolerance anyZeroSign() {
    return new Tolerance(ulps, false, countFromOne);
  }

  /** Ulps of at least 1, for results that come out of cancellations (gradients, 1 + erf(x)). */
  Tolerance fromOne() {
    return new Tolerance(ulps, signedZeros, true);
  }

  boolean close(double e, double a, DType dtype) {
    if (Double.isNaN(e) || Double.isNaN(a)) {
      return Double.isNaN(e) && Double.isNaN(a);
    }
    double minNormal = dtype == DType.FLOAT32 ? Float.MIN_NORMAL : Double.MIN_NORMAL;
    if (Math.abs(e) < minNormal && Math.abs(a) < minNormal) {
      return !signedZeros || e != 0 || a != 0
          || Double.doubleToLongBits(e) == Double.doubleToLongBits(a);
    }
    if (ulps == 0 || Double.isInfinite(e) || Double.isInfinite(a)) {
      return e == a;
    }
    double scale = Math.max(Math.max(Math.abs(e), Math.abs(a)), countFromOne ? 1 : 0);
    double ulp = dtype == DType.FLOAT32 ? Math.ulp((float) scale) : Math.ulp(scale);
    return Math.abs(e - a) <= ulps * ulp;
  }
}
