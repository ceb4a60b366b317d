package dev.tfj;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Python's {@code nest} for the Java forms of its structures (List, Map), and how Python names a leaf. */
final class Nest {
  private Nest() {}

  /** Python's {@code nest.flatten}: Lists in order, Map values in key order, anything else a leaf. */
  static void flatten(Object structure, List<Object> out) {
    if (structure instanceof List<?> list) {
      list.forEach(e -> flatten(e, out));
    } else if (structure instanceof Map<?, ?> map) {
      new TreeMap<>(map).values().forEach(e -> flatten(e, out));
    } else {
      out.add(structure);
    }
  }

  /** The results for a Map of sources, under the same keys in the same order. */
  static <K> Map<K, Tensor> packLike(Map<K, ? extends Tensor> sources, List<Tensor> flat) {
    Map<K, Tensor> out = new LinkedHashMap<>();
    int i = 0;
    for (K key : sources.keySet()) {
      out.put(key, flat.get(i++));
    }
    return Collections.unmodifiableMap(out);
  }

  static String pythonStr(Object o) {
    return o == null ? "None" : o instanceof Boolean b ? (b ? "True" : "False") : String.valueOf(o);
  }

  /** The Python type a Java value stands for, for TensorFlow's messages. */
  static String pythonType(Object o) {
    if (o == null) {
      return "NoneType";
    } else if (o instanceof Boolean) {
      return "bool";
    } else if (o instanceof Integer || o instanceof Long || o instanceof Short || o instanceof Byte) {
      return "int";
    } else if (o instanceof Float || o instanceof Double) {
      return "float";
    } else if (o instanceof String) {
      return "str";
    }
    return o.getClass().getSimpleName();
  }
}
