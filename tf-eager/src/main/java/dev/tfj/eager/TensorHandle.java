package dev.tfj.eager;

import dev.tfj.devices.Buffer;
import dev.tfj.devices.Device;
import dev.tfj.ops.DType;
import dev.tfj.ops.Operand;
import dev.tfj.ops.Shapes;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An immutable eager tensor: dtype, shape, device and buffer, plus the process-unique id that
 * tapes key on (TensorFlow's tensor id; the tape never looks at Java identity).
 */
public final class TensorHandle implements Operand {
  private static final AtomicLong IDS = new AtomicLong();

  public final long id = IDS.incrementAndGet();
  public final DType dtype;
  public final long[] shape;
  public final Device device;
  public final Buffer buffer;

  public TensorHandle(DType dtype, long[] shape, Device device, Buffer buffer) {
    this.dtype = dtype;
    this.shape = shape;
    this.device = device;
    this.buffer = buffer;
  }

  /** A constant on {@code device} holding a copy of {@code hostArray}. */
  public static TensorHandle of(DType dtype, long[] shape, Device device, Object hostArray) {
    return new TensorHandle(dtype, shape, device, device.fromHost(dtype, hostArray));
  }

  /** The same value under a new id: what a variable read returns. */
  public TensorHandle withNewId() {
    return new TensorHandle(dtype, shape, device, buffer);
  }

  @Override
  public DType dtype() {
    return dtype;
  }

  @Override
  public long[] shape() {
    return shape;
  }

  public int numElements() {
    return Math.toIntExact(Shapes.numElements(shape));
  }

  /** The elements as a host array the caller must not modify. */
  public Object hostData() {
    return device.readHost(buffer, dtype, numElements());
  }

  /** The elements as a new host array. */
  public Object hostCopy() {
    return device.toHost(buffer, dtype, numElements());
  }

  @Override
  public long[] longValues() {
    Object data = hostData();
    if (data instanceof long[] a) {
      return a.clone();
    }
    long[] out = new long[numElements()];
    for (int i = 0; i < out.length; i++) {
      out[i] = (long) element(data, i);
    }
    return out;
  }

  @Override
  public double[] doubleValues() {
    Object data = hostData();
    double[] out = new double[numElements()];
    for (int i = 0; i < out.length; i++) {
      out[i] = element(data, i);
    }
    return out;
  }

  /**
   * Element i of a host array as a double, read without reflection or boxing: shape rules read
   * shape, axis and permutation values on every op call. uint8 reads unsigned.
   */
  private static double element(Object data, int i) {
    if (data instanceof int[] a) {
      return a[i];
    } else if (data instanceof long[] a) {
      return a[i];
    } else if (data instanceof float[] a) {
      return a[i];
    } else if (data instanceof double[] a) {
      return a[i];
    } else if (data instanceof byte[] a) {
      return a[i] & 0xFF;
    }
    return ((boolean[]) data)[i] ? 1 : 0;
  }

  @Override
  public String toString() {
    return "TensorHandle(id=" + id + ", " + dtype + ", " + Shapes.str(shape) + ")";
  }
}
