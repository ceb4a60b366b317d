package dev.tfj;

import dev.tfj.devices.Devices;
import dev.tfj.eager.TensorHandle;
import dev.tfj.errors.TypeError;
import dev.tfj.errors.ValueError;
import dev.tfj.ops.DType;
import dev.tfj.ops.HostArrays;
import dev.tfj.ops.PythonNone;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code tf.convert_to_tensor} for Java values: numbers, (nested) primitive arrays and tensors.
 * int → int32, long → int64, float and double → float32 (as a Python float literal), boolean → bool;
 * an explicit dtype wins, and a float never silently becomes an integer.
 */
final class Convert {
  private Convert() {}

  static TensorHandle toHandle(Object value, DType dtype) {
    if (value instanceof Tensor t) {
      TensorHandle h = t.handle();
      if (dtype != null && h.dtype != dtype) {
        throw new ValueError("Tensor conversion requested dtype " + dtype.typeName()
            + " for Tensor with dtype " + h.dtype.typeName() + ": " + t);
      }
      return h;
    }
    TensorHandle flat = flatArray(value, dtype);
    if (flat != null) {
      return flat;
    }
    List<Long> dims = new ArrayList<>();
    Class<?> leaf = shapeOf(value, dims);
    long[] shape = dims.stream().mapToLong(Long::longValue).toArray();
    DType target = dtype != null ? dtype : inferredType(leaf);
    Object data = HostArrays.allocate(target, Math.toIntExact(dev.tfj.ops.Shapes.numElements(shape)));
    fill(value, leaf, target, data, new int[] {0});
    return TensorHandle.of(target, shape, Devices.cpu(), data);
  }

  /** A flat primitive array of the target's own kind, copied without boxing; else null. */
  private static TensorHandle flatArray(Object value, DType dtype) {
    DType kind = value instanceof float[] ? DType.FLOAT32 : value instanceof int[] ? DType.INT32
        : value instanceof long[] ? DType.INT64 : value instanceof boolean[] ? DType.BOOL : null;
    if (kind == null || (dtype != null && dtype != kind)) {
      return null;
    }
    Object copy = HostArrays.allocate(kind, Array.getLength(value));
    System.arraycopy(value, 0, copy, 0, Array.getLength(value));
    return TensorHandle.of(kind, new long[] {Array.getLength(value)}, Devices.cpu(), copy);
  }

  /** Converts {@code value} for an op beside a tensor of {@code like}'s dtype (Python's scalar rule). */
  static TensorHandle toHandleLike(Object value, TensorHandle like) {
    return value instanceof Tensor t ? t.handle() : toHandle(value, like.dtype);
  }

  /** Records the dimensions of a nested array (checking it is rectangular); returns the leaf type. */
  private static Class<?> shapeOf(Object value, List<Long> dims) {
    if (value == null) {
      throw PythonNone.toTensor();
    }
    if (!value.getClass().isArray()) {
      return leafType(value);
    }
    int n = Array.getLength(value);
    dims.add((long) n);
    Class<?> component = value.getClass().getComponentType();
    if (component.isPrimitive()) {
      return component;
    }
    if (n == 0) {
      return float.class;
    }
    int depth = dims.size();
    List<Long> first = new ArrayList<>();
    Class<?> leaf = shapeOf(Array.get(value, 0), first);
    for (int i = 1; i < n; i++) {
      List<Long> other = new ArrayList<>();
      shapeOf(Array.get(value, i), other);
      if (!other.equals(first)) {
        throw new ValueError("Can't convert non-rectangular Python sequence to Tensor.");
      }
    }
    dims.addAll(depth, first);
    return leaf;
  }

  private static Class<?> leafType(Object v) {
    if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
      return int.class;
    } else if (v instanceof Long) {
      return long.class;
    } else if (v instanceof Float || v instanceof Double) {
      return double.class;
    } else if (v instanceof Boolean) {
      return boolean.class;
    }
    throw new ValueError("Attempt to convert a value (" + v + ") with an unsupported type ("
        + v.getClass().getName() + ") to a Tensor.");
  }

  private static DType inferredType(Class<?> leaf) {
    if (leaf == int.class || leaf == short.class || leaf == byte.class) {
      return DType.INT32;
    } else if (leaf == long.class) {
      return DType.INT64;
    } else if (leaf == boolean.class) {
      return DType.BOOL;
    }
    return DType.FLOAT32;
  }

  /** Copies the leaves of {@code value} into {@code data} in row-major order. */
  private static void fill(Object value, Class<?> leaf, DType target, Object data, int[] next) {
    if (value.getClass().isArray()) {
      for (int i = 0; i < Array.getLength(value); i++) {
        fill(Array.get(value, i), leaf, target, data, next);
      }
      return;
    }
    int i = next[0]++;
    if (value instanceof Boolean b) {
      Array.set(data, i, target == DType.BOOL ? (Object) b : HostArrays.scalarElement(target, b ? 1 : 0));
    } else if ((value instanceof Float || value instanceof Double) && !target.is_floating()) {
      throw new TypeError("Cannot convert " + value + " to EagerTensor of dtype " + target.typeName());
    } else if (value instanceof Long l && target.is_integer()) {
      Array.set(data, i, HostArrays.scalarElement(target, l));
    } else {
      Array.set(data, i, HostArrays.scalarElement(target, ((Number) value).doubleValue()));
    }
  }
}
