package dev.tfj.devices.cpu;

/**
 * erf(x), which java.lang.Math lacks. For |x| < 6 it sums the series
 * erf(x) = 2/sqrt(pi) * x * exp(-x^2) * sum_n (2x^2)^n / (1 * 3 * ... * (2n+1)),
 * whose terms are all positive, so nothing cancels and the result keeps double precision;
 * beyond 6, erf(x) rounds to +-1 in double.
 */
final class ErrorFunction {
  private static final double TWO_OVER_SQRT_PI = 2 / Math.sqrt(Math.PI);

  private ErrorFunction() {}

  static double erf(double x) {
    if (Double.isNaN(x)) {
      return x;
    }
    double ax = Math.abs(x);
    if (ax >= 6) {
      return Math.copySign(1, x);
    }
    double twoXSquared = 2 * ax * ax;
    double term = 1;
    double sum = 1;
    for (int n = 1; term > sum * 1e-17; n++) {
      term *= twoXSquared / (2 * n + 1);
      sum += term;
    }
    double value = TWO_OVER_SQRT_PI * ax * Math.exp(-ax * ax) * sum;
    return Math.copySign(Math.min(value, 1), x);
  }
}
