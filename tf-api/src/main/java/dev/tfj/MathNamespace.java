package dev.tfj;

/** {@code tf.math}: the same ops as their top-level aliases in {@code tf}. */
public final class MathNamespace {
  MathNamespace() {}

  public Tensor add(Object x, Object y) {
    return tf.add(x, y);
  }

  public Tensor subtract(Object x, Object y) {
    return tf.subtract(x, y);
  }

  public Tensor multiply(Object x, Object y) {
    return tf.multiply(x, y);
  }

  public Tensor divide(Object x, Object y) {
    return tf.divide(x, y);
  }

  public Tensor pow(Object x, Object y) {
    return tf.pow(x, y);
  }

  public Tensor negative(Object x) {
    return tf.negative(x);
  }

  public Tensor square(Object x) {
    return tf.square(x);
  }

  public Tensor sqrt(Object x) {
    return tf.sqrt(x);
  }

  public Tensor exp(Object x) {
    return tf.exp(x);
  }

  public Tensor log(Object x) {
    return tf.log(x);
  }

  // ---- elementwise math (issue 3) ----

  public Tensor equal(Object x, Object y) {
    return tf.equal(x, y);
  }

  public Tensor not_equal(Object x, Object y) {
    return tf.not_equal(x, y);
  }

  public Tensor less(Object x, Object y) {
    return tf.less(x, y);
  }

  public Tensor less_equal(Object x, Object y) {
    return tf.less_equal(x, y);
  }

  public Tensor greater(Object x, Object y) {
    return tf.greater(x, y);
  }

  public Tensor greater_equal(Object x, Object y) {
    return tf.greater_equal(x, y);
  }

  public Tensor reduce_sum(Object x) {
    return tf.reduce_sum(x);
  }

  public Tensor reduce_sum(Object x, int[] axis, boolean keepdims) {
    return tf.reduce_sum(x, axis, keepdims);
  }

  public Tensor reduce_mean(Object x) {
    return tf.reduce_mean(x);
  }

  public Tensor reduce_mean(Object x, int[] axis, boolean keepdims) {
    return tf.reduce_mean(x, axis, keepdims);
  }

  // ---- reductions (issue 3) ----

  // ---- softmax (tf.nn's, also filed under tf.math; issue 3) ----

  public Tensor softmax(Object logits) {
    return tf.nn.softmax(logits);
  }

  public Tensor softmax(Object logits, int axis) {
    return tf.nn.softmax(logits, axis);
  }

  public Tensor log_softmax(Object logits) {
    return tf.nn.log_softmax(logits);
  }

  public Tensor log_softmax(Object logits, int axis) {
    return tf.nn.log_softmax(logits, axis);
  }
}
