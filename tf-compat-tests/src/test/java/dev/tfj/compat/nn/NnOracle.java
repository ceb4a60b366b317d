package dev.tfj.compat.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.tfj.Tensor;
import dev.tfj.compat.errors.StateGuard;
import dev.tfj.compat.oracle.Oracle;
import dev.tfj.compat.oracle.Oracle.TfFn;
import dev.tfj.compat.oracle.Oracle.Values;
import dev.tfj.ops.DType;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.function.Executable;
import org.tensorflow.EagerSession;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;

/**
 * What the tf.nn and tf.random tests add to {@link Oracle}: inputs written as (nested) double
 * arrays, reading either side as {@link Values}, TensorFlow Java's own error messages, and
 * rejected calls checked with {@link StateGuard}.
 */
public final class NnOracle {
  private NnOracle() {}

  /**
   * One TensorFlow Java eager session for the value comparisons, open for the whole run (its
   * outputs are freed as Java collects them). Tests that need fresh random generators use
   * {@link SeededAgainstTensorFlow} instead.
   */
  public static final Ops EAGER = Ops.create(EagerSession.create());

  /** {@code doubles} (a nested double array or a Double) as values of {@code dtype}. */
  public static Values values(Object doubles, DType dtype) {
    List<Long> shape = new ArrayList<>();
    List<Double> data = new ArrayList<>();
    collect(doubles, 0, shape, data);
    return Values.of(dtype, shape.stream().mapToLong(Long::longValue).toArray(),
        data.stream().mapToDouble(Double::doubleValue).toArray());
  }

  private static void collect(Object v, int depth, List<Long> shape, List<Double> out) {
    if (!v.getClass().isArray()) {
      out.add(((Number) v).doubleValue());
      return;
    }
    if (shape.size() == depth) {
      shape.add((long) Array.getLength(v));
    }
    for (int i = 0; i < Array.getLength(v); i++) {
      collect(Array.get(v, i), depth + 1, shape, out);
    }
  }

  /** A TFJ tensor of {@code dtype} holding {@code doubles}. */
  public static Tensor tfj(Object doubles, DType dtype) {
    return Oracle.tfj(values(doubles, dtype));
  }

  /** The TensorFlow Java constant holding the same. */
  public static Operand<?> tf(Ops tf, Object doubles, DType dtype) {
    return Oracle.constant(tf, values(doubles, dtype));
  }

  public static Values of(Tensor t) {
    return Oracle.of(t);
  }

  /** The value of an eager TensorFlow Java operand. */
  public static Values of(Operand<?> eager) {
    return Oracle.read(eager);
  }

  /**
   * The dtype's relative tolerance, and the same as an absolute one: these ops' values sit around
   * 1, and some (softmax - labels, a log-softmax near 0) cancel to near 0.
   */
  public static void assertAgree(Values expected, Values actual, String what) {
    double tolerance = Oracle.rtol(expected.dtype());
    Oracle.assertAgree(expected, actual, tolerance, tolerance, what);
  }

  /** Bit for bit (0.0 and -0.0 aside). */
  public static void assertBitForBit(Values expected, Values actual, String what) {
    Oracle.assertAgree(expected, actual, 0, 0, what);
  }

  /**
   * TFJ's gradients of sum(f(xs) * w) against TensorFlow's (graph mode), and f's value: the
   * comparison {@code OracleGradientsTest} makes for each of its cases.
   */
  public static void assertGradientsAgree(List<Values> xs, Function<List<Tensor>, Tensor> tfj, TfFn tf,
      String what) {
    List<Values> actual = Oracle.tfjGradients(xs, tfj);
    List<Values> expected = Oracle.tfGradients(xs, tf, actual.get(0).dtype(), actual.get(0).shape());
    assertEquals(expected.size(), actual.size());
    for (int i = 0; i < expected.size(); i++) {
      String part = i == 0 ? what + ": value" : what + ": gradient for input " + (i - 1);
      assertNotNull(actual.get(i), part + " is None in TFJ");
      assertAgree(expected.get(i), actual.get(i), part);
    }
  }

  /** The message TensorFlow Java's eager op raises, with TFJ's eager suffix for {@code op}. */
  public static String tfMessage(String op, Runnable tensorFlowCall) {
    try {
      tensorFlowCall.run();
    } catch (RuntimeException e) {
      return e.getMessage().stripLeading() + " [Op:" + op + "]";
    }
    throw new AssertionError("TensorFlow accepted the call");
  }

  /**
   * {@code call} raises exactly {@code type} with {@code message} while a tape records, and
   * changes nothing: not {@code inputs}, not the recording tape (see {@link StateGuard}).
   */
  public static <T extends Throwable> T assertRejected(Class<T> type, String message, Executable call,
      Tensor... inputs) {
    try (StateGuard guard = new StateGuard()) {
      return guard.assertRejected(type, message, call, inputs);
    }
  }
}
