package dev.tfj.ops;

import dev.tfj.errors.InvalidArgumentError;

/**
 * The geometry the MatrixDiag*V3 ops share: a band of diagonals {@code lower..upper} (k) of
 * rows-by-columns matrices, each diagonal packed into a row of {@code maxLength} elements,
 * left- or right-aligned as the {@code align} attr says. Shape rules and kernels both use it.
 */
public final class Diagonals {
  private Diagonals() {}

  /** The band named by k (a scalar, or a vector of one or two indices): {lower, upper}. */
  public static int[] band(Operand k) {
    long[] shape = k.shape();
    if (shape.length > 1) {
      throw new InvalidArgumentError("diag_index must be a scalar or vector, received shape: "
          + Shapes.str(shape));
    }
    long[] values = k.longValues();
    if (shape.length == 1 && (values.length == 0 || values.length > 2)) {
      throw new InvalidArgumentError("diag_index must have only one or two elements, received "
          + values.length + " elements.");
    }
    return new int[] {(int) values[0], (int) values[values.length - 1]};
  }

  /**
   * TensorFlow's bounds on a band of an existing matrix: each index strictly between -rows and
   * columns (or 0), and lower <= upper. {@code lowerSeparator} is the text after the lower
   * index, which TensorFlow spells differently in its two kernels.
   */
  static void checkBand(int[] band, long rows, long cols, String lowerSeparator) {
    if (!((-rows < band[0] && band[0] < cols) || band[0] == 0)) {
      throw new InvalidArgumentError("lower_diag_index is out of bound: " + band[0] + lowerSeparator
          + "It must be between " + -rows + " and " + cols);
    }
    if (!((-rows < band[1] && band[1] < cols) || band[1] == 0)) {
      throw new InvalidArgumentError("upper_diag_index is out of bound: " + band[1]
          + " It must be between " + -rows + " and " + cols);
    }
    checkOrdered(band);
  }

  static void checkOrdered(int[] band) {
    if (band[0] > band[1]) {
      throw new InvalidArgumentError("lower_diag_index must not be larger than upper_diag_index: "
          + band[0] + " > " + band[1]);
    }
  }

  /** The length of the longest diagonal of the band, the packed row length. */
  public static long maxLength(int[] band, long rows, long cols) {
    return Math.min(rows + Math.min(band[1], 0), cols - Math.max(band[0], 0));
  }

  /** The length of diagonal {@code d}. */
  public static long length(int d, long rows, long cols) {
    return Math.min(rows + Math.min(0, d), cols - Math.max(0, d));
  }

  /** Where diagonal {@code d} starts within its packed row: 0 when left-aligned. */
  public static long contentOffset(int d, long maxLength, long rows, long cols, String align) {
    boolean leftSuper = align.equals("LEFT_LEFT") || align.equals("LEFT_RIGHT");
    boolean leftSub = align.equals("LEFT_LEFT") || align.equals("RIGHT_LEFT");
    boolean left = (d >= 0 && leftSuper) || (d <= 0 && leftSub);
    return left ? 0 : maxLength - length(d, rows, cols);
  }
}
