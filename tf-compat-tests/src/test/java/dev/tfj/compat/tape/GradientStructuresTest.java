package dev.tfj.compat.tape;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tfj.GradientTape;
import dev.tfj.Tensor;
import dev.tfj.Variable;
import dev.tfj.errors.TypeError;
import dev.tfj.errors.ValueError;
import dev.tfj.tf;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code GradientTape.gradient}'s arguments and results as TensorFlow's backprop.py handles them:
 * sources as one tensor, a list or a dict (same structure back), several targets (their sum),
 * output_gradients, unconnected_gradients.
 */
class GradientStructuresTest {
  /** x = 3, y = 2, both watched, z = x * x * y: dz/dx = 12, dz/dy = 9. */
  private static GradientTape recordXxy(Tensor x, Tensor y, Tensor[] z) {
    GradientTape t = tf.GradientTape(true);
    try (t) {
      t.watch(List.of(x, y));
      z[0] = x.mul(x).mul(y);
    }
    return t;
  }

  @Test
  void sourcesAsOneTensorAListOrAMapGiveTheSameStructureBack() {
    Tensor x = tf.constant(3.0);
    Tensor y = tf.constant(2.0);
    Tensor[] z = new Tensor[1];
    GradientTape t = recordXxy(x, y, z);

    assertEquals(12.0f, t.gradient(z[0], x).floatValue());

    List<Tensor> list = t.gradient(z[0], List.of(x, y));
    assertEquals(2, list.size());
    assertEquals(12.0f, list.get(0).floatValue());
    assertEquals(9.0f, list.get(1).floatValue());

    Map<String, Tensor> sources = new LinkedHashMap<>();
    sources.put("y", y);
    sources.put("x", x);
    Map<String, Tensor> grads = t.gradient(z[0], sources);
    assertEquals(List.of("y", "x"), new ArrayList<>(grads.keySet()));
    assertEquals(9.0f, grads.get("y").floatValue());
    assertEquals(12.0f, grads.get("x").floatValue());
  }

  /**
   * Sources in any nest of lists and dicts give the same nest back (backprop.py packs the flat
   * gradients with nest.pack_sequence_as): here as Lists and Maps inside each other. A Map keeps
   * its own key order; nest pairs values with gradients by sorted key.
   */
  @Test
  void nestedSourcesGiveTheSameNestingBack() {
    Tensor x = tf.constant(3.0);
    Tensor y = tf.constant(2.0);
    Tensor[] z = new Tensor[1];
    GradientTape t = recordXxy(x, y, z);

    List<List<Tensor>> lists = t.gradient(z[0], List.of(List.of(x, y), List.of(y), List.of()));
    assertEquals(3, lists.size());
    assertEquals(List.of(12.0f, 9.0f), floats(lists.get(0)));
    assertEquals(List.of(9.0f), floats(lists.get(1)));
    assertEquals(List.of(), lists.get(2));

    Map<String, Tensor> byName = new LinkedHashMap<>();
    byName.put("y", y);
    byName.put("x", x);
    List<Object> mixed = t.gradient(z[0], List.<Object>of(byName, x));
    Map<?, ?> first = (Map<?, ?>) mixed.get(0);
    assertEquals(List.of("y", "x"), new ArrayList<>(first.keySet()));
    assertEquals(9.0f, ((Tensor) first.get("y")).floatValue());
    assertEquals(12.0f, ((Tensor) first.get("x")).floatValue());
    assertEquals(12.0f, ((Tensor) mixed.get(1)).floatValue());

    Map<String, List<Tensor>> ofLists = new LinkedHashMap<>();
    ofLists.put("y", List.of(y));
    ofLists.put("both", List.of(x, y));
    Map<String, List<Tensor>> g = t.gradient(z[0], ofLists);
    assertEquals(List.of("y", "both"), new ArrayList<>(g.keySet()));
    assertEquals(List.of(9.0f), floats(g.get("y")));
    assertEquals(List.of(12.0f, 9.0f), floats(g.get("both")));

    // Unconnected sources are null, or zeros, where they sit.
    Tensor unused = tf.constant(new float[] {1, 2});
    List<List<Tensor>> some = t.gradient(z[0], List.of(List.of(unused, x)));
    assertNull(some.get(0).get(0));
    List<List<Tensor>> zeros = t.gradient(z[0], List.of(List.of(unused, x)), null, "zero");
    assertArrayEquals(new float[] {0, 0}, (float[]) zeros.get(0).get(0).numpy());
  }

