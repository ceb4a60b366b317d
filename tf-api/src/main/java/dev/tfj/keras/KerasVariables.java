package dev.tfj.keras;

import dev.tfj.Variable;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Which variables Keras made (a layer's weights) and their Keras paths ({@code dense/kernel}):
 * optimizers name slots after the path of a Keras variable and after the name of any other.
 */
public final class KerasVariables {
  private KerasVariables() {}

  private static final Map<Variable, String> PATHS = Collections.synchronizedMap(new WeakHashMap<>());

  public static void register(Variable v) {
    String name = v.name();
    PATHS.put(v, name.endsWith(":0") ? name.substring(0, name.length() - 2) : name);
  }

  public static boolean isKeras(Variable v) {
    return PATHS.containsKey(v);
  }

  public static String path(Variable v) {
    return PATHS.get(v);
  }
}
