package dev.tfj.compat.elementwise;

import dev.tfj.Tensor;
import dev.tfj.ops.DType;
import dev.tfj.tf;
import java.lang.reflect.Array;
import java.util.Arrays;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;
import org.tensorflow.types.TUint8;

/**
 * A tensor's dtype, shape and elements in row-major order, in one form for TFJ and TensorFlow
 * Java alike: floating elements as doubles, integers (uint8 unsigned) as longs, bools as bools.
 */
record Flat(DType dtype, long[] shape, double[] reals, long[] ints, boolean[] bools) {

  /** Values of a numeric dtype (integral ones for an integer dtype). */
  static Flat of(DType dtype, long[] shape, double... values) {
    return dtype.is_floating() ? new Flat(dtype, shape, values, null, null)
        : new Flat(dtype, shape, null, java.util.Arrays.stream(values).mapToLong(v -> (long) v).toArray(), null);
  }

  static Flat of(DType dtype, long[] shape, long... values) {
    return dtype.is_floating() ? of(dtype, shape, java.util.Arrays.stream(values).asDoubleStream().toArray())
        : new Flat(dtype, shape, null, values, null);
  }

  static Flat of(long[] shape, boolean... values) {
    return new Flat(DType.BOOL, shape, null, null, values);
  }

  static Flat scalar(DType dtype, double value) {
    return of(dtype, new long[0], value);
  }

  int size() {
    return reals != null ? reals.length : ints != null ? ints.length : bools.length;
  }

  /** The first {@code n} elements, shaped {@code shape}. */
  Flat take(long[] shape, int n) {
    return new Flat(dtype, shape, reals == null ? null : Arrays.copyOf(reals, n),
        ints == null ? null : Arrays.copyOf(ints, n), bools == null ? null : Arrays.copyOf(bools, n));
  }

  /** The same elements as TFJ's tensor of this dtype and shape. */
  Tensor tfj() {
    Object data = switch (dtype) {
      case FLOAT32 -> {
        float[] f = new float[reals.length];
        for (int i = 0; i < f.length; i++) {
          f[i] = (float) reals[i];
        }
        yield f;
      }
      case FLOAT64 -> reals.clone();
      case INT32, UINT8 -> Arrays.stream(ints).mapToInt(v -> (int) v).toArray();
      case INT64 -> ints.clone();
      case BOOL -> bools.clone();
      default -> throw new IllegalArgumentException(dtype.toString());
    };
    return tf.reshape(tf.constant(data, dtype), shape);
  }

  /** A TFJ tensor's elements. */
  static Flat of(Tensor t) {
    long[] shape = t.shape().as_list();
    Object data = tf.reshape(t, -1).numpy();
    int n = Array.getLength(data);
    return switch (t.dtype()) {
      case FLOAT32, FLOAT64 -> of(t.dtype(), shape, java.util.stream.IntStream.range(0, n)
          .mapToDouble(i -> ((Number) Array.get(data, i)).doubleValue()).toArray());
      case BOOL -> of(shape, (boolean[]) data);
      default -> of(t.dtype(), shape, java.util.stream.IntStream.range(0, n).mapToLong(i -> {
        long v = ((Number) Array.get(data, i)).longValue();
        return t.dtype() == DType.UINT8 ? v & 0xFF : v;
      }).toArray());
    };
  }

  /** A TensorFlow Java tensor's elements. */
  static Flat of(org.tensorflow.Tensor t) {
    long[] shape = t.shape().asArray();
    int n = (int) t.shape().size();
    if (t instanceof TFloat32 f) {
      float[] a = new float[n];
      f.copyTo(DataBuffers.of(a, false, false));
      double[] d = new double[n];
      for (int i = 0; i < n; i++) {
        d[i] = a[i];
      }
      return of(DType.FLOAT32, shape, d);
    } else if (t instanceof TFloat64 f) {
      double[] a = new double[n];
      f.copyTo(DataBuffers.of(a, false, false));
      return of(DType.FLOAT64, shape, a);
    } else if (t instanceof TInt32 f) {
      int[] a = new int[n];
      f.copyTo(DataBuffers.of(a, false, false));
      return of(DType.INT32, shape, Arrays.stream(a).asLongStream().toArray());
    } else if (t instanceof TInt64 f) {
      long[] a = new long[n];
      f.copyTo(DataBuffers.of(a, false, false));
      return of(DType.INT64, shape, a);
    } else if (t instanceof TUint8 f) {
      byte[] a = new byte[n];
      f.copyTo(DataBuffers.of(a, false, false));
      long[] l = new long[n];
      for (int i = 0; i < n; i++) {
        l[i] = a[i] & 0xFF;
      }
      return of(DType.UINT8, shape, l);
    } else if (t instanceof TBool f) {
      boolean[] a = new boolean[n];
      f.copyTo(DataBuffers.of(a, false, false));
      return of(shape, a);
    }
    throw new IllegalArgumentException(t.dataType().toString());
  }

  @Override
  public String toString() {
    String values = reals != null ? Arrays.toString(reals)
        : ints != null ? Arrays.toString(ints) : Arrays.toString(bools);
    return dtype.typeName() + Arrays.toString(shape) + " " + values;
  }
}
