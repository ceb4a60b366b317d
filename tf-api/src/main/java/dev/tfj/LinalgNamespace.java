package dev.tfj;

import static dev.tfj.Ops.RUN;
import static dev.tfj.Ops.handle;

import dev.tfj.eager.TensorHandle;
import dev.tfj.ops.DType;
import dev.tfj.ops.Operand;

/** {@code tf.linalg}. */
public final class LinalgNamespace {
  /** TensorFlow's default packing of diagonals: superdiagonals right-aligned, subdiagonals left. */
  static final String ALIGN = "RIGHT_LEFT";

  LinalgNamespace() {}

  public Tensor matmul(Object a, Object b) {
    return tf.matmul(a, b);
  }

  public Tensor matmul(Object a, Object b, boolean transpose_a) {
    return tf.matmul(a, b, transpose_a);
  }

  public Tensor matmul(Object a, Object b, boolean transpose_a, boolean transpose_b) {
    return tf.matmul(a, b, transpose_a, transpose_b);
  }

  public Tensor matmul(Object a, Object b, boolean transpose_a, boolean transpose_b, boolean adjoint_a) {
    return tf.matmul(a, b, transpose_a, transpose_b, adjoint_a);
  }

  public Tensor matmul(Object a, Object b, boolean transpose_a, boolean transpose_b, boolean adjoint_a,
      boolean adjoint_b) {
    return tf.matmul(a, b, transpose_a, transpose_b, adjoint_a, adjoint_b);
  }

  public Tensor tensordot(Object a, Object b, int axes) {
    return tf.tensordot(a, b, axes);
  }

  public Tensor tensordot(Object a, Object b, int[] axes) {
    return tf.tensordot(a, b, axes);
  }

  public Tensor tensordot(Object a, Object b, int[][] axes) {
    return tf.tensordot(a, b, axes);
  }

  public Tensor einsum(String equation, Object... inputs) {
    return tf.einsum(equation, inputs);
  }

  public Tensor norm(Object tensor) {
    return tf.norm(tensor);
  }

  public Tensor norm(Object tensor, Object ord) {
    return tf.norm(tensor, ord);
  }

  public Tensor norm(Object tensor, Object ord, int axis) {
    return tf.norm(tensor, ord, axis);
  }

  public Tensor norm(Object tensor, Object ord, int axis, boolean keepdims) {
    return tf.norm(tensor, ord, axis, keepdims);
  }

  public Tensor norm(Object tensor, Object ord, int[] axis) {
    return tf.norm(tensor, ord, axis);
  }

  public Tensor norm(Object tensor, Object ord, int[] axis, boolean keepdims) {
    return tf.norm(tensor, ord, axis, keepdims);
  }

  public java.util.List<Tensor> svd(Object tensor) {
    return svd(tensor, false, true);
  }

  public java.util.List<Tensor> svd(Object tensor, boolean full_matrices) {
    return svd(tensor, full_matrices, true);
  }

  /**
   * [s, u, v] as TensorFlow's (s, u, v): tensor = u diag(s) v^T over the last two axes, s largest
   * first; u and v are thin unless {@code full_matrices}. Without {@code compute_uv} the list holds
   * s alone (TensorFlow returns the bare tensor). The columns of u and v are unique only up to
   * sign (and, for repeated or zero singular values, up to a basis of their space): TFJ's may
   * differ from TensorFlow's there, while s and u diag(s) v^T agree.
   */
  public java.util.List<Tensor> svd(Object tensor, boolean full_matrices, boolean compute_uv) {
    Operand[] suv = RUN.svd(handle(tensor), compute_uv, full_matrices);
    return compute_uv ? java.util.List.of(Tensor.wrap(suv[0]), Tensor.wrap(suv[1]), Tensor.wrap(suv[2]))
        : java.util.List.of(Tensor.wrap(suv[0]));
  }

  public Tensor eye(long num_rows) {
    return tf.eye(num_rows);
  }

  public Tensor eye(long num_rows, DType dtype) {
    return tf.eye(num_rows, dtype);
  }

  public Tensor eye(long num_rows, long num_columns) {
    return tf.eye(num_rows, num_columns);
  }

