package dev.tfj.devices.cpu;

/**
 * erf(x), which java.lang.Math lacks, correctly rounded but for rare ties: below 3 from its
 * Maclaurin series summed in double-double arithmetic (106 bits, so the series' cancellation, at
 * most 13 bits there, costs nothing), beyond as 1 - erfc(x) with erfc from its continued
 * fraction (erfc is under 2.3e-5 there, so its own rounding barely reaches erf's last bit).
 * Results such as gelu's 1 + erf(x) keep only what erf gets right.
 */
final class ErrorFunction {
  /** 2/sqrt(pi) as a double-double. */
  private static final double TWO_OVER_SQRT_PI_HI = 1.1283791670955126;
  private static final double TWO_OVER_SQRT_PI_LO = 1.533545961316588e-17;
  private static final double ONE_OVER_SQRT_PI = 0.5641895835477563;
  private static final double SERIES_LIMIT = 3;

  private ErrorFunction() {}

  static double erf(double x) {
    if (Double.isNaN(x)) {
      return x;
    }
    double ax = Math.abs(x);
    if (ax >= 6) {
      return Math.copySign(1, x);
    }
    double value = ax < SERIES_LIMIT ? maclaurin(ax) : 1 - erfcContinuedFraction(ax);
    return Math.copySign(value, x);
  }

  /**
   * 2/sqrt(pi) * sum_n (-1)^n x^(2n+1) / (n! (2n+1)), each quantity a double-double (hi, lo):
   * p is (-1)^n x^(2n+1) / n!, s the partial sum.
   */
  private static double maclaurin(double x) {
    double squareHi = x * x;
    double squareLo = Math.fma(x, x, -squareHi);
    double pHi = x;
    double pLo = 0;
    double sHi = x;
    double sLo = 0;
    for (int n = 1; n < 200; n++) {
      // p *= -x^2 / n
      double mHi = pHi * squareHi;
      double mLo = Math.fma(pHi, squareHi, -mHi) + (pHi * squareLo + pLo * squareHi);
      double qHi = mHi / -n;
      double qLo = (Math.fma(-qHi, -n, mHi) + mLo) / -n;
      pHi = qHi + qLo;
      pLo = qLo - (pHi - qHi);
      // term = p / (2n + 1)
      int odd = 2 * n + 1;
      double tHi = pHi / odd;
      double tLo = (Math.fma(-tHi, odd, pHi) + pLo) / odd;
      // s += term (two-sum of the high parts, low parts added in)
      double sum = sHi + tHi;
      double bv = sum - sHi;
      double err = (sHi - (sum - bv)) + (tHi - bv) + sLo + tLo;
      sHi = sum + err;
      sLo = err - (sHi - sum);
      if (Math.abs(tHi) < Math.abs(sHi) * 1e-34) {
        break;
      }
    }
    double rHi = sHi * TWO_OVER_SQRT_PI_HI;
    double rLo = Math.fma(sHi, TWO_OVER_SQRT_PI_HI, -rHi) + (sHi * TWO_OVER_SQRT_PI_LO + sLo * TWO_OVER_SQRT_PI_HI);
    return rHi + rLo;
  }

  /**
   * erfc(x) = exp(-x^2)/sqrt(pi) / (x + (1/2) / (x + 1 / (x + (3/2) / (x + 2 / (x + ...))))),
   * by the modified Lentz method.
   */
  private static double erfcContinuedFraction(double x) {
    double f = x;
    double c = x;
    double d = 0;
    for (int k = 1; k < 500; k++) {
      double a = k / 2.0;
      d = 1 / (x + a * d);
      c = x + a / c;
      double delta = c * d;
      f *= delta;
      if (Math.abs(delta - 1) < 1e-17) {
        break;
      }
    }
    return ONE_OVER_SQRT_PI * Math.exp(-x * x) / f;
  }
}
