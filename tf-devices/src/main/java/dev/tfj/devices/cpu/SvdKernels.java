package dev.tfj.devices.cpu;

import static dev.tfj.devices.cpu.CpuKernels.put;
import static dev.tfj.devices.cpu.Elementwise.allocate;
import static dev.tfj.devices.cpu.Elementwise.input;

import dev.tfj.devices.Kernel;
import dev.tfj.devices.KernelContext;
import dev.tfj.ops.LinalgOps;
import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * The Svd kernel: one-sided (Hestenes) Jacobi in double precision for float32 and float64, on
 * each inner matrix of the batch. Singular values come largest first, as TensorFlow returns them.
 * The singular vectors are TensorFlow's only up to what the decomposition leaves free: the sign
 * of each pair of columns of u and v (flipping both gives the same product), any orthonormal basis
 * of the space of a repeated singular value, and the columns beyond the rank (zero singular
 * values, and the extra columns of full matrices), which here are a completion of the standard
 * basis. TensorFlow's Eigen kernel may choose differently. A matrix with a NaN or an infinity
 * gets NaN everywhere, as TensorFlow's kernel gives when Eigen's solver fails.
 */
final class SvdKernels {
  private SvdKernels() {}

  /** Columns count as orthogonal once their cosine is below this. */
  private static final double ORTHOGONAL = 1e-15;
  /** Far more sweeps than convergence takes (quadratic, typically under 10). */
  private static final int MAX_SWEEPS = 100;

  static void register(Kernel[] table) {
    put(table, LinalgOps.SVD, SvdKernels::svd);
  }

  private static void svd(KernelContext ctx) {
    HostBuffer x = input(ctx, 0);
    boolean uv = ctx.attrs.bool("compute_uv");
    long[] shape = ctx.inputShapes[0];
    int m = (int) shape[shape.length - 2];
    int n = (int) shape[shape.length - 1];
    int p = Math.min(m, n);
    int batches = (int) dev.tfj.ops.Shapes.numElements(Arrays.copyOf(shape, shape.length - 2));
    HostBuffer s = allocate(ctx, 0);
    HostBuffer u = allocate(ctx, 1);
    HostBuffer v = allocate(ctx, 2);
    long[] uShape = ctx.outputShapes[1];
    long[] vShape = ctx.outputShapes[2];
    int uCols = uv ? (int) uShape[uShape.length - 1] : 0;
    int vCols = uv ? (int) vShape[vShape.length - 1] : 0;
    IntStream.range(0, batches).parallel().forEach(b -> {
      double[] a = new double[m * n];
      for (int i = 0; i < a.length; i++) {
        a[i] = x.getDouble(b * m * n + i);
      }
      Decomposition d = decompose(a, m, n, uv, uCols, vCols);
      for (int k = 0; k < p; k++) {
        s.setDouble(b * p + k, d.s[k]);
      }
      if (uv) {
        write(d.u, u, b * m * uCols);
        write(d.v, v, b * n * vCols);
      }
    });
  }

  private static void write(double[] values, HostBuffer out, int offset) {
    for (int i = 0; i < values.length; i++) {
      out.setDouble(offset + i, values[i]);
    }
  }

  /** s, and row-major u (m x uCols) and v (n x vCols) when asked for. */
  private record Decomposition(double[] s, double[] u, double[] v) {}

