package dev.tfj.ops;

import java.util.Arrays;
import java.util.function.Function;

/**
 * An op call's attribute values, as name/value pairs in one flat array. Ops have a handful of
 * attrs, so a scan beats a map and nothing is built per lookup. Callers pass every attr the op
 * cannot infer from its inputs (type attrs such as {@code T} are inferred).
 */
public final class Attrs {
  public static final Attrs NONE = new Attrs(new Object[0]);

  private final Object[] namesAndValues;

  private Attrs(Object[] namesAndValues) {
    this.namesAndValues = namesAndValues;
  }

  /** {@code Attrs.of("transpose_a", false, "transpose_b", true)}. */
  public static Attrs of(Object... namesAndValues) {
    if (namesAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("attrs come in name/value pairs");
    }
    return new Attrs(namesAndValues);
  }

  /** The value, or null when the call did not set it. */
  public Object find(String name) {
    for (int i = 0; i < namesAndValues.length; i += 2) {
      if (namesAndValues[i] == name || namesAndValues[i].equals(name)) {
        return namesAndValues[i + 1];
      }
    }
    return null;
  }

  /** These attrs with each null value replaced by {@code fill}'s value for its name (itself when none is null). */
  public Attrs fillNulls(Function<String, Object> fill) {
    Object[] filled = null;
    for (int i = 1; i < namesAndValues.length; i += 2) {
      if (namesAndValues[i] == null) {
        filled = filled != null ? filled : namesAndValues.clone();
        filled[i] = fill.apply((String) namesAndValues[i - 1]);
      }
    }
    return filled == null ? this : new Attrs(filled);
  }

  public Object get(String name) {
    Object v = find(name);
    if (v == null) {
      throw new IllegalStateException("attr '" + name + "' was not set: " + this);
    }
    return v;
  }

  public boolean bool(String name) {
    return (Boolean) get(name);
  }

  public long integer(String name) {
    return ((Number) get(name)).longValue();
  }

  public double real(String name) {
    return ((Number) get(name)).doubleValue();
  }

  public DType dtype(String name) {
    return (DType) get(name);
  }

  @Override
  public String toString() {
    return Arrays.deepToString(namesAndValues);
  }
}
