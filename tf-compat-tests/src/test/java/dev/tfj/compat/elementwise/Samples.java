package dev.tfj.compat.elementwise;

import dev.tfj.ops.DType;
import java.util.ArrayList;
import java.util.List;

/** Inputs for elementwise ops: each dtype's edge values, in the shapes worth checking. */
final class Samples {
  private Samples() {}

  static final DType[] ALL_DTYPES = {
      DType.FLOAT32, DType.FLOAT64, DType.INT32, DType.INT64, DType.UINT8, DType.BOOL};

  static final DType[] FLOATING = {DType.FLOAT32, DType.FLOAT64};

  /** Zeros of both signs, halves (rounding ties), bounds of relu6 and clip, extremes, NaN. */
  static final double[] REALS = {0.0, -0.0, 1, -1, 0.5, -0.5, 1.5, -1.5, 2.5, -2.5, 0.1, -0.3,
      0.999, -0.999, 3, -3, 6, 7, -7, 1e-7, -1e-10, -1e-3, 13.9, -13.9, 14, -14, 20, -20, 100, -100,
      Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN};

  /** Finite values away from the kinks, for gradients checked against TensorFlow's. */
  static final double[] SMOOTH = {0.3, -0.7, 1.2, -1.6, 0.05, -0.02, 2.7, -3.3, 0.9, 4.5, -5.5, 8};

  static final long[] INT32S = {0, 1, -1, 2, -2, 3, 6, 7, -7, 100, 255, 256, -129,
      Integer.MAX_VALUE, Integer.MIN_VALUE};

  static final long[] INT64S = {0, 1, -1, 2, -2, 3, 6, 7, -7, 100, 255, 256, -129,
      Integer.MAX_VALUE, Integer.MIN_VALUE, 1L << 40, Long.MAX_VALUE, Long.MIN_VALUE};

  static final long[] UINT8S = {0, 1, 2, 3, 6, 7, 100, 127, 128, 200, 255};

  static final boolean[] BOOLS = {true, false, true, true, false, false};

  /** Every edge value of {@code dtype}, as a vector. */
  static Flat edges(DType dtype) {
    return switch (dtype) {
      case FLOAT32, FLOAT64 -> Flat.of(dtype, new long[] {REALS.length}, REALS);
      case INT32 -> Flat.of(dtype, new long[] {INT32S.length}, INT32S);
      case INT64 -> Flat.of(dtype, new long[] {INT64S.length}, INT64S);
      case UINT8 -> Flat.of(dtype, new long[] {UINT8S.length}, UINT8S);
      case BOOL -> Flat.of(new long[] {BOOLS.length}, BOOLS);
      default -> throw new IllegalArgumentException(dtype.toString());
    };
  }

  /** The edge values as a vector, the first six as a matrix, the first as a scalar, and empties. */
  static List<Flat> shapes(DType dtype) {
    Flat all = edges(dtype);
    List<Flat> out = new ArrayList<>();
    out.add(all);
    out.add(all.take(new long[] {2, 3}, 6));
    out.add(all.take(new long[] {}, 1));
    out.add(all.take(new long[] {0}, 0));
    out.add(all.take(new long[] {2, 0}, 0));
    return out;
  }

  /** Two inputs holding every pair of edge values, x as a column and y as a row. */
  static Flat[] allPairs(DType dtype) {
    Flat all = edges(dtype);
    int n = all.size();
    return new Flat[] {all.take(new long[] {n, 1}, n), all.take(new long[] {1, n}, n)};
  }

  static Flat smooth(DType dtype, long... shape) {
    int n = (int) java.util.Arrays.stream(shape).reduce(1, (a, b) -> a * b);
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = SMOOTH[i % SMOOTH.length] * (1 + i / SMOOTH.length * 0.1);
    }
    return Flat.of(dtype, shape, v);
  }

  /** Upstream gradients: varied, so a rule that drops or swaps a factor shows. */
  static Flat upstream(DType dtype, long... shape) {
    int n = (int) java.util.Arrays.stream(shape).reduce(1, (a, b) -> a * b);
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = 0.5 + 0.25 * (i % 7) - 0.125 * (i % 3);
    }
    return Flat.of(dtype, shape, v);
  }
}
