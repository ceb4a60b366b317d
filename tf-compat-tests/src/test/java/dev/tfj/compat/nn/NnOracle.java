package dev.tfj.compat.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.tfj.GradientTape;
import dev.tfj.Tensor;
import dev.tfj.tf;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import org.junit.jupiter.api.function.Executable;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Gradients;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;
import org.tensorflow.types.TUint8;
import org.tensorflow.types.family.TType;

/**
 * Comparison helpers for the tf.nn and tf.random tests: TFJ tensors and TensorFlow Java operands
 * read as (dtype, shape, row-major doubles), agreement within a tolerance, TensorFlow's graph-mode
 * gradients of {@code sum(f(x) * w)}, and rejected calls.
 */
public final class NnOracle {
  private NnOracle() {}

  /** A tensor's value as both frameworks can give it. */
  public record Values(String dtype, long[] shape, double[] data) {
    @Override
    public String toString() {
      return dtype + Arrays.toString(shape) + Arrays.toString(data);
    }
  }

  public static Values of(Tensor t) {
    List<Double> out = new ArrayList<>();
    flatten(t.numpy(), out);
    return new Values(t.dtype().typeName(), t.shape().as_list(),
        out.stream().mapToDouble(Double::doubleValue).toArray());
  }

  private static void flatten(Object v, List<Double> out) {
    if (v.getClass().isArray()) {
      for (int i = 0; i < Array.getLength(v); i++) {
        flatten(Array.get(v, i), out);
      }
    } else if (v instanceof Boolean b) {
      out.add(b ? 1.0 : 0.0);
    } else {
      out.add(((Number) v).doubleValue());
    }
  }

  /** The value of an eager TensorFlow Java operand. */
  public static Values of(Operand<?> eager) {
    try (org.tensorflow.Tensor t = eager.asTensor()) {
      return read(t);
    }
  }

  static Values read(org.tensorflow.Tensor t) {
    List<Double> out = new ArrayList<>();
    String dtype;
    if (t instanceof TFloat32 f) {
      dtype = "float32";
      f.scalars().forEach(x -> out.add((double) x.getFloat()));
    } else if (t instanceof TFloat64 f) {
      dtype = "float64";
      f.scalars().forEach(x -> out.add(x.getDouble()));
    } else if (t instanceof TInt32 f) {
      dtype = "int32";
      f.scalars().forEach(x -> out.add((double) x.getInt()));
    } else if (t instanceof TInt64 f) {
      dtype = "int64";
      f.scalars().forEach(x -> out.add((double) x.getLong()));
    } else if (t instanceof TUint8 f) {
      dtype = "uint8";
      f.scalars().forEach(x -> out.add((double) (x.getByte() & 0xFF)));
    } else if (t instanceof TBool f) {
      dtype = "bool";
      f.scalars().forEach(x -> out.add(x.getBoolean() ? 1.0 : 0.0));
    } else {
      throw new IllegalArgumentException("cannot read " + t.dataType());
    }
    return new Values(dtype, t.shape().asArray(),
        out.stream().mapToDouble(Double::doubleValue).toArray());
  }

  /** Float32 agrees within about 8 ulp, float64 within about 450; other dtypes exactly. */
  public static void assertAgree(Values expected, Values actual, String what) {
    double rtol = switch (expected.dtype) {
      case "float32" -> 1e-6;
      case "float64" -> 1e-13;
      default -> 0;
    };
    assertAgree(expected, actual, rtol, rtol, what);
  }

  /**
   * Same dtype and shape; elements within {@code rtol * |expected| + atol}, NaN where TensorFlow
   * has NaN and the same infinities.
   */
  public static void assertAgree(Values expected, Values actual, double rtol, double atol, String what) {
    assertEquals(expected.dtype, actual.dtype, what + ": dtype");
    assertArrayEquals(expected.shape, actual.shape, what + ": shape; TFJ " + actual + ", TensorFlow " + expected);
    for (int i = 0; i < expected.data.length; i++) {
      double e = expected.data[i];
      double a = actual.data[i];
      boolean ok = Double.isNaN(e) ? Double.isNaN(a)
          : Double.isInfinite(e) ? e == a
          : Math.abs(a - e) <= atol + rtol * Math.abs(e);
      if (!ok) {
        fail(String.format(Locale.ROOT, "%s: element %d is %s, the reference's is %s%n  TFJ:       %s%n"
            + "  reference: %s", what, i, a, e, actual, expected));
      }
    }
  }

  /** Bit for bit: the same dtype, shape and elements. */
  public static void assertBitForBit(Values expected, Values actual, String what) {
    assertEquals(expected.toString(), actual.toString(), what);
  }

  // ---- gradients ----

  /** Fixed non-uniform weights: 0.5, 0.75, ..., 2, 0.5, ... */
  static double weight(int i) {
    return 0.5 + 0.25 * (i % 7);
  }

  static Tensor weights(Tensor like) {
    long[] shape = like.shape().as_list();
    int n = Math.toIntExact(like.shape().num_elements());
    double[] w = new double[n];
    Arrays.setAll(w, NnOracle::weight);
    return tf.reshape(tf.cast(tf.constant(w), like.dtype()), shape);
  }

