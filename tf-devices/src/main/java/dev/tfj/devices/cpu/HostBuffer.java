package dev.tfj.devices.cpu;

import dev.tfj.devices.Buffer;
import dev.tfj.devices.Device;
import dev.tfj.devices.Devices;
import dev.tfj.ops.DType;
import dev.tfj.ops.HostArrays;

/**
 * CPU memory: a Java primitive array on the heap, dense and row-major. Element accessors let one
 * kernel serve every dtype; integers go through {@code long} so int64 keeps all its bits.
 */
public final class HostBuffer implements Buffer {
  public final DType dtype;
  public final Object data;

  public HostBuffer(DType dtype, Object data) {
    this.dtype = dtype;
    this.data = data;
  }

  public static HostBuffer allocate(DType dtype, long n) {
    return new HostBuffer(dtype, HostArrays.allocate(dtype, Math.toIntExact(n)));
  }

  @Override
  public Device device() {
    return Devices.cpu();
  }

  public int size() {
    return java.lang.reflect.Array.getLength(data);
  }

  public double getDouble(int i) {
    return switch (dtype) {
      case FLOAT32 -> ((float[]) data)[i];
      case FLOAT64 -> ((double[]) data)[i];
      case INT32 -> ((int[]) data)[i];
      case INT64 -> ((long[]) data)[i];
      case UINT8 -> ((byte[]) data)[i] & 0xFF;
      case BOOL -> ((boolean[]) data)[i] ? 1 : 0;
      case RESOURCE -> throw new IllegalStateException("resource");
    };
  }

  public long getLong(int i) {
    return switch (dtype) {
      case INT32 -> ((int[]) data)[i];
      case INT64 -> ((long[]) data)[i];
      case UINT8 -> ((byte[]) data)[i] & 0xFF;
      case BOOL -> ((boolean[]) data)[i] ? 1 : 0;
      default -> (long) getDouble(i);
    };
  }

  public boolean getBool(int i) {
    return dtype == DType.BOOL ? ((boolean[]) data)[i] : getDouble(i) != 0;
  }

  public void setDouble(int i, double v) {
    switch (dtype) {
      case FLOAT32 -> ((float[]) data)[i] = (float) v;
      case FLOAT64 -> ((double[]) data)[i] = v;
      case BOOL -> ((boolean[]) data)[i] = v != 0;
      default -> setLong(i, (long) v);
    }
  }

  public void setLong(int i, long v) {
    switch (dtype) {
      case INT32 -> ((int[]) data)[i] = (int) v;
      case INT64 -> ((long[]) data)[i] = v;
      case UINT8 -> ((byte[]) data)[i] = (byte) v;
      case BOOL -> ((boolean[]) data)[i] = v != 0;
      default -> setDouble(i, v);
    }
  }

  public void setBool(int i, boolean v) {
    if (dtype == DType.BOOL) {
      ((boolean[]) data)[i] = v;
    } else {
      setLong(i, v ? 1 : 0);
    }
  }

  /** A new buffer whose element i is this buffer's element {@code index[i]}. */
  public HostBuffer gather(int[] index) {
    Object out = HostArrays.allocate(dtype, index.length);
    switch (dtype) {
      case FLOAT32 -> {
        float[] s = (float[]) data;
        float[] d = (float[]) out;
        for (int i = 0; i < index.length; i++) {
          d[i] = s[index[i]];
        }
      }
      case FLOAT64 -> {
        double[] s = (double[]) data;
        double[] d = (double[]) out;
        for (int i = 0; i < index.length; i++) {
          d[i] = s[index[i]];
        }
      }
      default -> {
        HostBuffer d = new HostBuffer(dtype, out);
        for (int i = 0; i < index.length; i++) {
          d.setLong(i, getLong(index[i]));
        }
      }
    }
    return new HostBuffer(dtype, out);
  }

  /** Writes this buffer's element i to {@code into}'s element {@code index[i]}. */
  public void scatter(int[] index, HostBuffer into) {
    switch (dtype) {
      case FLOAT32 -> {
        float[] s = (float[]) data;
        float[] d = (float[]) into.data;
        for (int i = 0; i < index.length; i++) {
          d[index[i]] = s[i];
        }
      }
      case FLOAT64 -> {
        double[] s = (double[]) data;
        double[] d = (double[]) into.data;
        for (int i = 0; i < index.length; i++) {
          d[index[i]] = s[i];
        }
      }
      default -> {
        for (int i = 0; i < index.length; i++) {
          into.setLong(index[i], getLong(i));
        }
      }
    }
  }
}
