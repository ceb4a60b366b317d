package dev.tfj.compat.elementwise;

import dev.tfj.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The reference where TensorFlow Java has no gradient: float64 central differences of
 * sum(f(inputs) * w), one input element at a time.
 */
final class CentralDifferences {
  private static final double H = 1e-6;

  private CentralDifferences() {}

  /** d sum(f(inputs) * w) / d inputs[k], for each k; inputs and w are float64. */
  static Flat[] gradients(Function<List<Tensor>, Tensor> f, Flat w, Flat... inputs) {
    Flat[] out = new Flat[inputs.length];
    for (int k = 0; k < inputs.length; k++) {
      double[] grad = new double[inputs[k].size()];
      for (int i = 0; i < grad.length; i++) {
        grad[i] = (loss(f, w, inputs, k, i, H) - loss(f, w, inputs, k, i, -H)) / (2 * H);
      }
      out[k] = Flat.of(inputs[k].dtype(), inputs[k].shape(), grad);
    }
    return out;
  }

  private static double loss(Function<List<Tensor>, Tensor> f, Flat w, Flat[] inputs, int k, int i,
      double step) {
    List<Tensor> args = new ArrayList<>();
    for (int j = 0; j < inputs.length; j++) {
      double[] v = inputs[j].reals().clone();
      if (j == k) {
        v[i] += step;
      }
      args.add(Flat.of(inputs[j].dtype(), inputs[j].shape(), v).tfj());
    }
    double[] y = Flat.of(f.apply(args)).reals();
    double[] weights = w.reals();
    double sum = 0;
    for (int j = 0; j < y.length; j++) {
      sum += y[j] * weights[j];
    }
    return sum;
  }
}
