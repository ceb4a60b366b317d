package dev.tfj.keras.regularizers;

import dev.tfj.Tensor;
import dev.tfj.tf;

/**
 * {@code keras.regularizers}: {@code l1 * sum(|x|) + l2 * sum(x**2)}, Keras 3's L1, L2 and L1L2 in
 * one class (their formulas are the terms with a non-zero factor). Python's call is {@link #apply}.
 */
public final class Regularizer {
  private final double l1;
  private final double l2;

  Regularizer(double l1, double l2) {
    this.l1 = l1;
    this.l2 = l2;
  }

  public Tensor apply(Tensor x) {
    Tensor loss = null;
    if (l1 != 0) {
      loss = tf.reduce_sum(tf.abs(x)).mul(l1);
    }
    if (l2 != 0) {
      Tensor term = tf.reduce_sum(tf.square(x)).mul(l2);
      loss = loss == null ? term : loss.add(term);
    }
    return loss == null ? tf.zeros(new long[0], x.dtype()) : loss;
  }
}
