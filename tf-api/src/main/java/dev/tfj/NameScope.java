package dev.tfj;

import dev.tfj.errors.ValueError;

/**
 * A {@code with tf.name_scope(name):} block, as TensorFlow 2's eager context keeps it: one scope
 * string per thread ({@code "outer/inner/"}), a name ending in {@code /} taken as the whole
 * scope, an empty name clearing it. Variables created inside are named under it
 * ({@code dense/kernel:0}); eager TensorFlow never makes the names unique.
 */
public final class NameScope implements Scope {
  private static final ThreadLocal<String> CURRENT = ThreadLocal.withInitial(() -> "");

  private final String previous;
  private final String scope;

  NameScope(String name) {
    if (name == null) {
      throw new ValueError("name for name_scope must be a string.");
    }
    previous = CURRENT.get();
    if (name.isEmpty()) {
      scope = "";
    } else if (name.endsWith("/")) {
      scope = name;
    } else {
      scope = previous + name + "/";
    }
    CURRENT.set(scope);
  }

  /** What {@code with tf.name_scope(...) as scope} binds: the full scope, ending in {@code /}. */
  public String scope_name() {
    return scope;
  }

  @Override
  public void close() {
    CURRENT.set(previous);
  }

  /** The current scope, {@code ""} at the top. */
  static String current() {
    return CURRENT.get();
  }

  /** A variable's name under the current scope, as ResourceVariable builds its handle name. */
  static String variableName(String name) {
    String base = name == null ? "Variable" : name;
    String full = base.endsWith("/") ? base : current() + base;
    return full.endsWith("/") ? full.substring(0, full.length() - 1) : full;
  }
}
