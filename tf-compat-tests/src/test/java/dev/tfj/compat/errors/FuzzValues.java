package dev.tfj.compat.errors;

import dev.tfj.Tensor;
import dev.tfj.tf;
import dev.tfj.ops.DType;
import java.lang.reflect.Array;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

/**
 * The arguments the fuzzer feeds the public API, by Java parameter type: mostly wrong ones
 * (null, other dtypes, other ranks, empty tensors, axes out of range, unknown strings) beside a
 * few right ones, so that calls get past their first check. Sizes stay small: huge shapes and
 * Java element types TFJ does not take are left out on purpose (other tests own them).
 */
final class FuzzValues {
  private static final int[] INTS = {-3, -1, 0, 1, 2, 3};
  private static final long[] LONGS = {-1, 0, 1, 2, 3};
  private static final double[] DOUBLES = {0.0, 0.5, -1.0, 2.0};
  private static final int[][] INT_ARRAYS = {null, {}, {0}, {1}, {-1}, {0, 1}, {1, 0}, {2}, {0, 0}, {-3},
      {0, 1, 2}, {3, -5}};
  private static final long[][] SHAPES = {null, {}, {2}, {0}, {2, 3}, {3, 2}, {-1}, {1, -1}, {2, 2, 2},
      {-2}, {3}};
  private static final int[][][] PADDINGS = {null, {}, {{1, 1}}, {{0, 1}, {1, 0}}, {{-1, 0}}, {{1}},
      {{0, 0}, {0, 0}, {0, 0}}, {null}, {{1, 2}, {0, 1}}};
  private static final DType[] DTYPES = {null, tf.float32, tf.float64, tf.int32, tf.int64, tf.uint8, tf.bool};
  private static final String[] STRINGS = {null, "", "euclidean", "fro", "xy", "ij", "CONSTANT", "reflect",
      "SYMMETRIC", "ij,jk->ik", "i,i->", "ii->i", "...ij->...ji", "ij", "bogus", "none", "zero", "/CPU:0",
      "/GPU:0", "VALID", "SAME", "LEFT_RIGHT", "RIGHT_LEFT"};

  private final Random random;
  private final FuzzWorld world;
  /** Plain Java values that convert to tensors (or fail to): numbers, arrays, null. */
  private final List<Object> javaValues;

  FuzzValues(Random random, FuzzWorld world) {
    this.random = random;
    this.world = world;
    javaValues = Arrays.asList(null, 0, 1, 2, -1, 3L, 0.5, -2.0, 1.5f, true, false,
        new float[] {1, 2}, new int[] {0, 1}, new long[] {1}, new double[][] {{1, 2}, {3, 4}},
        new float[0], new boolean[] {true}, new int[][] {{1}, {2}}, new float[][] {{1, 2}, {3}},
        new Object[] {1.0f, null});
  }

  /** A value for a parameter of {@code type} ({@code generic} for Lists, Maps and Suppliers). */
  Object of(Class<?> type, Type generic) {
    if (type == int.class) {
      return pick(INTS);
    } else if (type == Integer.class) {
      return random.nextInt(5) == 0 ? null : pick(INTS);
    } else if (type == long.class) {
      return LONGS[random.nextInt(LONGS.length)];
    } else if (type == Long.class) {
      return random.nextInt(5) == 0 ? null : LONGS[random.nextInt(LONGS.length)];
    } else if (type == double.class) {
      return DOUBLES[random.nextInt(DOUBLES.length)];
    } else if (type == float.class) {
      return (float) DOUBLES[random.nextInt(DOUBLES.length)];
    } else if (type == boolean.class) {
      return random.nextBoolean();
    } else if (type == Boolean.class) {
      return random.nextInt(3) == 0 ? null : random.nextBoolean();
    } else if (type == int[].class) {
      return copy(INT_ARRAYS[random.nextInt(INT_ARRAYS.length)]);
    } else if (type == long[].class) {
      return copy(SHAPES[random.nextInt(SHAPES.length)]);
    } else if (type == int[][].class) {
      return copy(PADDINGS[random.nextInt(PADDINGS.length)]);
    } else if (type == DType.class) {
      return DTYPES[random.nextInt(DTYPES.length)];
    } else if (type == String.class) {
      return STRINGS[random.nextInt(STRINGS.length)];
    } else if (type == tf.UnconnectedGradients.class) {
      return random.nextInt(3) == 0 ? null : tf.UnconnectedGradients.values()[random.nextInt(2)];
    } else if (Tensor.class.isAssignableFrom(type)) {
      return random.nextInt(8) == 0 ? null : pickTensor(type);
    } else if (type == List.class) {
      return list(generic);
    } else if (type == Map.class) {
      return map();
    } else if (type == Supplier.class) {
      Object value = tensorLike();
      return random.nextInt(6) == 0 ? null : (Supplier<Object>) () -> value;
    } else if (type == Object[].class) {
      return varargs();
    } else if (type == Object.class) {
      return tensorLike();
    }
    throw new IllegalArgumentException("no generator for " + type);
  }

