package dev.tfj.compat.variables;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tfj.GradientTape;
import dev.tfj.Tensor;
import dev.tfj.Variable;
import dev.tfj.errors.InvalidArgumentError;
import dev.tfj.errors.TypeError;
import dev.tfj.errors.ValueError;
import dev.tfj.tf;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code tf.Variable} in eager mode: construction, names, repr, assignments and their checks, tapes. */
class VariableTest {
  @Test
  void initialValuesAsJavaValuesTensorsAndSuppliersWithTensorFlowsDtypes() {
    assertEquals(tf.int32, tf.Variable(1).dtype());
    assertEquals(tf.float32, tf.Variable(1.0).dtype());
    assertEquals(tf.int64, tf.Variable(1L).dtype());
    assertEquals(tf.float64, tf.Variable(1.5, tf.float64).dtype());
    assertEquals(tf.float32, tf.Variable(new int[] {1, 2}, tf.float32).dtype());
    Tensor t = tf.constant(new float[][] {{1, 2}, {3, 4}});
    Variable fromTensor = tf.Variable(t);
    assertArrayEquals(new float[][] {{1, 2}, {3, 4}}, (float[][]) fromTensor.numpy());
    Variable fromSupplier = tf.Variable(() -> tf.ones(new long[] {2}, tf.float64), "s");
    assertEquals("<tf.Variable 's:0' shape=(2,) dtype=float64, numpy=array([1., 1.])>",
        fromSupplier.toString());
    Variable all = tf.Variable(() -> new int[] {7}, false, "n", tf.int64);
    assertEquals("<tf.Variable 'n:0' shape=(1,) dtype=int64, numpy=array([7])>", all.toString());
    assertFalse(all.trainable());
    assertTrue(tf.Variable(0.0, true, "t").trainable());
  }

  @Test
  void aTensorOfAnotherDtypeIsTensorFlowsValueError() {
    Tensor t = tf.constant(1.0);
    ValueError e = assertThrows(ValueError.class, () -> tf.Variable(t, tf.float64));
    assertEquals("Tensor conversion requested dtype float64 for Tensor with dtype float32:"
        + " <tf.Tensor: shape=(), dtype=float32, numpy=1.0>", e.getMessage());
    TypeError f = assertThrows(TypeError.class, () -> tf.Variable(1.5, tf.int32));
    assertEquals("Cannot convert 1.5 to EagerTensor of dtype int32", f.getMessage());
  }

  @Test
  void eagerNamesAreNeverMadeUnique() {
    assertEquals("Variable:0", tf.Variable(1.0).name());
    assertEquals("Variable:0", tf.Variable(2.0).name());
    assertEquals("w:0", tf.Variable(1.0, "w").name());
    assertEquals("w:0", tf.Variable(1.0, true, "w").name());
  }

  @Test
  void reprIsTensorFlows() {
    assertEquals("<tf.Variable 'Variable:0' shape=(3,) dtype=float32, numpy=array([0., 0., 0.],"
        + " dtype=float32)>", tf.Variable(new float[] {0, 0, 0}).toString());
    assertEquals("<tf.Variable 'Variable:0' shape=() dtype=int32, numpy=5>", tf.Variable(5).toString());
    assertEquals("<tf.Variable 'Variable:0' shape=(2, 2) dtype=float32, numpy=\n"
        + "array([[1., 2.],\n"
        + "       [3., 4.]], dtype=float32)>", tf.Variable(new float[][] {{1, 2}, {3, 4}}).toString());
  }

  @Test
  void assignReturnsTheUnreadVariableWhichReadsTheValueWhenUsed() {
    Variable v = tf.Variable(new float[] {0, 0, 0});
    Variable a = v.assign(new int[] {1, 2, 3});
    assertEquals("<tf.Variable 'UnreadVariable' shape=(3,) dtype=float32, numpy=array([1., 2., 3.],"
        + " dtype=float32)>", a.toString());
    assertEquals("UnreadVariable", a.name());
    v.assign_add(new float[] {1, 1, 1});
    assertArrayEquals(new float[] {2, 3, 4}, (float[]) a.numpy());
    a.assign_sub(new float[] {2, 3, 4});
    assertArrayEquals(new float[] {0, 0, 0}, (float[]) v.numpy());
    assertNull(v.assign(new float[] {5, 5, 5}, null, null, false));
    assertNull(v.assign_add(new float[] {1, 1, 1}, null, null, false));
    assertNull(v.assign_sub(new float[] {1, 1, 1}, true, "sub", false));
    assertArrayEquals(new float[] {5, 5, 5}, (float[]) v.numpy());
  }

  @Test
  void aTensorReadEarlierKeepsItsValue() {
    Variable v = tf.Variable(1.0);
    Tensor before = v.read_value();
    Tensor value = v.value();
    Tensor converted = tf.convert_to_tensor(v);
    v.assign(10.0);
    v.assign_add(1.0);
    v.assign_sub(0.5);
    assertEquals(1.0f, before.floatValue());
    assertEquals(1.0f, value.floatValue());
    assertEquals(1.0f, converted.floatValue());
    assertEquals(10.5f, v.floatValue());
    assertEquals("<tf.Tensor: shape=(), dtype=float32, numpy=10.5>", v.read_value().toString());
  }