  /** TFJ's gradients of sum(f(xs) * w) for each of {@code xs}; null where TFJ gives None. */
  public static List<Values> tfjGradients(List<Tensor> xs, Function<List<Tensor>, Tensor> f) {
    GradientTape tape = tf.GradientTape();
    Tensor loss;
    try (tape) {
      xs.forEach(tape::watch);
      Tensor y = f.apply(xs);
      loss = tf.reduce_sum(tf.multiply(y, weights(y)));
    }
    List<Values> out = new ArrayList<>();
    for (Tensor g : tape.gradient(loss, xs)) {
      out.add(g == null ? null : of(g));
    }
    return out;
  }

  /** Builds a TensorFlow Java graph computation from constants. */
  public interface GraphFn {
    Operand<?> apply(Ops tf, List<Operand<?>> xs);
  }

  /**
   * TensorFlow's gradients (graph mode: TensorFlow Java has no eager gradients) of the same
   * sum(f(xs) * w), the initial gradient passed explicitly; {@code inputs} are double arrays
   * taken as {@code dtype}, as {@link #tfj} takes them.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static List<Values> tfGradients(List<Object> inputs, dev.tfj.ops.DType dtype, GraphFn f) {
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      List<Operand<?>> xs = new ArrayList<>();
      for (Object input : inputs) {
        xs.add(tf(tf, input, dtype));
      }
      Operand y = f.apply(tf, xs);
      long n = y.shape().size();
      double[] w = new double[Math.toIntExact(n)];
      Arrays.setAll(w, NnOracle::weight);
      Operand weights = tf.reshape(tf.dtypes.cast(tf.constant(w), y.type()),
          tf.constant(y.shape().asArray()));
      int[] axes = new int[y.shape().numDimensions()];
      Arrays.setAll(axes, i -> i);
      Operand loss = tf.sum(tf.math.mul(y, weights), tf.constant(axes));
      Operand one = tf.dtypes.cast(tf.constant(1.0), y.type());
      Gradients grads = tf.gradients(loss, xs, Gradients.dx(List.<Operand<?>>of(one)));
      try (Session session = new Session(g)) {
        Session.Runner runner = session.runner();
        grads.dy().forEach(runner::fetch);
        try (Result result = runner.run()) {
          List<Values> out = new ArrayList<>();
          for (int i = 0; i < result.size(); i++) {
            out.add(read(result.get(i)));
          }
          return out;
        }
      }
    }
  }

  /** A float64 TensorFlow Java constant from a double array (nested or not) or a Double. */
  public static Operand<TFloat64> constant(Ops tf, Object doubles) {
    List<Long> shape = new ArrayList<>();
    for (Object level = doubles; level.getClass().isArray(); ) {
      shape.add((long) Array.getLength(level));
      level = Array.getLength(level) > 0 ? Array.get(level, 0) : new Object();
    }
    List<Double> data = new ArrayList<>();
    flatten(doubles, data);
    return tf.constant(Shape.of(shape.stream().mapToLong(Long::longValue).toArray()),
        DataBuffers.of(data.stream().mapToDouble(Double::doubleValue).toArray(), true, false));
  }

  /** A TFJ tensor of {@code dtype} from a double array (nested or not), cast as TensorFlow casts. */
  public static Tensor tfj(Object doubles, dev.tfj.ops.DType dtype) {
    return tf.cast(tf.constant(doubles, tf.float64), dtype);
  }

  /** The TensorFlow Java counterpart of {@link #tfj(Object, dev.tfj.ops.DType)}. */
  public static Operand<?> tf(Ops tf, Object doubles, dev.tfj.ops.DType dtype) {
    return tf.dtypes.cast(constant(tf, doubles), typeClass(dtype.typeName()));
  }

  // ---- rejected calls ----

  /**
   * {@code call} raises exactly {@code type} with {@code message}, and leaves each of
   * {@code inputs} with the dtype, shape and value it had.
   */
  public static <T extends Throwable> T assertRejected(Class<T> type, String message, Executable call,
      Tensor... inputs) {
    List<String> before = new ArrayList<>();
    for (Tensor t : inputs) {
      before.add(snapshot(t));
    }
    T e = assertThrows(type, call);
    assertSame(type, e.getClass(), "error class");
    assertEquals(message, e.getMessage());
    for (int i = 0; i < inputs.length; i++) {
      assertEquals(before.get(i), snapshot(inputs[i]), "input #" + i + " changed");
    }
    return e;
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

  private static String snapshot(Tensor t) {
    return t.dtype() + " " + t.shape() + " " + Arrays.deepToString(new Object[] {t.numpy()});
  }

  /** Whether two TFJ tensors hold the same dtype, shape and elements. */
  public static boolean sameValues(Tensor a, Tensor b) {
    return Objects.equals(snapshot(a), snapshot(b));
  }

  static void assertAllWithin(Values v, double bound, String what) {
    for (double d : v.data) {
      assertTrue(Math.abs(d) < bound, what + ": " + d + " is not within " + bound);
    }
  }

  /** The TensorFlow Java class of a dtype name, for ops that take one. */
  @SuppressWarnings("unchecked")
  public static <T extends TType> Class<T> typeClass(String dtype) {
    return (Class<T>) switch (dtype) {
      case "float32" -> TFloat32.class;
      case "float64" -> TFloat64.class;
      case "int32" -> TInt32.class;
      case "int64" -> TInt64.class;
      default -> throw new IllegalArgumentException(dtype);
    };
  }
}