  @Test
  void nestedVariableSourcesGiveTensors() {
    Variable w = tf.Variable(new float[] {1, 2});
    Variable b = tf.Variable(0.5f);
    GradientTape t = tf.GradientTape();
    Tensor loss;
    try (t) {
      loss = tf.reduce_sum(tf.multiply(w, w)).add(b);
    }
    Map<String, List<Tensor>> g = t.gradient(loss, Map.of("layer", List.of(w, b)));
    assertArrayEquals(new float[] {2, 4}, (float[]) g.get("layer").get(0).numpy());
    assertEquals(1.0f, g.get("layer").get(1).floatValue());
  }

  /** What an unchecked (raw) List of Lists reaches: the List overload, which handles it too. */
  @Test
  @SuppressWarnings({"unchecked", "rawtypes"})
  void aRawListOfListsIsNestedToo() {
    Tensor x = tf.constant(3.0);
    Tensor y = tf.constant(2.0);
    Tensor[] z = new Tensor[1];
    GradientTape t = recordXxy(x, y, z);
    List raw = List.of(List.of(x), y);
    List g = t.gradient(z[0], raw);
    assertEquals(12.0f, ((Tensor) ((List) g.get(0)).get(0)).floatValue());
    assertEquals(9.0f, ((Tensor) g.get(1)).floatValue());
  }

  @Test
  void nestedOutputGradientsPairWithTheTargetsAsNestFlattensBoth() {
    Tensor x = tf.constant(new float[] {1, 2, 3});
    Tensor[] yz = new Tensor[2];
    GradientTape t = recordSquareAndTriple(x, yz);
    Tensor square = yz[0];
    Tensor triple = yz[1];
    Map<String, Tensor> targets = new LinkedHashMap<>();
    targets.put("triple", triple);
    targets.put("square", square);
    Map<String, Object> seeds = new LinkedHashMap<>();
    seeds.put("square", new float[] {1, 0, 0});
    seeds.put("triple", new float[] {0, 0, 1});
    // d(square)·[1, 0, 0] + d(triple)·[0, 0, 1] = [2, 0, 3], whatever order each Map has.
    assertArrayEquals(new float[] {2, 0, 3}, (float[]) t.gradient(targets, x, seeds).numpy());
    assertArrayEquals(new float[] {2, 0, 3}, (float[]) t.gradient(List.of(List.of(square), triple), x,
        List.of(List.of(new float[] {1, 0, 0}), new float[] {0, 0, 1})).numpy());
  }

  @Test
  void badNestedSourcesAreTensorFlowsTypeErrorsAndLeaveTheTapeUsable() {
    Tensor x = tf.constant(3.0);
    Recorded r = Recorded.watching(x, false, () -> x.mul(x));
    GradientTape t = r.tape();
    Tensor y = r.y();
    TypeError leaf = assertThrows(TypeError.class, () -> t.gradient(y, List.of(List.of(x, 2.5))));
    assertEquals("Cannot convert the argument `type_value`: 2.5 to a TensorFlow DType.", leaf.getMessage());
    TypeError str = assertThrows(TypeError.class, () -> t.gradient(y, Map.of("k", List.of("w"))));
    assertEquals("Cannot convert the argument `type_value`: 'w' to a TensorFlow DType.", str.getMessage());
    Map<Object, Tensor> unsortable = new LinkedHashMap<>();
    unsortable.put("a", x);
    unsortable.put(1, x);
    TypeError keys = assertThrows(TypeError.class, () -> t.gradient(y, List.of(unsortable)));
    assertEquals("nest only supports dicts with sortable keys.", keys.getMessage());
    assertEquals(6.0f, t.gradient(y, x).floatValue());
  }

  private static List<Float> floats(List<Tensor> tensors) {
    return tensors.stream().map(Tensor::floatValue).toList();
  }

  @Test
  void aListOfTargetsIsDifferentiatedAsTheirSumAndNestedStructuresFlatten() {
    Tensor x = tf.constant(3.0);
    Tensor y = tf.constant(2.0);
    GradientTape t = tf.GradientTape(true);
    Tensor a;
    Tensor b;
    Tensor c;
    try (t) {
      t.watch(x);
      a = x.mul(x);
      b = x.mul(y);
      c = x.mul(10);
    }
    assertEquals(8.0f, t.gradient(List.of(a, b), x).floatValue());
    assertEquals(18.0f, t.gradient(List.of(a, Map.of("k", b, "j", c)), x).floatValue());
    // A target listed twice is seeded twice.
    assertEquals(12.0f, t.gradient(List.of(a, a), x).floatValue());
  }

