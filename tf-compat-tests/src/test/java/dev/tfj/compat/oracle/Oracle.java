package dev.tfj.compat.oracle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.tfj.GradientTape;
import dev.tfj.Tensor;
import dev.tfj.eager.TensorHandle;
import dev.tfj.ops.DType;
import dev.tfj.ops.HostArrays;
import dev.tfj.tf;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Gradients;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Squeeze;
import org.tensorflow.op.core.Sum;
import org.tensorflow.proto.DataType;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;
import org.tensorflow.types.TUint8;
import org.tensorflow.types.family.TType;

/**
 * What the oracle tests (here and in the op families' packages) share: one dense value type both sides convert to and from, TFJ and
 * TensorFlow Java (eager and graph) builders, and the agreement assertion.
 */
public final class Oracle {
  private Oracle() {}

  /** Relative tolerance for float32 (about 8 ulp) and float64 (about 450 ulp). */
  public static final double F32_RTOL = 1e-6;
  public static final double F64_RTOL = 1e-13;

  /** A dense tensor value: dtype, shape and row-major elements (bools as 0/1). */
  public record Values(DType dtype, long[] shape, double[] data) {
    public static Values of(DType dtype, long[] shape, double... data) {
      long n = Arrays.stream(shape).reduce(1, (a, b) -> a * b);
      if (n != data.length) {
        throw new IllegalArgumentException(data.length + " values for shape " + Arrays.toString(shape));
      }
      return new Values(dtype, shape, data);
    }

    public static Values f32(long[] shape, double... data) {
      return of(DType.FLOAT32, shape, data);
    }

    public static Values f64(long[] shape, double... data) {
      return of(DType.FLOAT64, shape, data);
    }

    public static Values i32(long[] shape, double... data) {
      return of(DType.INT32, shape, data);
    }

    public static Values bool(long[] shape, double... data) {
      return of(DType.BOOL, shape, data);
    }

    /** The same elements and shape in another dtype (values must be representable). */
    public Values as(DType other) {
      return new Values(other, shape, data);
    }

    /** Deterministic, non-zero, non-uniform values of this shape: 0.5, 0.75, ..., wrapping at 2. */
    public static Values weights(DType dtype, long[] shape) {
      int n = Math.toIntExact(Arrays.stream(shape).reduce(1, (a, b) -> a * b));
      double[] w = new double[n];
      for (int i = 0; i < n; i++) {
        w[i] = 0.5 + 0.25 * (i % 7);
      }
      return new Values(dtype, shape, w);
    }

    @Override
    public String toString() {
      String values = data.length <= 24 ? Arrays.toString(data)
          : Arrays.toString(Arrays.copyOf(data, 24)).replace("]", ", ...]");
      return dtype.typeName() + Arrays.toString(shape) + values;
    }
  }

  public static long[] s(long... dims) {
    return dims;
  }

  // ---- TFJ ----

  /** A TFJ constant holding {@code v}. */
  public static Tensor tfj(Values v) {
    Object flat = HostArrays.allocate(v.dtype, v.data.length);
    for (int i = 0; i < v.data.length; i++) {
      Array.set(flat, i, v.dtype == DType.BOOL ? (Object) (v.data[i] != 0)
          : HostArrays.scalarElement(v.dtype, v.data[i]));
    }
    return tf.reshape(tf.constant(flat, v.dtype), v.shape);
  }

  public static List<Tensor> tfj(List<Values> vs) {
    return vs.stream().map(Oracle::tfj).toList();
  }

  public static Values of(Tensor t) {
    Object value = t.numpy();
    double[] data = new double[Math.toIntExact(t.shape().num_elements())];
    flatten(value, data, new int[] {0});
    return new Values(t.dtype(), t.shape().as_list(), data);
  }

  public static Values of(TensorHandle h) {
    double[] data = new double[h.numElements()];
    flatten(h.hostCopy(), data, new int[] {0});
    return new Values(h.dtype, h.shape.clone(), data);
  }