  public Tensor eye(long num_rows, long num_columns, long[] batch_shape) {
    return tf.eye(num_rows, num_columns, batch_shape);
  }

  public Tensor eye(long num_rows, long num_columns, long[] batch_shape, DType dtype) {
    return tf.eye(num_rows, num_columns, batch_shape, dtype);
  }

  /** The sum of the main diagonal of each inner matrix: {@code reduce_sum(diag_part(x), -1)}. */
  public Tensor trace(Object x) {
    Operand h = handle(x);
    Operand diagonal = RUN.matrixDiagPart(h, new int[] {0}, RUN.scalar(h.dtype(), 0), ALIGN);
    return Tensor.wrap(RUN.reduceSum(diagonal, new int[] {-1}, false));
  }

  // ---- diagonals: k is one diagonal index (0 main, positive above) or a {lower, upper} band ----

  public Tensor diag_part(Object input) {
    return diag_part(input, new int[] {0}, 0, ALIGN);
  }

  public Tensor diag_part(Object input, int k) {
    return diag_part(input, new int[] {k}, 0, ALIGN);
  }

  public Tensor diag_part(Object input, int[] k) {
    return diag_part(input, k, 0, ALIGN);
  }

  public Tensor diag_part(Object input, int[] k, Object padding_value) {
    return diag_part(input, k, padding_value, ALIGN);
  }

  /**
   * The diagonals of the inner matrices; a band gives one row per diagonal, from the highest,
   * padded to the longest with {@code padding_value} on the side {@code align} leaves free.
   */
  public Tensor diag_part(Object input, int[] k, Object padding_value, String align) {
    TensorHandle x = Convert.toHandle(input, null);
    return Tensor.wrap(RUN.matrixDiagPart(x, k, padding(padding_value, x), align));
  }

  public Tensor diag(Object diagonal) {
    return diag(diagonal, new int[] {0}, -1, -1, 0, ALIGN);
  }

  public Tensor diag(Object diagonal, int k) {
    return diag(diagonal, new int[] {k}, -1, -1, 0, ALIGN);
  }

  public Tensor diag(Object diagonal, int[] k) {
    return diag(diagonal, k, -1, -1, 0, ALIGN);
  }

  public Tensor diag(Object diagonal, int[] k, int num_rows, int num_cols) {
    return diag(diagonal, k, num_rows, num_cols, 0, ALIGN);
  }

  public Tensor diag(Object diagonal, int[] k, int num_rows, int num_cols, Object padding_value) {
    return diag(diagonal, k, num_rows, num_cols, padding_value, ALIGN);
  }

  /**
   * Matrices with the given diagonals and {@code padding_value} elsewhere; -1 rows or columns
   * means the smallest that fits.
   */
  public Tensor diag(Object diagonal, int[] k, int num_rows, int num_cols, Object padding_value,
      String align) {
    TensorHandle d = Convert.toHandle(diagonal, null);
    return Tensor.wrap(RUN.matrixDiag(d, k, num_rows, num_cols, padding(padding_value, d), align));
  }

  public Tensor set_diag(Object input, Object diagonal) {
    return set_diag(input, diagonal, new int[] {0}, ALIGN);
  }

  public Tensor set_diag(Object input, Object diagonal, int k) {
    return set_diag(input, diagonal, new int[] {k}, ALIGN);
  }

  public Tensor set_diag(Object input, Object diagonal, int[] k) {
    return set_diag(input, diagonal, k, ALIGN);
  }

  /** The input with the diagonals {@code k} replaced. */
  public Tensor set_diag(Object input, Object diagonal, int[] k, String align) {
    TensorHandle[] xd = Ops.matching(input, diagonal);
    return Tensor.wrap(RUN.matrixSetDiag(xd[0], xd[1], k, align));
  }

  /** The padding in the matrices' dtype; for bool, as Python's {@code bool(padding_value)}. */
  private static Operand padding(Object value, TensorHandle like) {
    if (like.dtype == DType.BOOL && value instanceof Number n) {
      return Convert.toHandle(n.doubleValue() != 0, DType.BOOL);
    }
    return Convert.toHandleLike(value, like);
  }
}
