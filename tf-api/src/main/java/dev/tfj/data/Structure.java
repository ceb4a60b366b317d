package dev.tfj.data;

import dev.tfj.Tensor;
import dev.tfj.errors.InvalidArgumentError;
import dev.tfj.errors.TypeError;
import dev.tfj.errors.ValueError;
import dev.tfj.tf;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Dataset elements: a Tensor, a List (tuple) or a Map (dict) of elements, mapped leaf by leaf. */
final class Structure {
  private Structure() {}

  /** Arrays and numbers become tensors; Lists and Maps keep their shape. */
  static Object toTensors(Object value) {
    if (value == null) {
      throw new TypeError("Failed to convert elements of None to Tensor.");
    }
    return mapLeaves(value, v -> v instanceof Tensor t ? t : tf.constant(v));
  }

  static Object mapLeaves(Object element, Function<Object, Object> fn) {
    if (element instanceof List<?> list) {
      List<Object> out = new ArrayList<>(list.size());
      for (Object e : list) {
        out.add(mapLeaves(e, fn));
      }
      return List.copyOf(out);
    }
    if (element instanceof Map<?, ?> map) {
      Map<Object, Object> out = new LinkedHashMap<>();
      map.forEach((k, v) -> out.put(k, mapLeaves(v, fn)));
      return java.util.Collections.unmodifiableMap(out);
    }
    return fn.apply(element);
  }

  static void leaves(Object element, List<Tensor> out) {
    if (element instanceof List<?> list) {
      list.forEach(e -> leaves(e, out));
    } else if (element instanceof Map<?, ?> map) {
      map.values().forEach(e -> leaves(e, out));
    } else {
      out.add((Tensor) element);
    }
  }

  /** The common first dimension of every component, as from_tensor_slices needs it. */
  static long sliceCount(Object element) {
    List<Tensor> all = new ArrayList<>();
    leaves(element, all);
    long n = -1;
    for (Tensor t : all) {
      if (t.ndim() == 0) {
        throw new ValueError("Unbatching a tensor is only supported for rank >= 1");
      }
      long d = t.shape().get(0);
      if (n >= 0 && d != n) {
        throw new ValueError("Dimensions " + n + " and " + d + " are not compatible");
      }
      n = d;
    }
    return Math.max(n, 0);
  }

  static Object slice(Object element, long i) {
    return mapLeaves(element, t -> ((Tensor) t).get((int) i));
  }

  /** Elements of one structure stacked component by component (batch), with TensorFlow's shape check. */
  static Object stack(List<Object> elements) {
    List<List<Tensor>> columns = new ArrayList<>();
    for (Object e : elements) {
      List<Tensor> flat = new ArrayList<>();
      leaves(e, flat);
      for (int c = 0; c < flat.size(); c++) {
        if (columns.size() <= c) {
          columns.add(new ArrayList<>());
        }
        List<Tensor> column = columns.get(c);
        if (!column.isEmpty() && !column.get(0).shape().equals(flat.get(c).shape())) {
          throw new InvalidArgumentError("Cannot batch tensors with different shapes in component " + c
              + ". First element had shape " + dims(column.get(0)) + " and element " + column.size()
              + " had shape " + dims(flat.get(c)) + ".");
        }
        column.add(flat.get(c));
      }
    }
    int[] next = {0};
    return mapLeaves(elements.get(0), t -> tf.stack(columns.get(next[0]++)));
  }

  private static String dims(Tensor t) {
    return java.util.Arrays.toString(t.shape().as_list()).replace(" ", "");
  }

  static Object first(Object element) {
    return element instanceof List<?> list ? list.get(0) : element;
  }

  /** The two parts of an (x, y) element, for two-argument map and filter functions. */
  static Tensor second(Object element) {
    if (!(element instanceof List<?> list) || list.size() != 2) {
      throw new TypeError("tf__fn() missing 1 required positional argument: 'y'");
    }
    return (Tensor) list.get(1);
  }
}