  private static void flatten(Object value, double[] out, int[] next) {
    if (value.getClass().isArray()) {
      for (int i = 0; i < Array.getLength(value); i++) {
        flatten(Array.get(value, i), out, next);
      }
    } else if (value instanceof Boolean b) {
      out[next[0]++] = b ? 1 : 0;
    } else if (value instanceof Byte b) {
      out[next[0]++] = b & 0xFF; // uint8, TFJ's only byte dtype
    } else {
      out[next[0]++] = ((Number) value).doubleValue();
    }
  }

  /**
   * TFJ's gradients of {@code reduce_sum(f(xs) * w)} with respect to each of {@code xs}, where
   * {@code w} is {@link Values#weights} of f's output shape; element 0 of the result is f's value
   * and element 1 + i the gradient for {@code xs[i]} (null where TFJ returns None).
   */
  public static List<Values> tfjGradients(List<Values> xs, Function<List<Tensor>, Tensor> f) {
    List<Tensor> sources = tfj(xs);
    GradientTape tape = tf.GradientTape();
    Tensor y;
    Tensor loss;
    try (tape) {
      sources.forEach(tape::watch);
      y = f.apply(sources);
      loss = tf.reduce_sum(tf.multiply(y, tfj(Values.weights(y.dtype(), y.shape().as_list()))));
    }
    List<Values> out = new ArrayList<>();
    out.add(of(y));
    for (Tensor g : tape.gradient(loss, sources)) {
      out.add(g == null ? null : of(g));
    }
    return out;
  }

  // ---- TensorFlow Java ----

