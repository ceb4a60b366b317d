package dev.tfj.examples;

import dev.tfj.GradientTape;
import dev.tfj.Tensor;
import dev.tfj.tf;
import java.util.stream.IntStream;

/**
 * The seed notebook, "2.3 自动求梯度" (automatic differentiation with tf.GradientTape), in Java.
 * Each step mirrors a notebook cell and prints what TensorFlow prints.
 */
public final class AutogradNotebook {
  private AutogradNotebook() {}

  public static void main(String[] args) {
    // 2.3.1 A simple example: the gradient of y = 2 x^T x is 4x.
    Tensor x = tf.reshape(tf.Variable(IntStream.range(0, 4).toArray(), tf.float32), 4, 1);
    System.out.println(x);

    GradientTape t = tf.GradientTape();
    Tensor y;
    try (t) {
      t.watch(x);
      y = tf.multiply(2, tf.matmul(tf.transpose(x), x));
    }
    System.out.println(t.gradient(y, x));                 // [[0], [4], [8], [12]]

    // 2.3.2 A persistent tape, asked twice inside its block: TensorFlow warns at each call site.
    GradientTape g = tf.GradientTape(true);
    Tensor dz_dx;
    Tensor dy_dx;
    try (g) {
      g.watch(x);
      Tensor yy = x.mul(x);
      Tensor z = yy.mul(yy);
      dz_dx = g.gradient(z, x);                         // 4 x^3
      dy_dx = g.gradient(yy, x);                        // 2 x
    }
    System.out.println(dz_dx);                            // [[0], [4], [32], [108]]
    System.out.println(dy_dx);                            // [[0], [2], [4], [6]]

    // 2.3.3 Gradients through Java control flow: f(a) = k * a, so dc/da = c / a.
    // Seeded so that this run prints what the notebook printed: when f takes its 100 * b branch,
    // c / a is rounded and can miss the exact gradient by an ulp (in TensorFlow too).
    tf.random.set_seed(1);
    Tensor a = tf.random.normal(new long[] {1, 1}, tf.float32);
    GradientTape t3 = tf.GradientTape();
    Tensor c;
    try (t3) {
      t3.watch(a);
      c = f(a);
    }
    System.out.println(tf.equal(t3.gradient(c, a), tf.divide(c, a)));   // [[ True]]
  }

  /** Doubles until the norm reaches 1000, then keeps the sign positive by scaling by 100 if not. */
  public static Tensor f(Tensor a) {
    Tensor b = tf.multiply(a, 2);
    while (tf.norm(b).lt(1000).booleanValue()) {
      b = tf.multiply(b, 2);
    }
    return tf.reduce_sum(b).gt(0).booleanValue() ? b : tf.multiply(100, b);
  }
}
