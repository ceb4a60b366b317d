package dev.tfj.ops;

import static dev.tfj.ops.GradientFn.grads;

import dev.tfj.errors.InvalidArgumentError;
import java.util.Arrays;

/**
 * Linear algebra ops beyond MatMul (which {@link MathOps} holds): batched products, diagonals,
 * Einsum; gradients as TensorFlow's math_grad.py, array_grad.py and linalg_grad.py define them.
 */
public final class LinalgOps {
  private LinalgOps() {}

  static void load() {}

  // ---- batched matrix products ----

  /**
   * Products of the inner matrices, batch axes broadcast. The gradients are products again;
   * where a batch axis was broadcast, they are summed back to the operand's shape.
   */
  public static final Op BATCH_MAT_MUL_V2 = Op.define("BatchMatMulV2")
      .outputShape(LinalgOps::batchMatmulShape)
      .gradient((o, c) -> {
        boolean adjX = c.attrs().bool("adj_x");
        boolean adjY = c.attrs().bool("adj_y");
        Operand x = c.x();
        Operand y = c.y();
        Operand g = c.dy();
        Operand gx;
        Operand gy;
        if (!adjX && !adjY) {
          gx = o.matmulOfAnyRank(g, y, false, true);
          gy = o.matmulOfAnyRank(x, g, true, false);
        } else if (!adjX) {
          gx = o.matmulOfAnyRank(g, y, false, false);
          gy = o.matmulOfAnyRank(g, x, true, false);
        } else if (!adjY) {
          gx = o.matmulOfAnyRank(y, g, false, true);
          gy = o.matmulOfAnyRank(x, g, false, false);
        } else {
          gx = o.matmulOfAnyRank(y, g, true, true);
          gy = o.matmulOfAnyRank(g, x, true, true);
        }
        return grads(o.unbroadcast(gx, x.shape()), o.unbroadcast(gy, y.shape()));
      });

  private static long[] batchMatmulShape(Operand[] in, Attrs a) {
    long[] x = in[0].shape();
    long[] y = in[1].shape();
    if (x.length < 2) {
      throw new InvalidArgumentError("In[0] ndims must be >= 2: " + x.length);
    }
    if (y.length < 2) {
      throw new InvalidArgumentError("In[1] ndims must be >= 2: " + y.length);
    }
    long[] batch = Shapes.broadcastOrNull(Arrays.copyOf(x, x.length - 2), Arrays.copyOf(y, y.length - 2));
    if (batch == null) {
      throw new InvalidArgumentError("In[0] and In[1] must have compatible batch dimensions: "
          + Shapes.str(x) + " vs. " + Shapes.str(y));
    }
    boolean adjX = a.bool("adj_x");
    boolean adjY = a.bool("adj_y");
    long rows = x[x.length - (adjX ? 1 : 2)];
    long inner = x[x.length - (adjX ? 2 : 1)];
    long innerY = y[y.length - (adjY ? 1 : 2)];
    long cols = y[y.length - (adjY ? 2 : 1)];
    if (inner != innerY) {
      throw new InvalidArgumentError("Matrix size-incompatible: In[0]: " + Shapes.str(x)
          + ", In[1]: " + Shapes.str(y) + " " + (adjX ? 1 : 0) + " " + (adjY ? 1 : 0));
    }
    long[] out = Arrays.copyOf(batch, batch.length + 2);
    out[batch.length] = rows;
    out[batch.length + 1] = cols;
    return out;
  }

  // ---- diagonals (k: one diagonal index, or a lower and an upper one) ----

  /** The gradient puts the diagonals back into zero matrices of the input's size. */
  public static final Op MATRIX_DIAG_PART_V3 = Op.define("MatrixDiagPartV3")
      .outputShape(LinalgOps::diagPartShape)
      .gradient((o, c) -> {
        long[] x = c.x().shape();
        return grads(o.matrixDiag(c.dy(), Diagonals.band(c.inputs()[1]), (int) x[x.length - 2],
            (int) x[x.length - 1], o.scalar(c.dy().dtype(), 0), align(c)), null, null);
      });

  /** The gradient reads the diagonals back out. */
  public static final Op MATRIX_DIAG_V3 = Op.define("MatrixDiagV3")
      .outputShape(LinalgOps::diagShape)
      .gradient((o, c) -> grads(o.matrixDiagPart(c.dy(), Diagonals.band(c.inputs()[1]),
          o.scalar(c.dy().dtype(), 0), align(c)), null, null, null, null));

  /** The input gets dy with the band zeroed; the diagonals get the band of dy. */
  public static final Op MATRIX_SET_DIAG_V3 = Op.define("MatrixSetDiagV3")
      .outputShape(LinalgOps::setDiagShape)
      .gradient((o, c) -> {
        int[] band = Diagonals.band(c.inputs()[2]);
        Operand zeros = o.zerosLike(c.y());
        return grads(o.matrixSetDiag(c.dy(), zeros, band, align(c)),
            o.matrixDiagPart(c.dy(), band, o.scalar(c.dy().dtype(), 0), align(c)), null);
      });

