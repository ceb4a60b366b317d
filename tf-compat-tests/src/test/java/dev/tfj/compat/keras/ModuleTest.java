package dev.tfj.compat.keras;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tfj.Module;
import dev.tfj.Variable;
import dev.tfj.errors.ValueError;
import dev.tfj.keras.layers.Dense;
import dev.tfj.tf;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * tf.Module as TensorFlow walks it (attributes by name, a module's own before its submodules'),
 * variables named under name scopes, and Keras's unique layer names.
 */
class ModuleTest {
  @BeforeEach
  void freshNames() {
    tf.keras.backend.clear_session();
  }

  static class Dense2 extends Module {
    final Variable w;
    final Variable b;

    Dense2(int in, int out) {
      super();
      try (var s = name_scope()) {
        w = tf.Variable(tf.ones(in, out), "w");
        b = tf.Variable(tf.zeros(out), false, "b");
      }
    }
  }

  static class Mlp extends Module {
    final Dense2 second;
    final Dense2 first;
    final List<Variable> extras;

    Mlp() {
      super("mlp");
      try (var s = name_scope()) {
        first = new Dense2(3, 4);
        second = new Dense2(4, 2);
        extras = List.of(tf.Variable(1.0, "scale"));
      }
    }
  }

  @Test
  void variablesAreNamedUnderScopesAndWalkedInTensorFlowsOrder() {
    Mlp m = new Mlp();
    assertEquals("mlp", m.name());
    assertEquals("mlp/dense2/w:0", m.first.w.name());
    assertEquals(List.of("mlp/scale:0", "mlp/dense2/b:0", "mlp/dense2/w:0", "mlp/dense2/b:0", "mlp/dense2/w:0"),
        m.variables().stream().map(Variable::name).toList());
    assertEquals(List.of(m.extras.get(0), m.first.w, m.second.w), m.trainable_variables());
    assertEquals(List.of(m.first.b, m.second.b), m.non_trainable_variables());
    assertEquals(List.of(m.first, m.second), m.submodules());
    assertEquals(List.of("extras", "first", "second"), List.copyOf(new java.util.TreeMap<>(m.trackable_children()).keySet()));
  }

  @Test
  void nameScopesNestAndEndWithASlash() {
    try (var outer = tf.name_scope("outer")) {
      try (var inner = tf.name_scope("inner")) {
        assertEquals("outer/inner/", inner.scope_name());
        assertEquals("outer/inner/v:0", tf.Variable(1.0, "v").name());
      }
      try (var absolute = tf.name_scope("top/")) {
        assertEquals("top/v:0", tf.Variable(1.0, "v").name());
      }
      assertEquals("outer/Variable:0", tf.Variable(1.0).name());
    }
    assertEquals("Variable:0", tf.Variable(1.0).name());
  }

  @Test
  void moduleNamesMustBeIdentifiers() {
    ValueError e = assertThrows(ValueError.class, () -> new Module("1bad") {});
    assertEquals("'1bad' is not a valid module name. Module names must be valid Python identifiers (e.g. a valid"
        + " class name).", e.getMessage());
    assertEquals("my_http_module", Module.camel_to_snake("MyHTTPModule"));
  }

  @Test
  void layersGetKerasUniqueNames() {
    Dense a = tf.keras.layers.Dense(2);
    Dense b = tf.keras.layers.Dense(2);
    Dense named = tf.keras.layers.Dense(2).name("out");
    Dense c = tf.keras.layers.Dense(2);
    assertEquals(List.of("dense", "dense_1", "out", "dense_2"), List.of(a.name(), b.name(), named.name(), c.name()));
    assertEquals("batch_normalization", tf.keras.layers.BatchNormalization().name());
    assertEquals("re_lu", tf.keras.layers.ReLU().name());
    a.apply(tf.ones(1, 3));
    assertEquals(List.of("dense/kernel:0", "dense/bias:0"), a.weights().stream().map(Variable::name).toList());
    ValueError e = assertThrows(ValueError.class, () -> tf.keras.layers.Dense(2).name("a/b"));
    assertEquals("Argument `name` must be a string and cannot contain character `/`. Received: name=a/b (of type"
        + " <class 'str'>)", e.getMessage());
  }
}
