package dev.tfj;

/** {@code tf.linalg}. */
public final class LinalgNamespace {
  LinalgNamespace() {}

  public Tensor matmul(Object a, Object b) {
    return tf.matmul(a, b);
  }

  public Tensor matmul(Object a, Object b, boolean transpose_a, boolean transpose_b) {
    return tf.matmul(a, b, transpose_a, transpose_b);
  }

  public Tensor norm(Object tensor) {
    return tf.norm(tensor);
  }

  public Tensor norm(Object tensor, String ord, int[] axis, boolean keepdims) {
    return tf.norm(tensor, ord, axis, keepdims);
  }
}