  @Test
  void assignChecksTheShapeWithTensorFlowsMessageAndChangesNothing() {
    Variable v = tf.Variable(new float[] {1, 2});
    ValueError e = assertThrows(ValueError.class, () -> v.assign(new float[] {1, 2, 3}));
    assertEquals("Cannot assign value to variable ' Variable:0': Shape mismatch.The variable shape"
        + " (2,), and the assigned value shape (3,) are incompatible.", e.getMessage());
    Variable alias = v.assign(new float[] {3, 4});
    ValueError viaAlias = assertThrows(ValueError.class, () -> alias.assign(5.0));
    assertEquals("Cannot assign value to variable ' UnreadVariable': Shape mismatch.The variable"
        + " shape (2,), and the assigned value shape () are incompatible.", viaAlias.getMessage());
    assertArrayEquals(new float[] {3, 4}, (float[]) v.numpy());
  }

  @Test
  void assignAddAndSubCheckShapesAsTheKernelDoesAndChangeNothing() {
    Variable v = tf.Variable(new float[] {1, 2});
    InvalidArgumentError add = assertThrows(InvalidArgumentError.class, () -> v.assign_add(1.0));
    assertEquals("Cannot update variable with shape [2] using a Tensor with shape [], shapes must be"
        + " equal. [Op:AssignAddVariableOp]", add.getMessage());
    InvalidArgumentError sub = assertThrows(InvalidArgumentError.class,
        () -> v.assign_sub(new float[][] {{1, 2}}));
    assertEquals("Cannot update variable with shape [2] using a Tensor with shape [1,2], shapes must"
        + " be equal. [Op:AssignSubVariableOp]", sub.getMessage());
    assertArrayEquals(new float[] {1, 2}, (float[]) v.numpy());
  }

  @Test
  void assignmentsConvertToTheVariablesDtypeWithTensorFlowsErrors() {
    Variable v = tf.Variable(new int[] {1, 2});
    TypeError f = assertThrows(TypeError.class, () -> v.assign(new double[] {1.5, 2}));
    assertEquals("Cannot convert 1.5 to EagerTensor of dtype int32", f.getMessage());
    ValueError t = assertThrows(ValueError.class, () -> v.assign_add(tf.constant(new float[] {1, 1})));
    assertEquals("Tensor conversion requested dtype int32 for Tensor with dtype float32:"
        + " <tf.Tensor: shape=(2,), dtype=float32, numpy=array([1., 1.], dtype=float32)>", t.getMessage());
    assertArrayEquals(new int[] {1, 2}, (int[]) v.numpy());
    v.assign_add(new long[] {10, 20});
    assertEquals("<tf.Variable 'Variable:0' shape=(2,) dtype=int32, numpy=array([11, 22], dtype=int32)>",
        v.toString());
  }

  @Test
  void nonTrainableVariablesAreNotWatchedAutomaticallyButCanBeWatched() {
    Variable frozen = tf.Variable(3.0, false);
    Variable w = tf.Variable(2.0);
    GradientTape t = tf.GradientTape(true);
    Tensor y;
    try (t) {
      y = frozen.mul(w).mul(frozen);
    }
    List<Tensor> g = t.gradient(y, List.of(frozen, w));
    assertNull(g.get(0));
    assertEquals(9.0f, g.get(1).floatValue());
    assertEquals(List.of(w), t.watched_variables());
    GradientTape u = tf.GradientTape();
    try (u) {
      u.watch(frozen);
      y = frozen.mul(frozen);
    }
    assertEquals(6.0f, u.gradient(y, frozen).floatValue());
  }

  @Test
  void aValueReadBeforeTheTapeHasNoGradientAndReadsInsideAreSummed() {
    Variable v = tf.Variable(3.0);
    Tensor early = tf.convert_to_tensor(v);
    GradientTape t = tf.GradientTape();
    Tensor y;
    try (t) {
      y = early.mul(v).add(v.read_value().mul(v.value()));
    }
    assertEquals(9.0f, t.gradient(y, v).floatValue());
  }

  @Test
  void assignmentsCarryNoGradientAndEachReadUsesItsOwnValue() {
    Variable v = tf.Variable(2.0);
    GradientTape t = tf.GradientTape();
    Tensor y;
    try (t) {
      Tensor first = v.mul(1);
      v.assign(5.0);
      y = first.mul(v);
    }
    // y = v_then * v_now: dy/dv = v_now + v_then.
    assertEquals(7.0f, t.gradient(y, v).floatValue());
  }

  @Test
  void creatingAVariableInsideATapeConnectsItToNothing() {
    Tensor x = tf.constant(2.0);
    GradientTape t = tf.GradientTape(true);
    Variable v;
    Variable w;
    Tensor y;
    try (t) {
      t.watch(x);
      v = tf.Variable(x.mul(3));
      w = tf.Variable(() -> x.mul(4));
      y = v.mul(w);
    }
    assertEquals(48.0f, y.floatValue());
    assertNull(t.gradient(y, x));
    assertEquals(8.0f, t.gradient(y, v).floatValue());
    assertEquals(6.0f, t.gradient(y, w).floatValue());
  }
}
