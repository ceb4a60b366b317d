package dev.tfj;

import dev.tfj.ops.DType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.function.IntToDoubleFunction;
import java.util.function.IntToLongFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * NumPy's {@code repr()} and {@code str()} of an array: what TensorFlow prints after {@code numpy=}.
 *
 * <p>Reproduces NumPy 1.24's {@code arrayprint} with the default print options (precision 8, floatmode 'maxprec',
 * suppress False, linewidth 75, threshold 1000, edgeitems 3, sign '-', legacy False) for float32, float64, int32,
 * int64, uint8 and bool. A float prints with the fewest digits that read back as the same value in the array's own
 * precision (a float32 0.1f prints {@code 0.1}), chosen and rounded as NumPy's Dragon4 does, and at most 8 digits
 * after the point (9 significant digits in scientific notation).
 *
 * <p>Rank-0 values differ between the two methods, as they do in TensorFlow: {@link #repr} is Python's repr of
 * {@code value.item()}, which widens a float32 to a Python float, so a float32 0.1 prints
 * {@code 0.10000000149011612}; {@link #str} is NumPy's str of the scalar in its own precision, {@code 0.1}.
 */
final class NumpyFormat {
  private static final int PRECISION = 8;
  private static final int LINE_WIDTH = 75;
  private static final int THRESHOLD = 1000;
  private static final int EDGE_ITEMS = 3;
  private static final String REPR_PREFIX = "array(";
  /** The dtypes NumPy leaves out of a non-empty array's repr, because a literal of them already has that dtype. */
  private static final Set<DType> IMPLIED_DTYPES = EnumSet.of(DType.FLOAT64, DType.INT64, DType.BOOL);

  private NumpyFormat() {}

  /**
   * NumPy's repr of the value: {@code "array([[ 0.],\n       [ 4.]], dtype=float32)"}, or for rank 0 Python's repr of
   * the scalar ({@code "6.0"}, {@code "3"}, {@code "True"}).
   *
   * @param data a flat row-major array: float[], double[], int[], long[], byte[] (read as unsigned) or boolean[]
   */
  static String repr(DType dtype, long[] shape, Object data) {
    int[] dims = dims(shape);
    if (dims.length == 0) {
      return scalarText(dtype, data, true);
    }
    boolean dtypeImplied = size(dims) > 0 && IMPLIED_DTYPES.contains(dtype);
    String text = REPR_PREFIX + reprBody(dtype, dims, data) + (dtypeImplied ? ")" : ",");
    if (dtypeImplied) {
      return text;
    }
    String dtypeText = "dtype=" + dtype.typeName() + ")";
    return text + dtypeSpacer(text, dtypeText) + dtypeText;
  }

  /** NumPy's str of the value: {@code "[[ 0.]\n [ 4.]]"}, or for rank 0 the scalar's str ({@code "6.0"}). */
  static String str(DType dtype, long[] shape, Object data) {
    int[] dims = dims(shape);
    if (dims.length == 0) {
      return scalarText(dtype, data, false);
    }
    return arrayText(dtype, dims, data, " ", 0, LINE_WIDTH);
  }

  private static String reprBody(DType dtype, int[] dims, Object data) {
    if (size(dims) == 0 && dims.length > 1) {
      // NumPy spells out an empty array's shape unless it is (0,)
      return "[], shape=" + tupleRepr(dims);
    }
    // one column is kept free for the "," or ")" that follows the brackets
    return arrayText(dtype, dims, data, ", ", REPR_PREFIX.length(), LINE_WIDTH - 1);
  }

  /** NumPy moves the dtype to a line of its own when it would run past the line width. */
  private static String dtypeSpacer(String text, String dtypeText) {
    int lastLineLength = text.length() - (text.lastIndexOf('\n') + 1);
    return lastLineLength + 1 + dtypeText.length() > LINE_WIDTH ? "\n" + " ".repeat(REPR_PREFIX.length()) : " ";
  }

  /** NumPy's array2string: the bracketed elements, continuation lines indented past the prefix and the "[". */
  private static String arrayText(
      DType dtype, int[] dims, Object data, String separator, int prefixLength, int lineWidth) {
    if (size(dims) == 0) {
      return "[]";
    }
    Grid grid = new Grid(dims, size(dims) > THRESHOLD);
    IntFunction<String> element = elementFormat(dtype, data, grid.shownOffsets());
    return new ArrayWriter(grid, element, separator).write(" ".repeat(prefixLength + 1), lineWidth);
  }

  /** One formatter for all elements, sized (as NumPy does) from only the elements that will be shown. */
  private static IntFunction<String> elementFormat(DType dtype, Object data, int[] shown) {
    return switch (dtype) {
      case FLOAT32 -> floatFormat(i -> ((float[]) data)[i], true, shown);
      case FLOAT64 -> floatFormat(i -> ((double[]) data)[i], false, shown);
      case INT32 -> integerFormat(i -> ((int[]) data)[i], shown);
      case INT64 -> integerFormat(i -> ((long[]) data)[i], shown);
      case UINT8 -> integerFormat(i -> Byte.toUnsignedInt(((byte[]) data)[i]), shown);
      // " True" keeps True as wide as False
      case BOOL -> i -> ((boolean[]) data)[i] ? " True" : "False";
      default -> throw unsupported(dtype);
    };
  }

  private static IntFunction<String> floatFormat(IntToDoubleFunction value, boolean single, int[] shown) {
    FloatingFormat format = new FloatingFormat(Arrays.stream(shown).mapToDouble(value).toArray(), single);
    return i -> format.apply(value.applyAsDouble(i));
  }

  /** NumPy's IntegerFormat: right-aligned to the widest shown value. */
  private static IntFunction<String> integerFormat(IntToLongFunction value, int[] shown) {
    int width = Arrays.stream(shown).map(i -> Long.toString(value.applyAsLong(i)).length()).max().orElse(0);
    return i -> padLeft(Long.toString(value.applyAsLong(i)), width);
  }

  /** A rank-0 value: Python's repr of {@code item()} when {@code pythonRepr}, else NumPy's str of the scalar. */
  private static String scalarText(DType dtype, Object data, boolean pythonRepr) {
    return switch (dtype) {
      // item() widens a float32 to a Python float, so its repr shows the digits of the double
      case FLOAT32 -> scalarFloat(((float[]) data)[0], !pythonRepr);
      case FLOAT64 -> scalarFloat(((double[]) data)[0], false);
      case INT32 -> Integer.toString(((int[]) data)[0]);
      case INT64 -> Long.toString(((long[]) data)[0]);
      case UINT8 -> Integer.toString(Byte.toUnsignedInt(((byte[]) data)[0]));
      case BOOL -> ((boolean[]) data)[0] ? "True" : "False";
      default -> throw unsupported(dtype);
    };
  }

  /**
   * A float scalar as NumPy's scalar str and Python's float repr write it: shortest digits, positional ("6.0") for
   * magnitudes in [1e-4, 1e16) and zero, scientific ("1e-05", "1.5e+16") otherwise.
   */
  private static String scalarFloat(double x, boolean single) {
    if (Double.isNaN(x)) {
      return "nan";
    }
    if (Double.isInfinite(x)) {
      return x < 0 ? "-inf" : "inf";
    }
    double magnitude = Math.abs(x);
    BigDecimal digits = Digits.shortest(magnitude, single);
    if (magnitude == 0 || (magnitude >= 1e-4 && magnitude < 1e16)) {
      FloatText text = FloatText.positional(isNegative(x), digits);
      return text.whole() + "." + (text.fraction().isEmpty() ? "0" : text.fraction());
    }
    FloatText text = FloatText.scientific(isNegative(x), digits);
    String fraction = text.fraction().isEmpty() ? "" : "." + text.fraction();
    return text.whole() + fraction + exponentText(text.exponent(), 2);
  }

  private static IllegalArgumentException unsupported(DType dtype) {
    return new IllegalArgumentException("NumPy formatting has no case for dtype " + dtype.typeName());
  }

  private static int[] dims(long[] shape) {
    return Arrays.stream(shape).mapToInt(Math::toIntExact).toArray();
  }

  private static int size(int[] dims) {
    return Arrays.stream(dims).reduce(1, Math::multiplyExact);
  }

  /** Python's repr of a tuple of two or more ints: "(2, 0)". */
  private static String tupleRepr(int[] dims) {
    return Arrays.stream(dims).mapToObj(Integer::toString).collect(Collectors.joining(", ", "(", ")"));
  }

  /** The sign bit, so that -0.0 counts as negative. */
  private static boolean isNegative(double x) {
    return Double.doubleToRawLongBits(x) < 0;
  }

  private static String exponentText(int exponent, int minDigits) {
    String digits = Integer.toString(Math.abs(exponent));
    return "e" + (exponent < 0 ? "-" : "+") + "0".repeat(Math.max(0, minDigits - digits.length())) + digits;
  }

  private static String padLeft(String text, int width) {
    return " ".repeat(Math.max(0, width - text.length())) + text;
  }

  private static String padRight(String text, int width, char fill) {
    return text + String.valueOf(fill).repeat(Math.max(0, width - text.length()));
  }

  /** NumPy's FloatingFormat: one layout (positional or scientific) and one padding for all elements. */
  private static final class FloatingFormat {
    private final boolean single;
    private final boolean scientific;
    /** Characters before the point, sign included. */
    private int padLeft;
    /** Characters after the point: the fraction, or for scientific notation fraction, "e", sign and exponent. */
    private int padRight;
    /** Scientific only: every mantissa is written with this many fraction digits. */
    private int fractionDigits;
    /** Scientific only: every exponent is written with this many digits. */
    private int exponentDigits;

    FloatingFormat(double[] shown, boolean single) {
      this.single = single;
      double[] finite = Arrays.stream(shown).filter(Double::isFinite).toArray();
      scientific = needsScientific(finite, single);
      if (scientific) {
        measureScientific(finite);
      } else {
        measurePositional(finite);
      }
      if (finite.length < shown.length) {
        widenForNonFinite(shown);
      }
    }

    /**
     * NumPy's rule on the finite non-zero magnitudes: scientific when max >= 1e8, min < 1e-4 or max/min > 1e3. The
     * comparisons are in float64 but the ratio is a quotient in the array's own precision.
     */
    private static boolean needsScientific(double[] finite, boolean single) {
      double[] magnitudes = Arrays.stream(finite).filter(v -> v != 0).map(Math::abs).toArray();
      if (magnitudes.length == 0) {
        return false;
      }
      double max = Arrays.stream(magnitudes).max().getAsDouble();
      double min = Arrays.stream(magnitudes).min().getAsDouble();
      double ratio = single ? (float) max / (float) min : max / min;
      return max >= 1e8 || min < 1e-4 || ratio > 1000;
    }

    private void measurePositional(double[] finite) {
      for (double x : finite) {
        FloatText text = positionalText(x, Digits.NO_MINIMUM);
        padLeft = Math.max(padLeft, text.whole().length());
        padRight = Math.max(padRight, text.fraction().length());
      }
    }

    private void measureScientific(double[] finite) {
      exponentDigits = 2;
      for (double x : finite) {
        FloatText text = scientificText(x, 1, PRECISION + 1);
        padLeft = Math.max(padLeft, text.whole().length());
        fractionDigits = Math.max(fractionDigits, text.fraction().length());
        exponentDigits = Math.max(exponentDigits, Integer.toString(Math.abs(text.exponent())).length());
      }
      padRight = fractionDigits + 2 + exponentDigits;
    }

    /** "nan", "inf" and "-inf" are right-aligned in the full width, which they may widen on the left. */
    private void widenForNonFinite(double[] shown) {
      boolean negativeInfinity = Arrays.stream(shown).anyMatch(x -> x == Double.NEGATIVE_INFINITY);
      int afterPoint = padRight + 1;
      padLeft = Math.max(padLeft, Math.max("nan".length(), (negativeInfinity ? "-inf" : "inf").length()) - afterPoint);
    }

    String apply(double x) {
      if (Double.isNaN(x)) {
        return padLeft("nan", padLeft + 1 + padRight);
      }
      if (Double.isInfinite(x)) {
        return padLeft(x < 0 ? "-inf" : "inf", padLeft + 1 + padRight);
      }
      if (scientific) {
        // NumPy asks Dragon4 for as many digits as the widest element has, so a float32 1e-05 next to 1.2345678
        // prints the digits it really has, 9.9999997e-06, rather than 1.0000000e-05 padded with zeros
        FloatText text = scientificText(x, fractionDigits + 1, fractionDigits + 1);
        return padLeft(text.whole(), padLeft) + "." + padRight(text.fraction(), fractionDigits, '0')
            + exponentText(text.exponent(), exponentDigits);
      }
      // NumPy's second pass asks for every whole digit (min_digits=0), so a float32 69194864 prints all its
      // digits here although 69194860 would read back as the same float
      FloatText text = positionalText(x, 0);
      return padLeft(text.whole(), padLeft) + "." + padRight(text.fraction(), padRight, ' ');
    }

    private FloatText positionalText(double x, int minFractionDigits) {
      BigDecimal digits = Digits.toFractionDigits(Math.abs(x), single, minFractionDigits, PRECISION);
      return FloatText.positional(isNegative(x), digits);
    }

    private FloatText scientificText(double x, int minDigits, int maxDigits) {
      BigDecimal digits = Digits.toSignificantDigits(Math.abs(x), single, minDigits, maxDigits);
      return FloatText.scientific(isNegative(x), digits);
    }
  }

  /**
   * A float's digits split the way NumPy pads them.
   *
   * @param whole the sign and the digits before the point
   * @param fraction the digits after the point, without trailing zeros
   * @param exponent the power of ten, in scientific notation only
   */
  private record FloatText(String whole, String fraction, int exponent) {
    static FloatText positional(boolean negative, BigDecimal digits) {
      String plain = digits.toPlainString();
      int point = plain.indexOf('.');
      String whole = point < 0 ? plain : plain.substring(0, point);
      String fraction = point < 0 ? "" : plain.substring(point + 1);
      return new FloatText((negative ? "-" : "") + whole, fraction, 0);
    }

    static FloatText scientific(boolean negative, BigDecimal digits) {
      String significand = digits.unscaledValue().toString();
      int exponent = significand.length() - 1 - digits.scale();
      return new FloatText((negative ? "-" : "") + significand.charAt(0), significand.substring(1), exponent);
    }
  }

  /**
   * Decimal digits of a non-negative binary float, chosen as NumPy's Dragon4 chooses them: the fewest digits that
   * read back as the same float (in its own precision), the nearest such decimal when two qualify, and when the
   * cutoff place comes first the exact value rounded there half to even. Results carry no trailing zeros.
   *
   * <p>Java's {@code Double.toString} is not used because in JDK 17 it sometimes prints more digits than needed.
   */
  private static final class Digits {
    /** A minimum number of fraction digits that asks for nothing: the leading digit may be the last. */
    static final int NO_MINIMUM = Integer.MIN_VALUE;

    private Digits() {}

    static BigDecimal shortest(double magnitude, boolean single) {
      ReadBack readBack = ReadBack.of(magnitude, single);
      return round(readBack, leadingScale(readBack.value()), Integer.MAX_VALUE);
    }

    /**
     * Digits to at most {@code maxFractionDigits} places after the point, not stopping before
     * {@code minFractionDigits} places (0: not before the units digit; {@link #NO_MINIMUM}: anywhere).
     */
    static BigDecimal toFractionDigits(
        double magnitude, boolean single, int minFractionDigits, int maxFractionDigits) {
      ReadBack readBack = ReadBack.of(magnitude, single);
      int firstScale = Math.max(leadingScale(readBack.value()), minFractionDigits);
      return round(readBack, firstScale, maxFractionDigits);
    }

    /** Digits from the leading one: at least {@code minDigits} even where fewer would read back, at most max. */
    static BigDecimal toSignificantDigits(double magnitude, boolean single, int minDigits, int maxDigits) {
      ReadBack readBack = ReadBack.of(magnitude, single);
      int leadingScale = leadingScale(readBack.value());
      return round(readBack, leadingScale + minDigits - 1, leadingScale + maxDigits - 1);
    }

    /** Tries one more digit at a time, from the digit at {@code firstScale} down to the digit at {@code lastScale}. */
    private static BigDecimal round(ReadBack readBack, int firstScale, int lastScale) {
      BigDecimal value = readBack.value();
      if (value.signum() == 0) {
        return BigDecimal.ZERO;
      }
      for (int scale = firstScale; ; scale++) {
        BigDecimal down = value.setScale(scale, RoundingMode.FLOOR);
        BigDecimal up = value.setScale(scale, RoundingMode.CEILING);
        boolean downReadsBack = readBack.contains(down);
        boolean upReadsBack = readBack.contains(up);
        if (downReadsBack != upReadsBack) {
          return (downReadsBack ? down : up).stripTrailingZeros();
        }
        if (downReadsBack || scale >= lastScale) {
          return value.setScale(scale, RoundingMode.HALF_EVEN).stripTrailingZeros();
        }
      }
    }

    /** The scale at which a positive value's leading digit is its last one. */
    private static int leadingScale(BigDecimal value) {
      return value.scale() - value.precision() + 1;
    }
  }

  /**
   * The decimals that read back as a float: those within half the gap to each neighbour, the ends included when the
   * float's mantissa is even (reading rounds a tie to even), as in Dragon4.
   */
  private record ReadBack(BigDecimal value, BigDecimal low, BigDecimal high, boolean closed) {
    private static final BigDecimal HALF = new BigDecimal("0.5");

    static ReadBack of(double magnitude, boolean single) {
      float narrow = (float) magnitude;
      double below = single ? Math.nextDown(narrow) : Math.nextDown(magnitude);
      double gapAbove = single ? Math.ulp(narrow) : Math.ulp(magnitude);
      long lowBit = single ? Float.floatToRawIntBits(narrow) & 1 : Double.doubleToRawLongBits(magnitude) & 1;
      BigDecimal value = new BigDecimal(magnitude);
      BigDecimal low = value.add(new BigDecimal(below)).multiply(HALF);
      BigDecimal high = value.add(new BigDecimal(gapAbove).multiply(HALF));
      return new ReadBack(value, low, high, lowBit == 0);
    }

    boolean contains(BigDecimal decimal) {
      int fromLow = decimal.compareTo(low);
      int fromHigh = decimal.compareTo(high);
      return closed ? fromLow >= 0 && fromHigh <= 0 : fromLow > 0 && fromHigh < 0;
    }
  }

  /** Which elements NumPy shows: all, or when summarising only the edge items at each end of every long axis. */
  private static final class Grid {
    /** Stands for the "..." in a list of shown indices. */
    static final int ELLIPSIS = -1;

    private final int[] dims;
    private final int[] strides;
    private final boolean summarise;

    Grid(int[] dims, boolean summarise) {
      this.dims = dims;
      this.summarise = summarise;
      strides = new int[dims.length];
      int stride = 1;
      for (int axis = dims.length - 1; axis >= 0; axis--) {
        strides[axis] = stride;
        stride *= dims[axis];
      }
    }

    int rank() {
      return dims.length;
    }

    int stride(int axis) {
      return strides[axis];
    }

    int[] shownIndices(int axis) {
      int n = dims[axis];
      if (!summarise || n <= 2 * EDGE_ITEMS) {
        return IntStream.range(0, n).toArray();
      }
      IntStream leading = IntStream.concat(IntStream.range(0, EDGE_ITEMS), IntStream.of(ELLIPSIS));
      return IntStream.concat(leading, IntStream.range(n - EDGE_ITEMS, n)).toArray();
    }

    /** Flat offsets of the shown elements. */
    int[] shownOffsets() {
      IntStream.Builder offsets = IntStream.builder();
      collectOffsets(0, 0, offsets);
      return offsets.build().toArray();
    }

    private void collectOffsets(int axis, int offset, IntStream.Builder offsets) {
      if (axis == dims.length) {
        offsets.add(offset);
        return;
      }
      for (int index : shownIndices(axis)) {
        if (index != ELLIPSIS) {
          collectOffsets(axis + 1, offset + index * strides[axis], offsets);
        }
      }
    }
  }

  /** NumPy's _formatArray: nested brackets, long rows wrapped, blocks of rank 3 and up split by blank lines. */
  private static final class ArrayWriter {
    private final Grid grid;
    private final IntFunction<String> element;
    private final String separator;

    ArrayWriter(Grid grid, IntFunction<String> element, String separator) {
      this.grid = grid;
      this.element = element;
      this.separator = separator;
    }

    /** The whole array; {@code indent} is what a continuation line starts with to sit under the first element. */
    String write(String indent, int width) {
      return block(0, 0, indent, width);
    }

    private String block(int axis, int offset, String indent, int width) {
      String body = axis == grid.rank() - 1 ? row(offset, indent, width) : rows(axis, offset, indent, width);
      return "[" + body.substring(indent.length()) + "]";
    }

    /** The last axis: elements joined by the separator, a new line begun before one that would pass the width. */
    private String row(int offset, String indent, int width) {
      int axis = grid.rank() - 1;
      int[] shown = grid.shownIndices(axis);
      // the closing "]" (or the separator's ",") needs a column after each element
      int lineEnd = width - 1;
      StringBuilder text = new StringBuilder();
      StringBuilder line = new StringBuilder(indent);
      for (int k = 0; k < shown.length; k++) {
        String word = shown[k] == Grid.ELLIPSIS ? "..." : element.apply(offset + shown[k] * grid.stride(axis));
        // a line holding nothing but its indent is not wrapped: that would not make the word fit
        if (line.length() + word.length() > lineEnd && line.length() > indent.length()) {
          text.append(line.toString().stripTrailing()).append('\n');
          line = new StringBuilder(indent);
        }
        line.append(word);
        if (k < shown.length - 1) {
          line.append(separator);
        }
      }
      return text.append(line).toString();
    }

    /** An outer axis: one nested block per line, with a blank line per axis below the rows' axis. */
    private String rows(int axis, int offset, String indent, int width) {
      String lineSeparator = separator.stripTrailing() + "\n".repeat(grid.rank() - axis - 1);
      return Arrays.stream(grid.shownIndices(axis))
          .mapToObj(index -> indent + (index == Grid.ELLIPSIS
              ? "..."
              : block(axis + 1, offset + index * grid.stride(axis), indent + " ", width - 1)))
          .collect(Collectors.joining(lineSeparator));
    }
  }
}