  private static String align(OpCall c) {
    return (String) c.attrs().get("align");
  }

  private static long[] diagPartShape(Operand[] in, Attrs a) {
    int[] band = Diagonals.band(in[1]);
    long[] x = in[0].shape();
    if (x.length < 2) {
      throw new InvalidArgumentError("input must be at least 2-dim, received shape: " + Shapes.str(x));
    }
    long rows = x[x.length - 2];
    long cols = x[x.length - 1];
    Diagonals.checkBand(band, rows, cols, ". ");
    return diagonalsShape(Arrays.copyOf(x, x.length - 2), band, rows, cols);
  }

  /** Batch shape, then the number of diagonals when more than one, then the longest's length. */
  private static long[] diagonalsShape(long[] batch, int[] band, long rows, long cols) {
    int count = band[1] - band[0] + 1;
    long[] out = Arrays.copyOf(batch, batch.length + (count > 1 ? 2 : 1));
    if (count > 1) {
      out[batch.length] = count;
    }
    out[out.length - 1] = Diagonals.maxLength(band, rows, cols);
    return out;
  }

  private static long[] diagShape(Operand[] in, Attrs a) {
    int[] band = Diagonals.band(in[1]);
    long numRows = in[2].longValues()[0];
    long numCols = in[3].longValues()[0];
    long[] d = in[0].shape();
    if (d.length < 1) {
      throw new InvalidArgumentError("diagonal must be at least 1-dim, received shape: " + Shapes.str(d));
    }
    Diagonals.checkOrdered(band);
    int count = band[1] - band[0] + 1;
    if (count > 1 && (d.length < 2 || d[d.length - 2] != count)) {
      throw new InvalidArgumentError("The number of diagonals provided in the input does not match"
          + " the lower_diag_index and upper_diag_index range.");
    }
    long maxLength = d[d.length - 1];
    long minRows = maxLength - Math.min(band[1], 0);
    long minCols = maxLength + Math.max(band[0], 0);
    if (numRows != -1 && numRows < minRows) {
      throw new InvalidArgumentError("The number of rows is too small.");
    }
    if (numCols != -1 && numCols < minCols) {
      throw new InvalidArgumentError("The number of columns is too small.");
    }
    if (numRows == -1 && numCols == -1) {
      numRows = Math.max(minRows, minCols);
      numCols = numRows;
    } else if (numRows == -1) {
      numRows = minRows;
    } else if (numCols == -1) {
      numCols = minCols;
    }
    if (numRows != minRows && numCols != minCols) {
      throw new InvalidArgumentError("The number of rows or columns is not consistent with the"
          + " specified d_lower, d_upper, and diagonal.");
    }
    int batch = d.length - (count > 1 ? 2 : 1);
    long[] out = Arrays.copyOf(d, batch + 2);
    out[batch] = numRows;
    out[batch + 1] = numCols;
    return out;
  }

  private static long[] setDiagShape(Operand[] in, Attrs a) {
    if (in[2].shape().length <= 1 && in[2].longValues().length == 0) {
      throw new InvalidArgumentError("diag_index must have at least one element");
    }
    int[] band = Diagonals.band(in[2]);
    long[] x = in[0].shape();
    long[] d = in[1].shape();
    if (x.length < 2) {
      throw new InvalidArgumentError("input must be at least 2-dim, received shape: " + Shapes.str(x));
    }
    if (d.length < 1) {
      throw new InvalidArgumentError("diagonal must be at least 1-dim, received shape: " + Shapes.str(d));
    }
    long rows = x[x.length - 2];
    long cols = x[x.length - 1];
    Diagonals.checkBand(band, rows, cols, " ");
    int count = band[1] - band[0] + 1;
    if (count > 1 && (d.length < x.length - 1 || d[x.length - 2] != count)) {
      throw new InvalidArgumentError("The number of diagonals provided in `diag` is not consistent"
          + " with `lower_diag_index` and `upper_diag_index`");
    }
    long[] expected = diagonalsShape(Arrays.copyOf(x, x.length - 2), band, rows, cols);
    if (!Arrays.equals(expected, d)) {
      throw new InvalidArgumentError("Either first dimensions of diagonal don't match"
          + " input.shape[:-2], or diagonal.shape[:-1] is not equal to the longests diagonal in"
          + " range [lower_diag_index:upper_diag_index].\nInput shape: " + Shapes.str(x)
          + "\nDiagonal shape: " + Shapes.str(d) + "\nExpected diagonal shape: "
          + Shapes.str(expected));
    }
    return x;
  }

  // ---- einsum ----

  /** One or two operands; see {@link EinsumEquation}. The gradient is einsums again. */
  public static final Op EINSUM = Op.define("Einsum")
      .outputShape((in, a) -> {
        long[][] shapes = new long[in.length][];
        for (int i = 0; i < in.length; i++) {
          shapes[i] = in[i].shape();
        }
        return EinsumEquation.of((String) a.get("equation")).plan(shapes).outputShape();
      })
      .gradient(EinsumGradient::of);
}
