package dev.tfj.benchmarks;

import java.util.List;
import java.util.Locale;

/**
 * The check, once per workload and before any timing, that both sides compute the same numbers.
 * Both round float32 differently (TFJ sums in double, TensorFlow in float32 blocks), so each
 * output may differ by a small fraction of its largest magnitude; a wrong operand order or a lost
 * bias shows as a difference of order one.
 */
final class Agreement {
  private Agreement() {}

  static final double TOLERANCE = 1e-4;

  static void check(Workload workload, List<float[]> tfj, List<float[]> tensorFlowJava) {
    if (tfj.size() != tensorFlowJava.size()) {
      throw new AssertionError(workload.id() + ": TFJ gives " + tfj.size() + " outputs, TensorFlow Java "
          + tensorFlowJava.size());
    }
    for (int k = 0; k < tfj.size(); k++) {
      float[] a = tfj.get(k);
      float[] e = tensorFlowJava.get(k);
      if (a.length != e.length) {
        throw new AssertionError(workload.id() + ": output " + k + " has " + a.length
            + " elements in TFJ, " + e.length + " in TensorFlow Java");
      }
      double scale = 0;
      for (float v : e) {
        scale = Math.max(scale, Math.abs(v));
      }
      for (int i = 0; i < a.length; i++) {
        double diff = Math.abs((double) a[i] - e[i]);
        if (!(diff <= TOLERANCE * scale)) {
          throw new AssertionError(String.format(Locale.ROOT,
              "%s: output %d, element %d is %s in TFJ and %s in TensorFlow Java (largest |value| %s)",
              workload.id(), k, i, a[i], e[i], scale));
        }
      }
    }
  }
}
