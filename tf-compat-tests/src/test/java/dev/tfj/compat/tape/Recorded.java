package dev.tfj.compat.tape;

import dev.tfj.GradientTape;
import dev.tfj.Tensor;
import dev.tfj.tf;
import java.util.function.Supplier;

/**
 * The setup of most tape tests, TensorFlow's {@code with tf.GradientTape() as t: t.watch(x);
 * y = f(x)}: a closed tape and what it recorded.
 */
public record Recorded(GradientTape tape, Tensor y) {
  public static Recorded watching(Tensor x, boolean persistent, Supplier<Tensor> f) {
    GradientTape t = tf.GradientTape(persistent);
    Tensor y;
    try (t) {
      t.watch(x);
      y = f.get();
    }
    return new Recorded(t, y);
  }
}