  /** A TensorFlow Java tensor holding {@code v}; the caller closes it. */
  public static org.tensorflow.Tensor tensor(Values v) {
    Shape shape = Shape.of(v.shape);
    int n = v.data.length;
    switch (v.dtype) {
      case FLOAT32 -> {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
          a[i] = (float) v.data[i];
        }
        return TFloat32.tensorOf(shape, DataBuffers.of(a, true, false));
      }
      case FLOAT64 -> {
        return TFloat64.tensorOf(shape, DataBuffers.of(v.data.clone(), true, false));
      }
      case INT32 -> {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
          a[i] = (int) v.data[i];
        }
        return TInt32.tensorOf(shape, DataBuffers.of(a, true, false));
      }
      case INT64 -> {
        long[] a = new long[n];
        for (int i = 0; i < n; i++) {
          a[i] = (long) v.data[i];
        }
        return TInt64.tensorOf(shape, DataBuffers.of(a, true, false));
      }
      case BOOL -> {
        boolean[] a = new boolean[n];
        for (int i = 0; i < n; i++) {
          a[i] = v.data[i] != 0;
        }
        return TBool.tensorOf(shape, DataBuffers.of(a, true, false));
      }
      case UINT8 -> {
        byte[] a = new byte[n];
        for (int i = 0; i < n; i++) {
          a[i] = (byte) v.data[i];
        }
        return TUint8.tensorOf(shape, DataBuffers.of(a, true, false));
      }
      default -> throw new IllegalArgumentException("no TensorFlow Java tensor for " + v.dtype);
    }
  }

  /** A TensorFlow constant (eager or graph, as {@code tf} is) holding {@code v}. */
  public static Operand<?> constant(Ops tf, Values v) {
    try (org.tensorflow.Tensor t = tensor(v)) {
      return tf.constantOf((TType) t);
    }
  }

  public static List<Operand<?>> constants(Ops tf, List<Values> vs) {
    return vs.stream().<Operand<?>>map(v -> constant(tf, v)).toList();
  }

  /** The value of an eager operand; the tensor read is closed. */
  public static Values read(Operand<?> eager) {
    try (org.tensorflow.Tensor t = eager.asTensor()) {
      return of(t);
    }
  }

  /** Reads a TensorFlow Java tensor; does not close it. */
  public static Values of(org.tensorflow.Tensor t) {
    int n = Math.toIntExact(t.shape().size());
    double[] data = new double[n];
    DataType type = t.dataType();
    switch (type) {
      case DT_FLOAT -> {
        float[] a = new float[n];
        ((TFloat32) t).copyTo(DataBuffers.of(a, false, false));
        for (int i = 0; i < n; i++) {
          data[i] = a[i];
        }
      }
      case DT_DOUBLE -> ((TFloat64) t).copyTo(DataBuffers.of(data, false, false));
      case DT_INT32 -> {
        int[] a = new int[n];
        ((TInt32) t).copyTo(DataBuffers.of(a, false, false));
        for (int i = 0; i < n; i++) {
          data[i] = a[i];
        }
      }
      case DT_INT64 -> {
        long[] a = new long[n];
        ((TInt64) t).copyTo(DataBuffers.of(a, false, false));
        for (int i = 0; i < n; i++) {
          data[i] = a[i];
        }
      }
      case DT_BOOL -> {
        boolean[] a = new boolean[n];
        ((TBool) t).copyTo(DataBuffers.of(a, false, false));
        for (int i = 0; i < n; i++) {
          data[i] = a[i] ? 1 : 0;
        }
      }
      case DT_UINT8 -> {
        byte[] a = new byte[n];
        ((TUint8) t).copyTo(DataBuffers.of(a, false, false));
        for (int i = 0; i < n; i++) {
          data[i] = a[i] & 0xFF;
        }
      }
      default -> throw new IllegalArgumentException("cannot read a " + type + " tensor");
    }
    DType dtype = DType.fromProto(dev.tfj.ops.proto.DataType.forNumber(type.getNumber()));
    return new Values(dtype, t.shape().asArray(), data);
  }

  /** Builds a TensorFlow op from operands, in whichever execution environment {@code tf} has. */
  public interface TfFn {
    Operand<?> apply(Ops tf, List<Operand<?>> x);
  }

  /**
   * TensorFlow's answer, in graph mode, to what {@link #tfjGradients} computes: {@code xs} are fed
   * through placeholders, the loss is {@code sum(f(xs) * w)} with the same {@code w} (f's output
   * dtype and shape are TFJ's; a wrong shape shows as a value mismatch or a TensorFlow error), and
   * {@code tf.gradients} runs with the initial gradient 1 passed explicitly. Element 0 is f's value,
   * element 1 + i the gradient for {@code xs[i]}.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static List<Values> tfGradients(List<Values> xs, TfFn f, DType outputType, long[] outputShape) {
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      List<Operand<?>> placeholders = new ArrayList<>();
      for (Values x : xs) {
        Class<? extends TType> type = typeClass(x.dtype);
        placeholders.add(tf.placeholder(type, Placeholder.shape(Shape.of(x.shape))));
      }
      Operand y = f.apply(tf, placeholders);
      Operand w = constant(tf, Values.weights(outputType, outputShape));
      int[] all = new int[outputShape.length];
      Arrays.setAll(all, i -> i);
      Operand loss = tf.sum(tf.math.mul(y, w), tf.constant(all));
      List<Operand<?>> one = List.of(constant(tf, Values.of(outputType, s(), 1)));
      Gradients grads = tf.gradients(loss, placeholders, Gradients.dx(one));
      List<org.tensorflow.Tensor> feeds = new ArrayList<>();
      try (Session session = new Session(g)) {
        Session.Runner runner = session.runner();
        for (int i = 0; i < xs.size(); i++) {
          org.tensorflow.Tensor t = tensor(xs.get(i));
          feeds.add(t);
          runner.feed(placeholders.get(i), t);
        }
        runner.fetch(y);
        grads.dy().forEach(runner::fetch);
        try (Result result = runner.run()) {
          List<Values> out = new ArrayList<>();
          for (int i = 0; i < result.size(); i++) {
            out.add(of(result.get(i)));
          }
          return out;
        }
      } finally {
        feeds.forEach(org.tensorflow.Tensor::close);
      }
    }
  }

  public static Class<? extends TType> typeClass(DType dtype) {
    return switch (dtype) {
      case FLOAT32 -> TFloat32.class;
      case FLOAT64 -> TFloat64.class;
      case INT32 -> TInt32.class;
      case INT64 -> TInt64.class;
      case BOOL -> TBool.class;
      case UINT8 -> TUint8.class;
      default -> throw new IllegalArgumentException(dtype.toString());
    };
  }

  // ---- inputs and TensorFlow-side helpers shared by the tests ----

  /** {@code n} values cycling through {@code pool} from {@code offset} with {@code stride}. */
  public static Values cycle(DType dtype, long[] shape, double[] pool, int offset, int stride) {
    int n = Math.toIntExact(Arrays.stream(shape).reduce(1, (a, b) -> a * b));
    double[] d = new double[n];
    for (int i = 0; i < n; i++) {
      d[i] = pool[(offset + i * stride) % pool.length];
    }
    return Values.of(dtype, shape, d);
  }

  /** {@code start, start + step, ...} in row-major order. */
  public static Values iota(DType dtype, long[] shape, double start, double step) {
    int n = Math.toIntExact(Arrays.stream(shape).reduce(1, (a, b) -> a * b));
    double[] d = new double[n];
    for (int i = 0; i < n; i++) {
      d[i] = start + step * i;
    }
    return Values.of(dtype, shape, d);
  }

  /** Raw view of an operand, so TensorFlow Java's generic op methods accept it. */
  @SuppressWarnings("rawtypes")
  public static Operand o(Operand<?> x) {
    return x;
  }

  /**
   * TensorFlow Python's tf.norm for ord='euclidean', op for op (TensorFlow has no norm op):
   * sqrt(reduce_sum(x * x, axis, keepdims=True)), squeezed over {@code axis} unless keepdims.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static Operand<?> euclideanNorm(Ops tf, Operand<?> x, int[] axis, boolean keepdims) {
    int rank = x.shape().numDimensions();
    int[] all = axis;
    if (all == null) {
      all = new int[rank];
      Arrays.setAll(all, i -> i);
    }
    Operand squares = tf.math.mul(o(x), o(x));
    Operand norm = tf.math.sqrt(tf.sum(squares, tf.constant(all), Sum.keepDims(true)));
    if (keepdims) {
      return norm;
    }
    if (axis == null) {
      return tf.squeeze(norm);
    }
    Long[] squeeze = Arrays.stream(axis).mapToObj(a -> (long) a).toArray(Long[]::new);
    return tf.squeeze(norm, Squeeze.axis(squeeze));
  }

  // ---- agreement ----

  /** The default relative tolerance for {@code dtype}: 0 (exact) unless it is floating. */
  public static double rtol(DType dtype) {
    return switch (dtype) {
      case FLOAT32 -> F32_RTOL;
      case FLOAT64 -> F64_RTOL;
      default -> 0;
    };
  }

  /**
   * {@code actual} (TFJ) agrees with {@code expected} (TensorFlow): same dtype and shape; integers
   * and bools exactly; floats within {@code rtol} relative plus {@code atol} absolute, NaN where
   * TensorFlow has NaN and the same infinities. With both tolerances 0, floats must be equal
   * ({@code -0.0 == 0.0}).
   */
  public static void assertAgree(Values expected, Values actual, double rtol, double atol, String what) {
    assertEquals(expected.dtype, actual.dtype, what + ": dtype");
    assertArrayEquals(expected.shape, actual.shape, what + ": shape " + Arrays.toString(actual.shape)
        + " but TensorFlow's is " + Arrays.toString(expected.shape) + "\n  TFJ:        " + actual
        + "\n  TensorFlow: " + expected);
    if (!expected.dtype.is_floating()) {
      rtol = 0;
      atol = 0;
    }
    for (int i = 0; i < expected.data.length; i++) {
      double e = expected.data[i];
      double a = actual.data[i];
      boolean ok = Double.isNaN(e) ? Double.isNaN(a)
          : Double.isInfinite(e) ? e == a
          : Math.abs(a - e) <= atol + rtol * Math.abs(e);
      if (!ok) {
        fail(String.format(Locale.ROOT, "%s: element %d is %s, TensorFlow's is %s (|diff| %.3g)%n"
            + "  TFJ:        %s%n  TensorFlow: %s", what, i, a, e, Math.abs(a - e), actual, expected));
      }
    }
  }

  /** With the dtype's default relative tolerance. */
  public static void assertAgree(Values expected, Values actual, String what) {
    assertAgree(expected, actual, rtol(expected.dtype), 0, what);
  }
}
