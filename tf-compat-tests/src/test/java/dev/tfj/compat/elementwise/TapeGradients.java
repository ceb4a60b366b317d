package dev.tfj.compat.elementwise;

import dev.tfj.GradientTape;
import dev.tfj.Tensor;
import dev.tfj.tf;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** TFJ's gradients as the tests compare them: of sum(f(inputs) * w), w the upstream gradient. */
final class TapeGradients {
  private TapeGradients() {}

  /** One gradient per input; null where TFJ gives None. */
  static Tensor[] of(Function<List<Tensor>, Tensor> f, Flat w, Flat... inputs) {
    List<Tensor> sources = new ArrayList<>();
    for (Flat in : inputs) {
      sources.add(in.tfj());
    }
    GradientTape t = tf.GradientTape();
    Tensor loss;
    try (t) {
      sources.forEach(t::watch);
      loss = tf.reduce_sum(tf.multiply(f.apply(sources), w.tfj()));
    }
    return t.gradient(loss, sources).toArray(new Tensor[0]);
  }

  static Tensor of1(Function<Tensor, Tensor> f, Flat w, Flat x) {
    return of(in -> f.apply(in.get(0)), w, x)[0];
  }
}
