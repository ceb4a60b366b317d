package dev.tfj;

import dev.tfj.errors.ValueError;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * TensorFlow's {@code tf.Module}: a named container of variables and other modules. As TensorFlow
 * walks a module's {@code vars()}, the walk here reads the subclass's fields (Python's attributes),
 * Lists, Maps and arrays inside them included, in attribute-name order, a module's own attributes
 * before those of its submodules. Fields marked {@code transient} are not attributes (the
 * framework's own bookkeeping uses that, and so may a user).
 *
 * <p>The module's name scope is fixed at construction, under the scope then current, so
 * variables made inside {@code try (var s = module.name_scope())} are named {@code name/...:0}.
 */
public class Module {
  private static final Pattern VALID_IDENTIFIER = Pattern.compile("^[a-zA-Z_]([a-zA-Z0-9_])*$");
  private static final Pattern CAMEL = Pattern.compile("((?<=[a-z0-9])[A-Z]|(?!^)[A-Z](?=[a-z]))");

  private transient String name;
  private transient String scopeName;

  /** {@code tf.Module()}: named after the class in snake_case ({@code MyModule} is {@code my_module}). */
  protected Module() {
    this(null);
  }

  /** {@code tf.Module(name)}: the name must be a Python identifier. */
  protected Module(String name) {
    setName(name == null ? defaultName() : name, true);
  }

  /** The name a subclass gets when none is given; Keras layers make it unique. */
  protected String defaultName() {
    return camel_to_snake(getClass().getSimpleName().isEmpty() ? "Module" : getClass().getSimpleName());
  }

  /** Renames and re-scopes, as a constructor's name argument would (Keras's fluent {@code name(...)}). */
  protected final void setName(String name, boolean validate) {
    if (validate && !VALID_IDENTIFIER.matcher(name).matches()) {
      throw new ValueError("'" + name + "' is not a valid module name. Module names must be valid"
          + " Python identifiers (e.g. a valid class name).");
    }
    this.name = name;
    try (NameScope scope = new NameScope(name)) {
      this.scopeName = scope.scope_name();
    }
  }

  /** TensorFlow's {@code camel_to_snake}. */
  public static String camel_to_snake(String value) {
    return CAMEL.matcher(value).replaceAll("_$1").toLowerCase(java.util.Locale.ROOT);
  }

  public String name() {
    return name;
  }

  /** {@code with module.name_scope:}, the scope this module was given at construction. */
  public NameScope name_scope() {
    return new NameScope(scopeName);
  }

  /** Every variable of this module and its submodules, each once. */
  public List<Variable> variables() {
    return flattenOf(Variable.class, v -> true);
  }

  public List<Variable> trainable_variables() {
    return flattenOf(Variable.class, Variable::trainable);
  }

  public List<Variable> non_trainable_variables() {
    return flattenOf(Variable.class, v -> !v.trainable());
  }

  /** Every module reachable from this one's attributes, breadth first per level, each once. */
  public List<Module> submodules() {
    return flattenOf(Module.class, m -> true);
  }

  private <T> List<T> flattenOf(Class<T> type, Predicate<T> keep) {
    List<T> out = new ArrayList<>();
    Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    seen.add(this);
    walk(this, type, keep, out, seen, new ArrayDeque<>());
    return Collections.unmodifiableList(out);
  }

  /** TensorFlow's {@code _flatten_module}: this module's leaves first, then each submodule's. */
  private static <T> void walk(Module module, Class<T> type, Predicate<T> keep, List<T> out,
      Set<Object> seen, Deque<Module> stack) {
    if (stack.contains(module)) {
      return;
    }
    List<Module> submodules = new ArrayList<>();
    for (Object attribute : new TreeMap<>(module.attributes()).values()) {
      List<Object> leaves = new ArrayList<>();
      leaves(attribute, leaves);
      for (Object leaf : leaves) {
        if (leaf == null || !seen.add(leaf)) {
          continue;
        }
        if (type.isInstance(leaf) && keep.test(type.cast(leaf))) {
          out.add(type.cast(leaf));
        }
        if (leaf instanceof Module m) {
          submodules.add(m);
        }
      }
    }
    stack.push(module);
    for (Module m : submodules) {
      walk(m, type, keep, out, seen, stack);
    }
    stack.pop();
  }

  /** nest.flatten over Collections, Maps (by sorted key) and arrays. */
  private static void leaves(Object value, List<Object> out) {
    if (value instanceof Map<?, ?> map) {
      for (Object v : sortedByKey(map).values()) {
        leaves(v, out);
      }
    } else if (value instanceof java.util.Collection<?> it) {
      it.forEach(v -> leaves(v, out));
    } else if (value instanceof Object[] array) {
      for (Object v : array) {
        leaves(v, out);
      }
    } else {
      out.add(value);
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Map<Object, Object> sortedByKey(Map<?, ?> map) {
    try {
      return new TreeMap<Object, Object>((Map) map);
    } catch (ClassCastException | NullPointerException unsortable) {
      return new LinkedHashMap<>(map);
    }
  }

  /**
   * Python's {@code vars(module)}: the non-static, non-transient fields declared by this class
   * and its superclasses below Module, superclass fields first, each in declaration order.
   */
  protected Map<String, Object> attributes() {
    List<Class<?>> chain = new ArrayList<>();
    for (Class<?> c = getClass(); c != Module.class; c = c.getSuperclass()) {
      chain.add(0, c);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    for (Class<?> c : chain) {
      for (Field f : c.getDeclaredFields()) {
        int mod = f.getModifiers();
        if (Modifier.isStatic(mod) || Modifier.isTransient(mod) || f.isSynthetic()) {
          continue;
        }
        try {
          f.setAccessible(true);
          out.put(f.getName(), f.get(this));
        } catch (ReflectiveOperationException | RuntimeException inaccessible) {
          // A field Java will not let us read (a closed module) is no attribute TensorFlow could see.
        }
      }
    }
    return out;
  }

  /**
   * What a TensorFlow Trackable lists as its children, by the names a checkpoint uses: each
   * attribute that is a Variable or a Module, and each List, Map or array holding them as a
   * Map of its own ({@code "0"}, {@code "1"}, ... or the Map's keys), so that
   * {@code model/dense/kernel} names a path. Keras models override it with their own names
   * ({@code layer_with_weights-0}).
   */
  public Map<String, Object> trackable_children() {
    Map<String, Object> out = new LinkedHashMap<>();
    attributes().forEach((key, value) -> {
      Object child = trackable(value);
      if (child != null) {
        out.put(key, child);
      }
    });
    return Collections.unmodifiableMap(out);
  }

  private static Object trackable(Object value) {
    if (value instanceof Variable || value instanceof Module) {
      return value;
    }
    Map<String, Object> wrapped = new LinkedHashMap<>();
    if (value instanceof Map<?, ?> map) {
      map.forEach((k, v) -> putTrackable(wrapped, String.valueOf(k), v));
    } else if (value instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        putTrackable(wrapped, String.valueOf(i), list.get(i));
      }
    } else if (value instanceof Object[] array) {
      for (int i = 0; i < array.length; i++) {
        putTrackable(wrapped, String.valueOf(i), array[i]);
      }
    } else {
      return null;
    }
    return wrapped.isEmpty() ? null : Collections.unmodifiableMap(wrapped);
  }

  private static void putTrackable(Map<String, Object> out, String key, Object value) {
    Object child = trackable(value);
    if (child != null) {
      out.put(key, child);
    }
  }

  @Override
  public String toString() {
    return "<" + getClass().getName() + " name=" + name + ">";
  }
}