  /** x watched, yz = {x * x, x * 3}, on a persistent tape. */
  private static GradientTape recordSquareAndTriple(Tensor x, Tensor[] yz) {
    GradientTape t = tf.GradientTape(true);
    try (t) {
      t.watch(x);
      yz[0] = x.mul(x);
      yz[1] = x.mul(3);
    }
    return t;
  }

  @Test
  void outputGradientsGiveTheVectorJacobianProduct() {
    Tensor x = tf.constant(new float[] {1, 2, 3});
    Tensor[] yz = new Tensor[2];
    GradientTape t = recordSquareAndTriple(x, yz);
    Tensor y = yz[0];
    Tensor z = yz[1];
    assertArrayEquals(new float[] {2, 40, 600},
        (float[]) t.gradient(y, x, tf.constant(new float[] {1, 10, 100})).numpy());
    assertArrayEquals(new float[] {2, 40, 600},
        (float[]) t.gradient(y, x, new float[] {1, 10, 100}).numpy());
    // One entry per target; null keeps the default seed of ones.
    assertArrayEquals(new float[] {5, 7, 9},
        (float[]) t.gradient(List.of(y, z), x, Arrays.asList(null, new float[] {1, 1, 1})).numpy());
    assertArrayEquals(new float[] {2, 4, 3},
        (float[]) t.gradient(List.of(y, z), x, Arrays.asList(new float[] {1, 1, 0}, new float[] {0, 0, 1})).numpy());
  }

  @Test
  void outputGradientsMustGiveOnePerTargetAndABadCallLeavesTheTapeUsable() {
    Tensor x = tf.constant(3.0);
    Recorded r = Recorded.watching(x, false, () -> x.mul(x));
    GradientTape t = r.tape();
    Tensor y = r.y();
    ValueError e = assertThrows(ValueError.class, () -> t.gradient(y, x, List.of(1.0, 2.0)));
    assertEquals("output_gradients has 2 entries for 1 targets: give one per target (null for the"
        + " default).", e.getMessage());
    assertEquals(6.0f, t.gradient(y, x).floatValue());
  }

  @Test
  void unconnectedSourcesAreNullOrZerosOfTheSourcesShapeAndDtype() {
    Tensor x = tf.constant(new float[][] {{1, 1}, {1, 1}});
    Tensor y = tf.constant(3.0);
    Variable v = tf.Variable(new double[] {1, 2, 3}, false, null, tf.float64);
    GradientTape t = tf.GradientTape(true);
    Tensor z;
    try (t) {
      t.watch(List.of(x, y, v));
      z = y.mul(2);
    }
    assertNull(t.gradient(z, x));
    assertNull(t.gradient(z, x, null, tf.UnconnectedGradients.NONE));
    assertNull(t.gradient(z, x, null, "none"));
    assertEquals("<tf.Tensor: shape=(2, 2), dtype=float32, numpy=\n"
        + "array([[0., 0.],\n"
        + "       [0., 0.]], dtype=float32)>", t.gradient(z, x, null, "zero").toString());
    assertEquals("<tf.Tensor: shape=(3,), dtype=float64, numpy=array([0., 0., 0.])>",
        t.gradient(z, v, null, tf.UnconnectedGradients.ZERO).toString());
    List<Tensor> both = t.gradient(z, List.of(x, y), null, tf.UnconnectedGradients.NONE);
    assertNull(both.get(0));
    assertEquals(2.0f, both.get(1).floatValue());
  }

  @Test
  void anUnknownUnconnectedGradientsValueIsTensorFlowsValueErrorAndChangesNothing() {
    Tensor x = tf.constant(1.0);
    Tensor y = tf.constant(1.0);
    GradientTape t = tf.GradientTape();
    Tensor z;
    try (t) {
      t.watch(List.of(x, y));
      Tensor twoY = y.mul(2);
      ValueError e = assertThrows(ValueError.class, () -> t.gradient(twoY, x, null, "nonsense"));
      assertEquals("Unknown value for unconnected_gradients: 'nonsense'", e.getMessage());
      ValueError none = assertThrows(ValueError.class, () -> t.gradient(twoY, x, null, (String) null));
      assertEquals("Unknown value for unconnected_gradients: None", none.getMessage());
      // Still recording and not consumed.
      z = twoY.mul(x);
    }
    assertEquals(2.0f, t.gradient(z, x).floatValue());
  }

