package example;

import dev.tfj.GradientTape;
import dev.tfj.Tensor;
import dev.tfj.tf;

/** A user's first TFJ program: a gradient, and a TensorFlow warning on the way. */
public class Main {
  public static void main(String[] args) {
    Tensor x = tf.constant(new float[] {1, 2, 3});
    GradientTape t = tf.GradientTape(true);
    try (t) {
      t.watch(x);
      Tensor y = tf.reduce_sum(tf.multiply(x, x));
      System.out.println(t.gradient(y, x));   // inside the block: TensorFlow warns
    }
  }
}
