package dev.tfj.compat.reductions;

import static dev.tfj.compat.oracle.Oracle.assertAgree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.tfj.Tensor;
import dev.tfj.compat.oracle.Oracle;
import dev.tfj.compat.oracle.Oracle.TfFn;
import dev.tfj.compat.oracle.Oracle.Values;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.DynamicTest;
import org.tensorflow.EagerSession;
import org.tensorflow.op.Ops;

/**
 * One TFJ function against the same computation in TensorFlow Java 1.1.0: values in eager mode,
 * gradients in graph mode (of {@code reduce_sum(f(x) * w)} for fixed non-uniform {@code w}).
 * Tolerances: relative {@code rtol} (the dtype's default when negative) plus absolute
 * {@code rtol * scale}, the scale of terms a sum adds up in a different order.
 */
public record Agreement(String name, List<Values> inputs, Function<List<Tensor>, Tensor> tfj, TfFn tf,
    double rtol, double scale, boolean zeroSigns) {
  private static final Ops EAGER = Ops.create(EagerSession.getDefault());

  public Agreement(String name, List<Values> inputs, Function<List<Tensor>, Tensor> tfj, TfFn tf) {
    this(name, inputs, tfj, tf, -1, 0, false);
  }

  /** Bit-equal results: moves, comparisons, integer arithmetic, ops IEEE rounds once. */
  public Agreement exact() {
    return new Agreement(name, inputs, tfj, tf, 0, 0, zeroSigns);
  }

  /** For sums of terms up to about {@code scale} in size. */
  public Agreement summing(double newScale) {
    return new Agreement(name, inputs, tfj, tf, rtol, newScale, zeroSigns);
  }

  /** Also -0.0 and 0.0 told apart. */
  public Agreement signOfZero() {
    return new Agreement(name, inputs, tfj, tf, rtol, scale, true);
  }

  public DynamicTest values() {
    return dynamicTest(name + " " + inputs, () -> {
      Values expected = Oracle.read(tf.apply(EAGER, Oracle.constants(EAGER, inputs)));
      Values actual = Oracle.of(tfj.apply(Oracle.tfj(inputs)));
      double r = rtol < 0 ? Oracle.rtol(expected.dtype()) : rtol;
      assertAgree(expected, actual, r, r * scale, name);
      for (int i = 0; zeroSigns && i < expected.data().length; i++) {
        assertEquals(Double.compare(expected.data()[i], 0.0), Double.compare(actual.data()[i], 0.0),
            name + ": the sign of zero at element " + i);
      }
    });
  }

  /** The value and every input's gradient; TensorFlow Java computes its gradients in graph mode. */
  public DynamicTest gradients() {
    return dynamicTest(name + " gradient " + inputs, () -> {
      List<Values> actual = Oracle.tfjGradients(inputs, tfj);
      List<Values> expected = Oracle.tfGradients(inputs, tf, actual.get(0).dtype(), actual.get(0).shape());
      assertEquals(expected.size(), actual.size());
      for (int i = 0; i < expected.size(); i++) {
        String what = i == 0 ? name + ": value" : name + ": gradient for input " + (i - 1);
        assertNotNull(actual.get(i), what + " is None in TFJ");
        double r = rtol < 0 ? Oracle.rtol(expected.get(i).dtype()) : rtol;
        assertAgree(expected.get(i), actual.get(i), r, r * Math.max(scale, 10), what);
      }
    });
  }
}