  @Test
  void duplicateSourcesEachGetTheGradientAndATargetThatIsASourceGetsOnes() {
    Tensor x = tf.constant(3.0);
    Recorded r = Recorded.watching(x, true, () -> x.mul(x));
    GradientTape t = r.tape();
    Tensor y = r.y();
    List<Tensor> g = t.gradient(y, List.of(x, x));
    assertEquals(6.0f, g.get(0).floatValue());
    assertEquals(6.0f, g.get(1).floatValue());
    assertEquals("<tf.Tensor: shape=(), dtype=float32, numpy=1.0>", t.gradient(x, x).toString());
    Tensor unwatched = tf.constant(new float[] {1, 2});
    assertArrayEquals(new float[] {1, 1}, (float[]) t.gradient(unwatched, unwatched).numpy());
  }

  @Test
  void gradientsFlowThroughASourceToSourcesBehindIt() {
    Tensor x = tf.constant(3.0);
    GradientTape t = tf.GradientTape();
    Tensor h;
    Tensor y;
    try (t) {
      t.watch(x);
      h = x.mul(x);
      y = h.mul(3);
    }
    List<Tensor> g = t.gradient(y, List.of(x, h));
    assertEquals(18.0f, g.get(0).floatValue());
    assertEquals(3.0f, g.get(1).floatValue());
  }

  @Test
  void variableSourcesAndTargets() {
    Variable w = tf.Variable(new float[] {1, 2});
    Variable b = tf.Variable(0.5f);
    GradientTape t = tf.GradientTape(true);
    Tensor loss;
    try (t) {
      loss = tf.reduce_sum(tf.multiply(w, w)).add(b);
    }
    List<Tensor> g = t.gradient(loss, List.of(w, b));
    assertArrayEquals(new float[] {2, 4}, (float[]) g.get(0).numpy());
    assertEquals(1.0f, g.get(1).floatValue());
    // A variable target stands for its handle: itself as source gives ones of its shape.
    assertArrayEquals(new float[] {1, 1}, (float[]) t.gradient(w, w).numpy());
    assertNull(t.gradient(w, b));
  }

  @Test
  void aNullTargetIsTensorFlowsTypeErrorAndLeavesTheTapeUsable() {
    Tensor x = tf.constant(3.0);
    Recorded r = Recorded.watching(x, false, () -> x.mul(x));
    GradientTape t = r.tape();
    Tensor y = r.y();
    TypeError e = assertThrows(TypeError.class, () -> t.gradient(null, x));
    assertEquals("Argument `target` should be a list or nested structure of Tensors, Variables or"
        + " CompositeTensors to be differentiated, but received None.", e.getMessage());
    TypeError notATensor = assertThrows(TypeError.class, () -> t.gradient(List.of(y, 2.5), x));
    assertEquals("Argument `target` should be a list or nested structure of Tensors, Variables or"
        + " CompositeTensors to be differentiated, but received 2.5.", notATensor.getMessage());
    assertEquals(6.0f, t.gradient(y, x).floatValue());
  }

  @Test
  void aNoneSourceOrTargetElementIsAsDtypesTypeErrorAndLeavesTheTapeUsable() {
    // TensorFlow asks every flattened target and source for its dtype (backprop_util.IsTrainable),
    // and dtypes.as_dtype rejects None; nest.flatten(None) is [None].
    String asDtype = "Cannot convert the argument `type_value`: None to a TensorFlow DType.";
    Tensor x = tf.constant(3.0);
    Recorded r = Recorded.watching(x, false, () -> x.mul(x));
    GradientTape t = r.tape();
    Tensor y = r.y();
    Map<String, Tensor> withNone = new LinkedHashMap<>();
    withNone.put("x", x);
    withNone.put("none", null);
    List<org.junit.jupiter.api.function.Executable> calls = List.of(() -> t.gradient(y, (Tensor) null),
        () -> t.gradient(y, Arrays.asList(x, null)), () -> t.gradient(y, (List<Tensor>) null),
        () -> t.gradient(y, (Map<String, Tensor>) null), () -> t.gradient(y, withNone),
        () -> t.gradient(Arrays.asList(y, null), x));
    for (org.junit.jupiter.api.function.Executable call : calls) {
      assertEquals(asDtype, assertThrows(TypeError.class, call).getMessage());
    }
    assertEquals(6.0f, t.gradient(y, x).floatValue());
  }

  @Test
  void resultListsAndMapsAreReadOnly() {
    Tensor x = tf.constant(3.0);
    Recorded r = Recorded.watching(x, true, () -> x.mul(x));
    GradientTape t = r.tape();
    Tensor y = r.y();
    List<Tensor> g = t.gradient(y, List.of(x));
    assertThrows(UnsupportedOperationException.class, () -> g.set(0, null));
    Map<String, Tensor> m = t.gradient(y, Map.of("x", x));
    assertThrows(UnsupportedOperationException.class, () -> m.put("y", null));
  }
}
