package dev.tfj;

import dev.tfj.errors.TypeError;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Python's {@code nest} for the Java forms of its structures (List, Map), and how Python names a leaf. */
final class Nest {
  private Nest() {}

  /** Python's {@code nest.flatten}: Lists in order, Map values in key order, anything else a leaf. */
  static void flatten(Object structure, List<Object> out) {
    if (structure instanceof List<?> list) {
      list.forEach(e -> flatten(e, out));
    } else if (structure instanceof Map<?, ?> map) {
      for (Object key : sortedKeys(map)) {
        flatten(map.get(key), out);
      }
    } else {
      out.add(structure);
    }
  }

  /**
   * Python's {@code nest.pack_sequence_as}: {@code flat}'s leaves in {@code structure}'s nesting,
   * in {@link #flatten}'s order. Lists come back as read-only Lists, Maps as read-only Maps with
   * the structure's keys in the structure's own order; a leaf structure is the first leaf.
   */
  static Object packSequenceAs(Object structure, List<?> flat) {
    return pack(structure, flat.iterator());
  }

  private static Object pack(Object structure, Iterator<?> flat) {
    if (structure instanceof List<?> list) {
      List<Object> out = new ArrayList<>(list.size());
      for (Object e : list) {
        out.add(pack(e, flat));
      }
      return Collections.unmodifiableList(out);
    }
    if (structure instanceof Map<?, ?> map) {
      Map<Object, Object> byKey = new HashMap<>();
      for (Object key : sortedKeys(map)) {
        byKey.put(key, pack(map.get(key), flat));
      }
      Map<Object, Object> out = new LinkedHashMap<>();
      map.keySet().forEach(key -> out.put(key, byKey.get(key)));
      return Collections.unmodifiableMap(out);
    }
    return flat.next();
  }

  /** A Map's keys sorted, as nest sorts a dict's keys (TypeError where they do not sort). */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static List<Object> sortedKeys(Map<?, ?> map) {
    List<Object> keys = new ArrayList<>(map.keySet());
    if (keys.size() > 1) {
      try {
        keys.sort((a, b) -> ((Comparable) a).compareTo(b));
      } catch (ClassCastException | NullPointerException e) {
        throw new TypeError("nest only supports dicts with sortable keys.");
      }
    }
    return keys;
  }

  static String pythonStr(Object o) {
    return o == null ? "None" : o instanceof Boolean b ? (b ? "True" : "False") : String.valueOf(o);
  }

  /** Python's {@code repr} of a leaf, for messages that format one with {@code !r}. */
  static String pythonRepr(Object o) {
    return o instanceof String str ? "'" + str + "'" : pythonStr(o);
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
