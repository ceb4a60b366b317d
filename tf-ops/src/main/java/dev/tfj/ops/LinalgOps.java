package dev.tfj.ops;

import static dev.tfj.ops.GradientFn.grads;

import dev.tfj.errors.InvalidArgumentError;
import dev.tfj.errors.NotImplementedError;
import java.util.Arrays;

/**
 * Linear algebra ops beyond MatMul (which {@link MathOps} holds): batched products, diagonals,
 * Einsum, Svd; gradients as TensorFlow's math_grad.py, array_grad.py and linalg_grad.py define them.
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
      // TensorFlow's generic kernel's text; its oneDNN kernel appends " <adj_x> <adj_y>" as 0/1.
      throw new InvalidArgumentError("Matrix size-incompatible: In[0]: " + Shapes.str(x)
          + ", In[1]: " + Shapes.str(y));
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
    if (Shapes.numElements(in[2].shape()) != 1) { // TensorFlow's kernel takes a one-element vector too
      throw new InvalidArgumentError("Padding must be scalar.");
    }
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
    if (in[4].shape().length != 0) {
      throw new InvalidArgumentError("padding_value must be a scalar");
    }
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

  // ---- singular value decomposition ----

  /**
   * Singular values of the inner matrices, largest first, and with {@code compute_uv} the singular
   * vectors (u: [..., M, M or P], v: [..., N, N or P], P = min(M, N)); without it u and v are
   * empty [0] tensors, as TensorFlow's kernel leaves them. The gradient is TensorFlow's _SvdGrad.
   */
  public static final Op SVD = Op.define("Svd")
      .shape((in, a) -> {
        long[] x = in[0].shape();
        if (x.length < 2) {
          throw new InvalidArgumentError("Input tensor 0 must have rank >= 2, got " + x.length);
        }
        long m = x[x.length - 2];
        long n = x[x.length - 1];
        long p = Math.min(m, n);
        long[] s = Arrays.copyOf(x, x.length - 1);
        s[s.length - 1] = p;
        if (!a.bool("compute_uv")) {
          return new long[][] {s, {0}, {0}};
        }
        boolean full = a.bool("full_matrices");
        return new long[][] {s, matrixShape(x, m, full ? m : p), matrixShape(x, n, full ? n : p)};
      })
      .gradient(LinalgOps::svdGradient);

  /** The batch axes of {@code x}, then rows and cols. */
  private static long[] matrixShape(long[] x, long rows, long cols) {
    long[] out = x.clone();
    out[out.length - 2] = rows;
    out[out.length - 1] = cols;
    return out;
  }

  /**
   * TensorFlow's _SvdGrad for real dtypes. Without u and v the gradient is u diag(ds) v^T from a
   * second Svd that computes them. With them, the derivation is Giles' (and Townsend's for thin
   * factors); the work is done for M &lt;= N and a tall input's gradient is the adjoint of its
   * adjoint's. Repeated singular values make the gradient of u and v infinite (in practice huge
   * or NaN), as in TensorFlow: the vectors are then only defined up to a subspace.
   */
  private static Operand[] svdGradient(OpRunner o, OpCall c) {
    Operand a = c.x();
    Operand gradS = diagonalMatrix(o, c.dys()[0]);
    if (!c.attrs().bool("compute_uv")) {
      Operand[] suv = o.svd(a, true, false);
      return grads(o.matmulOfAnyRank(suv[1], o.matmulOfAnyRank(gradS, suv[2], false, true), false, false));
    }
    boolean full = c.attrs().bool("full_matrices");
    long[] shape = a.shape();
    int m = (int) shape[shape.length - 2];
    int n = (int) shape[shape.length - 1];
    boolean tall = m > n;
    Operand u = c.outputs()[tall ? 2 : 1];
    Operand v = c.outputs()[tall ? 1 : 2];
    Operand gradU = c.dys()[tall ? 2 : 1];
    Operand gradV = c.dys()[tall ? 1 : 2];
    if (tall) {
      int rows = m;
      m = n;
      n = rows;
    }
    if (full && Math.abs(m - n) > 1) {
      throw new NotImplementedError("svd gradient is not implemented for abs(m - n) > 1 when"
          + " full_matrices is True");
    }
    Operand s = c.outputs()[0];
    Operand sMatrix = diagonalMatrix(o, s);
    Operand s2 = o.square(s);
    Operand f = o.matrixSetDiag(safeReciprocal(o, o.sub(o.expandDims(s2, -2), o.expandDims(s2, -1))),
        o.zerosLike(s), new int[] {0}, DIAGONAL_ALIGN);
    Operand v1 = columns(o, v, 0, m);
    Operand gradV1 = columns(o, gradV, 0, m);
    Operand fu = o.mul(f, o.matmulOfAnyRank(u, gradU, true, false));
    Operand fv = o.mul(f, o.matmulOfAnyRank(v1, gradV1, true, false));
    Operand inner = o.add(o.add(gradS,
        o.matmulOfAnyRank(o.add(fu, transposeInner(o, fu)), sMatrix, false, false)),
        o.matmulOfAnyRank(sMatrix, o.add(fv, transposeInner(o, fv)), false, false));
    Operand grad = o.matmulOfAnyRank(u, o.matmulOfAnyRank(inner, v1, false, true), false, false);
    if (m != n) {
      Operand gradV1T = transposeInner(o, gradV1);
      Operand rest = o.sub(gradV1T,
          o.matmulOfAnyRank(o.matmulOfAnyRank(gradV1T, v1, false, false), v1, false, true));
      if (full) {
        Operand v2 = columns(o, v, m, n);
        Operand gradV2 = columns(o, gradV, m, n);
        rest = o.sub(rest,
            o.matmulOfAnyRank(o.matmulOfAnyRank(v1, gradV2, true, false), v2, false, true));
      }
      Operand uOverS = o.matmulOfAnyRank(u, diagonalMatrix(o, safeReciprocal(o, s)), false, false);
      grad = o.add(grad, o.matmulOfAnyRank(uOverS, rest, false, false));
    }
    return grads(tall ? transposeInner(o, grad) : grad);
  }

  private static final String DIAGONAL_ALIGN = "RIGHT_LEFT";

  /** Square matrices with {@code d}'s last axis on their diagonals. */
  private static Operand diagonalMatrix(OpRunner o, Operand d) {
    return o.matrixDiag(d, new int[] {0}, -1, -1, o.scalar(d.dtype(), 0), DIAGONAL_ALIGN);
  }

  /** TensorFlow's _SafeReciprocal: x / (x^2 + 1e-20), so that 1/0 is 0 rather than inf. */
  private static Operand safeReciprocal(OpRunner o, Operand x) {
    return o.mul(x, o.reciprocal(o.add(o.mul(x, x), o.scalar(x.dtype(), 1e-20))));
  }

  /** Columns {@code from} (inclusive) to {@code to} (exclusive) of the inner matrices. */
  private static Operand columns(OpRunner o, Operand x, int from, int to) {
    long[] shape = x.shape();
    long[] begin = new long[shape.length];
    long[] size = shape.clone();
    begin[shape.length - 1] = from;
    size[shape.length - 1] = to - from;
    return o.slice(x, begin, size);
  }

  private static Operand transposeInner(OpRunner o, Operand x) {
    int rank = x.shape().length;
    int[] perm = new int[rank];
    for (int i = 0; i < rank; i++) {
      perm[i] = i;
    }
    perm[rank - 2] = rank - 1;
    perm[rank - 1] = rank - 2;
    return o.transpose(x, perm);
  }
}