  /**
   * Decomposes a (m x n, row-major). Jacobi runs on the columns of the matrix that is at least as
   * tall as wide (a, or a^T, whose left and right vectors are a's right and left ones).
   */
  static Decomposition decompose(double[] a, int m, int n, boolean uv, int uCols, int vCols) {
    boolean wide = m < n;
    int rows = Math.max(m, n);
    int cols = Math.min(m, n);
    double[][] w = new double[cols][rows];
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        if (wide) {
          w[i][j] = a[i * n + j];
        } else {
          w[j][i] = a[i * n + j];
        }
      }
    }
    if (!Arrays.stream(a).allMatch(Double::isFinite)) {
      double[] nan = new double[cols];
      Arrays.fill(nan, Double.NaN);
      return new Decomposition(nan, uv ? filled(m * uCols, Double.NaN) : null,
          uv ? filled(n * vCols, Double.NaN) : null);
    }
    double[][] rotations = identity(cols);
    orthogonalizeColumns(w, rotations);
    double[] norms = new double[cols];
    for (int j = 0; j < cols; j++) {
      norms[j] = Math.sqrt(dot(w[j], w[j]));
    }
    Integer[] order = new Integer[cols];
    Arrays.setAll(order, j -> j);
    Arrays.sort(order, (i, j) -> Double.compare(norms[j], norms[i]));
    double[] s = new double[cols];
    for (int k = 0; k < cols; k++) {
      s[k] = norms[order[k]];
    }
    if (!uv) {
      return new Decomposition(s, null, null);
    }
    // Left vectors of the tall matrix: its normalized columns, completed where a singular value
    // is zero and beyond the first cols columns when full matrices are asked for.
    int tallLeftCols = wide ? vCols : uCols;
    double[][] left = new double[tallLeftCols][];
    for (int k = 0; k < cols; k++) {
      double norm = norms[order[k]];
      if (norm > Double.MIN_NORMAL) {
        double[] column = w[order[k]];
        left[k] = new double[rows];
        for (int i = 0; i < rows; i++) {
          left[k][i] = column[i] / norm;
        }
      }
    }
    completeOrthonormal(left, rows);
    double[][] right = new double[cols][];
    for (int k = 0; k < cols; k++) {
      right[k] = rotations[order[k]];
    }
    double[][] uColumns = wide ? right : left;
    double[][] vColumns = wide ? left : right;
    return new Decomposition(s, rowMajor(uColumns, m), rowMajor(vColumns, n));
  }

  /**
   * Rotates pairs of columns of w until every pair is orthogonal, applying the same rotations to
   * the columns of {@code rotations}: w's columns end as a's left vectors times the singular
   * values, and the rotations' columns as the right vectors.
   */
  private static void orthogonalizeColumns(double[][] w, double[][] rotations) {
    int cols = w.length;
    for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
      boolean rotated = false;
      for (int p = 0; p < cols - 1; p++) {
        for (int q = p + 1; q < cols; q++) {
          double alpha = dot(w[p], w[p]);
          double beta = dot(w[q], w[q]);
          double gamma = dot(w[p], w[q]);
          if (Math.abs(gamma) <= ORTHOGONAL * Math.sqrt(alpha * beta)) {
            continue;
          }
          rotated = true;
          double zeta = (beta - alpha) / (2 * gamma);
          double t = (zeta >= 0 ? 1 : -1) / (Math.abs(zeta) + Math.hypot(1, zeta));
          double c = 1 / Math.sqrt(1 + t * t);
          rotate(w[p], w[q], c, c * t);
          rotate(rotations[p], rotations[q], c, c * t);
        }
      }
      if (!rotated) {
        return;
      }
    }
  }

  private static void rotate(double[] x, double[] y, double c, double s) {
    for (int i = 0; i < x.length; i++) {
      double xi = x[i];
      double yi = y[i];
      x[i] = c * xi - s * yi;
      y[i] = s * xi + c * yi;
    }
  }

  /**
   * Fills the null columns with unit vectors orthogonal to all others: each time the standard
   * basis vector with the largest part outside the span so far, that part normalized.
   */
  private static void completeOrthonormal(double[][] columns, int length) {
    for (int k = 0; k < columns.length; k++) {
      if (columns[k] != null) {
        continue;
      }
      double[] best = null;
      double bestNorm = -1;
      for (int candidate = 0; candidate < length; candidate++) {
        double[] e = new double[length];
        e[candidate] = 1;
        // Twice, so that the rounding of the first pass is removed too.
        for (int pass = 0; pass < 2; pass++) {
          for (double[] other : columns) {
            if (other != null) {
              double projection = dot(e, other);
              for (int i = 0; i < length; i++) {
                e[i] -= projection * other[i];
              }
            }
          }
        }
        double norm = Math.sqrt(dot(e, e));
        if (norm > bestNorm) {
          best = e;
          bestNorm = norm;
        }
      }
      for (int i = 0; i < length; i++) {
        best[i] /= bestNorm;
      }
      columns[k] = best;
    }
  }

  private static double dot(double[] x, double[] y) {
    double sum = 0;
    for (int i = 0; i < x.length; i++) {
      sum += x[i] * y[i];
    }
    return sum;
  }

  private static double[][] identity(int n) {
    double[][] out = new double[n][n];
    for (int i = 0; i < n; i++) {
      out[i][i] = 1;
    }
    return out;
  }

  private static double[] filled(int size, double value) {
    double[] out = new double[size];
    Arrays.fill(out, value);
    return out;
  }

  /** The matrix whose columns are {@code columns}, each of length {@code rows}, row-major. */
  private static double[] rowMajor(double[][] columns, int rows) {
    double[] out = new double[rows * columns.length];
    for (int k = 0; k < columns.length; k++) {
      for (int i = 0; i < rows; i++) {
        out[i * columns.length + k] = columns[k][i];
      }
    }
    return out;
  }
}