  /** Whether {@link #of} can make values of this parameter type. */
  static boolean supports(Class<?> type) {
    return type.isPrimitive() || type == Integer.class || type == Long.class || type == Boolean.class
        || type == int[].class || type == long[].class || type == int[][].class || type == DType.class
        || type == String.class || type == tf.UnconnectedGradients.class || Tensor.class.isAssignableFrom(type)
        || type == List.class || type == Map.class || type == Supplier.class || type == Object[].class
        || type == Object.class;
  }

  /** A tensor, a variable, a plain Java value or null: what TensorFlow's {@code convert_to_tensor} sees. */
  Object tensorLike() {
    return random.nextInt(3) == 0 ? javaValues.get(random.nextInt(javaValues.size())) : pickTensor(Tensor.class);
  }

  private Tensor pickTensor(Class<?> type) {
    List<? extends Tensor> from = type == Tensor.class ? world.tensors : world.variables;
    return from.get(random.nextInt(from.size()));
  }

  /** A varargs array (einsum's inputs, meshgrid's, an index for Tensor.get), or null. */
  private Object[] varargs() {
    if (random.nextInt(8) == 0) {
      return null;
    }
    Object[] out = new Object[random.nextInt(4)];
    for (int i = 0; i < out.length; i++) {
      out[i] = random.nextInt(3) == 0 ? indexItem() : tensorLike();
    }
    return out;
  }

  /** What Python allows inside {@code x[...]}: ints, slices, None, Ellipsis. */
  private Object indexItem() {
    return switch (random.nextInt(6)) {
      case 0 -> tf.newaxis;
      case 1 -> tf.ellipsis;
      case 2 -> tf.slice_(random.nextBoolean() ? null : pick(INTS), random.nextBoolean() ? null : pick(INTS),
          random.nextInt(3) == 0 ? -1 : null);
      case 3 -> null;
      default -> pick(INTS);
    };
  }

  private List<Object> list(Type generic) {
    boolean tensorsOnly = generic instanceof ParameterizedType p
        && p.getActualTypeArguments()[0].getTypeName().contains("Tensor");
    int kind = random.nextInt(7);
    if (kind == 0) {
      return null;
    }
    List<Object> out = new ArrayList<>();
    int n = kind == 1 ? 0 : 1 + random.nextInt(3);
    for (int i = 0; i < n; i++) {
      out.add(tensorsOnly ? (random.nextInt(6) == 0 ? null : pickTensor(Tensor.class)) : tensorLike());
    }
    return out;
  }

  private Map<String, Tensor> map() {
    if (random.nextInt(5) == 0) {
      return null;
    }
    Map<String, Tensor> out = new LinkedHashMap<>();
    int n = random.nextInt(3);
    for (int i = 0; i < n; i++) {
      out.put("k" + i, random.nextInt(5) == 0 ? null : pickTensor(Tensor.class));
    }
    return out;
  }

  private int pick(int[] values) {
    return values[random.nextInt(values.length)];
  }

  /** A fresh copy, so that a call that keeps or changes an array cannot change the next call's. */
  @SuppressWarnings("unchecked")
  private static <T> T copy(T array) {
    if (array == null) {
      return null;
    }
    int n = Array.getLength(array);
    Object out = Array.newInstance(array.getClass().getComponentType(), n);
    for (int i = 0; i < n; i++) {
      Object e = Array.get(array, i);
      Array.set(out, i, e != null && e.getClass().isArray() ? copy(e) : e);
    }
    return (T) out;
  }

  /** How a value prints in a defect report: tensors by dtype and shape, arrays in full. */
  static String describe(Object v) {
    if (v instanceof Tensor t) {
      return (t instanceof dev.tfj.Variable ? "Variable" : "Tensor") + "(" + t.dtype() + ", " + t.shape() + ")";
    } else if (v instanceof Object[] a) {
      return Arrays.stream(a).map(FuzzValues::describe).toList().toString();
    } else if (v != null && v.getClass().isArray()) {
      return Arrays.deepToString(new Object[] {v}).replaceAll("^\\[|\\]$", "");
    } else if (v instanceof List<?> l) {
      return l.stream().map(FuzzValues::describe).toList().toString();
    } else if (v instanceof Map<?, ?> m) {
      Map<Object, String> out = new LinkedHashMap<>();
      m.forEach((k, e) -> out.put(k, describe(e)));
      return out.toString();
    } else if (v instanceof Supplier<?> s) {
      return "() -> " + describe(s.get());
    } else if (v instanceof String s) {
      return "\"" + s + "\"";
    }
    return String.valueOf(v);
  }
}
