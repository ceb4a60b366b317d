package dev.tfj.keras;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Numbers as Python prints them in Keras's output: {@code repr(float)} (shortest round trip,
 * {@code 1e-05}, {@code 0.5}), and {@code %.Nf} / {@code %.Ne}, which round the exact binary value
 * half to even (Java's Formatter rounds half up).
 */
public final class PythonText {
  private PythonText() {}

  /** Python's {@code repr(x)} for a float. */
  public static String repr(double x) {
    if (Double.isNaN(x)) {
      return "nan";
    }
    if (Double.isInfinite(x)) {
      return x > 0 ? "inf" : "-inf";
    }
    if (x == 0) {
      return (1 / x < 0) ? "-0.0" : "0.0";
    }
    BigDecimal d = new BigDecimal(Double.toString(Math.abs(x))).stripTrailingZeros();
    String digits = d.unscaledValue().toString();
    int exponent = digits.length() - 1 - d.scale();
    String sign = x < 0 ? "-" : "";
    if (exponent < -4 || exponent >= 16) {
      String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
      return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + pad2(Math.abs(exponent));
    }
    String plain = d.toPlainString();
    return sign + (plain.contains(".") ? plain : plain + ".0");
  }

  /** Python's {@code "%.{digits}f" % x}. */
  public static String fixed(double x, int digits) {
    if (Double.isNaN(x) || Double.isInfinite(x)) {
      return repr(x);
    }
    return new BigDecimal(x).setScale(digits, RoundingMode.HALF_EVEN).toPlainString()
        .replaceFirst("^-(0\\.?0*)$", "-$1");
  }

  /** Python's {@code "%.{digits}e" % x}: {@code 1.2346e-04}. */
  public static String scientific(double x, int digits) {
    if (Double.isNaN(x) || Double.isInfinite(x)) {
      return repr(x);
    }
    if (x == 0) {
      return (1 / x < 0 ? "-" : "") + "0." + "0".repeat(digits) + "e+00";
    }
    BigDecimal d = new BigDecimal(Math.abs(x));
    int exponent = d.precision() - d.scale() - 1;
    BigDecimal mantissa = d.movePointLeft(exponent).setScale(digits, RoundingMode.HALF_EVEN);
    if (mantissa.compareTo(BigDecimal.TEN) >= 0) {
      exponent++;
      mantissa = d.movePointLeft(exponent).setScale(digits, RoundingMode.HALF_EVEN);
    }
    return (x < 0 ? "-" : "") + mantissa.toPlainString() + "e" + (exponent < 0 ? "-" : "+") + pad2(Math.abs(exponent));
  }

  /** Python's {@code f"{n:,}"}. */
  public static String thousands(long n) {
    return String.format(java.util.Locale.ROOT, "%,d", n);
  }

  private static String pad2(int n) {
    return n < 10 ? "0" + n : Integer.toString(n);
  }
}
