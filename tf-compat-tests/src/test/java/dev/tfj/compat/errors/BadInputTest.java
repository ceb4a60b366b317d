package dev.tfj.compat.errors;

import static dev.tfj.compat.errors.StateGuard.assertRaises;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tfj.GradientTape;
import dev.tfj.Tensor;
import dev.tfj.Variable;
import dev.tfj.devices.DeviceSpec;
import dev.tfj.eager.EagerConfig;
import dev.tfj.eager.EagerContext;
import dev.tfj.errors.InvalidArgumentError;
import dev.tfj.errors.RuntimeError;
import dev.tfj.errors.TypeError;
import dev.tfj.errors.ValueError;
import dev.tfj.tf;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/**
 * Bad input raises TensorFlow's error class with TensorFlow's message (eager suffix
 * {@code " [Op:OpType]"} on op errors) and leaves every tensor, variable and tape as it was.
 * Op errors run while {@link StateGuard}'s persistent tape records, so a failure that corrupted
 * the tape, a variable or an input would show there.
 */
class BadInputTest {
  static final String CPU = "/job:localhost/replica:0/task:0/device:CPU:0";

  // ---------------------------------------------------------------- matmul

  @Test
  void matmulSizeMismatch() {
    StateGuard g = new StateGuard();
    Tensor b = tf.constant(new float[][] {{1, 2}, {3, 4}, {5, 6}, {7, 8}});
    g.assertRejected(InvalidArgumentError.class,
        "Matrix size-incompatible: In[0]: [2,3], In[1]: [4,2] [Op:MatMul]", () -> tf.matmul(g.v, b), b);
  }

  @Test
  void matmulSizeMismatchPrintsTheShapesAsGivenWhenTransposed() {
    StateGuard g = new StateGuard();
    Tensor a = tf.constant(new float[][] {{1, 2}, {3, 4}, {5, 6}});
    Tensor b = tf.constant(new float[][] {{1, 2}, {3, 4}, {5, 6}, {7, 8}});
    // Checked against TensorFlow 2.18 (TensorFlow Java 1.1.0): the untransposed shapes are printed.
    g.assertRejected(InvalidArgumentError.class,
        "Matrix size-incompatible: In[0]: [3,2], In[1]: [4,2] [Op:MatMul]", () -> tf.matmul(a, b, true, false), a, b);
  }

  @Test
  void matmulOfARank1Tensor() {
    // The MatMulOp kernel text of TensorFlow 2.2-2.10 (reference 5.3), the era whose message
    // style (no function_node prefix) TFJ follows. TensorFlow 2.18's BatchMatMul-based kernel says
    // "In[0] and In[1] has different ndims: [3] vs. [2,3]" (or, with oneDNN on float32,
    // "In[0] ndims must be >= 2").
    StateGuard g = new StateGuard();
    Tensor vector = tf.constant(new float[] {1, 2, 3});
    g.assertRejected(InvalidArgumentError.class,
        "In[0] is not a matrix. Instead it has shape [3] [Op:MatMul]", () -> tf.matmul(vector, g.x), vector);
    StateGuard h = new StateGuard();
    h.assertRejected(InvalidArgumentError.class,
        "In[1] is not a matrix. Instead it has shape [3] [Op:MatMul]", () -> tf.matmul(h.x, vector), vector);
  }

  // ---------------------------------------------------------------- broadcasting and dtypes

  @Test
  void incompatibleBroadcast() {
    Tensor four = tf.constant(new float[] {1, 2, 3, 4});
    StateGuard g = new StateGuard();
    g.assertRejected(InvalidArgumentError.class, "Incompatible shapes: [2,3] vs. [4] [Op:AddV2]",
        () -> tf.add(g.x, four), four);
    StateGuard h = new StateGuard();
    h.assertRejected(InvalidArgumentError.class, "Incompatible shapes: [4] vs. [2,3] [Op:Mul]",
        () -> four.mul(h.v), four);
    StateGuard k = new StateGuard();
    k.assertRejected(InvalidArgumentError.class, "Incompatible shapes: [2,3] vs. [4] [Op:Sub]",
        () -> k.x.sub(four), four);
  }

  @Test
  void float32PlusInt32() {
    Tensor ints = tf.constant(new int[] {1, 2, 3});
    StateGuard g = new StateGuard();
    g.assertRejected(InvalidArgumentError.class, "cannot compute AddV2 as input #1(zero-based) was expected"
        + " to be a float tensor but is a int32 tensor [Op:AddV2]", () -> tf.add(g.x, ints), ints);
    StateGuard h = new StateGuard();
    h.assertRejected(InvalidArgumentError.class, "cannot compute AddV2 as input #1(zero-based) was expected"
        + " to be a int32 tensor but is a float tensor [Op:AddV2]", () -> tf.add(ints, h.x), ints);
    Tensor doubles = tf.constant(new double[] {1, 2, 3}, tf.float64);
    StateGuard k = new StateGuard();
    k.assertRejected(InvalidArgumentError.class, "cannot compute AddV2 as input #1(zero-based) was expected"
        + " to be a float tensor but is a double tensor [Op:AddV2]", () -> tf.add(k.x, doubles), doubles);
  }

  @Test
  void intTensorPlusAJavaDouble() {
    Tensor two = tf.constant(2);
    StateGuard g = new StateGuard();
    g.assertRejected(TypeError.class, "Cannot convert 2.5 to EagerTensor of dtype int32", () -> tf.add(two, 2.5), two);
    StateGuard h = new StateGuard();
    h.assertRejected(TypeError.class, "Cannot convert 2.5 to EagerTensor of dtype int32",
        () -> tf.multiply(2.5, two), two); // reflected, as 2.5 * t
    StateGuard k = new StateGuard();
    k.assertRejected(TypeError.class, "Cannot convert 2.5 to EagerTensor of dtype int32", () -> two.add(2.5), two);
    // The other way round is fine: the number takes the tensor's dtype.
    Tensor five = tf.add(tf.constant(2.0f), 3);
    assertEquals(tf.float32, five.dtype());
    assertEquals(5.0f, five.floatValue());
  }

  // ---------------------------------------------------------------- tapes

  @Test
  void secondGradientOfANonPersistentTape() {
    StateGuard g = new StateGuard();
    Tensor a = tf.constant(3.0f);
    GradientTape t = tf.GradientTape();
    Tensor y;
    try (t) {
      t.watch(a);
      y = tf.multiply(a, a);
    }
    Tensor first = t.gradient(y, a);
    assertEquals(6.0f, first.floatValue());
    g.assertRejected(RuntimeError.class, "A non-persistent GradientTape can only be used to compute one set"
        + " of gradients (or jacobians)", () -> t.gradient(y, a), first, y, a);
  }

  @Test
  void reenteringAnActiveTape() {
    try (StateGuard g = new StateGuard()) {
      Tensor a = tf.constant(new float[] {1, 2});
      GradientTape t = tf.GradientTape();
      Tensor z;
      int active;
      try (t) {
        t.watch(a);
        Tensor y = tf.multiply(a, a);
        active = EagerContext.get().tapes().size();
        assertRaises(ValueError.class, "Tape is still recording, This can happen if you try to re-enter an"
            + " already-active tape.", t::enter);
        assertEquals(active, EagerContext.get().tapes().size(), "the failed enter pushed nothing");
        z = tf.multiply(y, a); // still recorded
      }
      assertEquals(active - 1, EagerContext.get().tapes().size(), "one close stops the tape");
      assertArrayEquals(new float[] {3, 12}, (float[]) t.gradient(z, a).numpy());
      g.assertTapeIntact();
    }
  }

  // ---------------------------------------------------------------- conversions

  @Test
  void booleanValueOfSeveralElements() {
    Tensor two = tf.constant(new boolean[] {true, false});
    StateGuard g = new StateGuard();
    g.assertRejected(ValueError.class, "The truth value of an array with more than one element is ambiguous."
        + " Use a.any() or a.all()", two::booleanValue, two);
    StateGuard h = new StateGuard();
    h.assertRejected(ValueError.class, "The truth value of an array with more than one element is ambiguous."
        + " Use a.any() or a.all()", h.v::booleanValue);
    // One element (any rank) is fine, and an empty tensor is false, as in current TensorFlow.
    assertTrue(tf.constant(new float[][] {{2}}).booleanValue());
    assertFalse(tf.constant(0.0f).booleanValue());
    assertFalse(tf.constant(new float[0]).booleanValue());
  }

  // ---------------------------------------------------------------- None (null) as a value or dtype

  @Test
  void noneAsATensorIsConvertToTensorsError() {
    String none = "Attempt to convert a value (None) with an unsupported type (<class 'NoneType'>) to a Tensor.";
    StateGuard g = new StateGuard();
    g.assertRejected(ValueError.class, none, () -> tf.multiply(g.x, null));
    StateGuard h = new StateGuard();
    h.assertRejected(ValueError.class, none, () -> tf.constant(new Object[] {1.0f, null}));
    StateGuard k = new StateGuard();
    k.assertRejected(ValueError.class, none, () -> k.v.assign(null), k.v);
  }

  @Test
  void noneAsADtypeIsAsDtypesError() {
    // zeros, ones, eye (through ones), cast and random.uniform call dtypes.as_dtype first.
    String asDtype = "Cannot convert the argument `type_value`: None to a TensorFlow DType.";
    List<Function<Tensor, Object>> calls = List.of(x -> tf.zeros(new long[] {2}, null),
        x -> tf.ones(new long[] {2}, null), x -> tf.eye(2, null), x -> tf.cast(x, null),
        x -> tf.random.uniform(new long[] {2}, null));
    for (Function<Tensor, Object> call : calls) {
      StateGuard g = new StateGuard();
      g.assertRejected(TypeError.class, asDtype, () -> call.apply(g.x), g.x);
    }
  }

  @Test
  void anOpAttrGivenAsNoneTakesItsDefaultOrIsTheSlowPathsTypeError() {
    // TensorFlow's eager fast path sets an attr passed as None to its OpDef default ...
    Tensor m = tf.constant(new float[][] {{1, 2, 3}, {4, 5, 6}, {7, 8, 9}});
    // (MatrixDiagPartV3's align: "RIGHT_LEFT", whose band differs from "LEFT_RIGHT"'s here.)
    float[][] rightLeft = (float[][]) tf.linalg.diag_part(m, new int[] {-1, 1}, 0, "RIGHT_LEFT").numpy();
    assertArrayEquals(rightLeft, (float[][]) tf.linalg.diag_part(m, new int[] {-1, 1}, 0, null).numpy());
    assertFalse(java.util.Arrays.deepEquals(rightLeft,
        (float[][]) tf.linalg.diag_part(m, new int[] {-1, 1}, 0, "LEFT_RIGHT").numpy()));
    // ... and one with no default (RandomStandardNormal's dtype) is its slow path's TypeError.
    StateGuard g = new StateGuard();
    g.assertRejected(TypeError.class, "Expected DataType for argument 'dtype' not None.",
        () -> tf.random.normal(new long[] {2}, null));
    StateGuard h = new StateGuard();
    h.assertRejected(TypeError.class, "Expected DataType for argument 'dtype' not None.",
        () -> tf.random.truncated_normal(new long[] {2}, null));
  }

  // ---------------------------------------------------------------- reshape

  @Test
  void reshapeToADifferentElementCount() {
    StateGuard g = new StateGuard();
    g.assertRejected(InvalidArgumentError.class,
        "Input to reshape is a tensor with 6 values, but the requested shape has 4 [Op:Reshape]",
        () -> tf.reshape(g.x, 2, 2));
    StateGuard h = new StateGuard();
    h.assertRejected(InvalidArgumentError.class,
        "Input to reshape is a tensor with 6 values, but the requested shape requires a multiple of 4 [Op:Reshape]",
        () -> tf.reshape(h.v, -1, 4));
  }

  // ---------------------------------------------------------------- devices

  @Test
  void unknownDeviceNames() {
    // TensorFlow's DeviceSpecV2._string_to_components (current wording; before ~2.13 it was
    // "Unknown attribute: 'foo' in '/foo:0'").
    StateGuard g = new StateGuard();
    try (var outer = tf.device("/CPU:0")) {
      DeviceSpec scope = EagerContext.get().deviceScope();
      g.assertRejected(ValueError.class,
          "Unknown attribute 'foo' is encountered while parsing the device spec: '/foo:0'.", () -> tf.device("/foo:0"));
      assertEquals(scope, EagerContext.get().deviceScope(), "the device scope is unchanged");
      StateGuard h = new StateGuard();
      h.assertRejected(ValueError.class,
          "Unknown attribute 'nonsense' is encountered while parsing the device spec: 'nonsense'.",
          () -> tf.device("nonsense"));
      assertEquals(scope, EagerContext.get().deviceScope(), "the device scope is unchanged");
      Tensor y = tf.add(g.x, g.x);
      assertEquals(CPU, y.device());
    }
    assertEquals(DeviceSpec.ANY, EagerContext.get().deviceScope());
  }

  @Test
  void aWellFormedButAbsentDeviceRunsOnTheCpuUnderSoftPlacement() {
    assertTrue(EagerConfig.softDevicePlacement(), "soft placement is TensorFlow's eager default");
    Tensor x = tf.constant(new float[] {1, 2, 3});
    Tensor y;
    Tensor c;
    try (var d = tf.device("/GPU:7")) {
      y = tf.add(x, x);
      c = tf.constant(new float[] {4});
    }
    assertEquals(CPU, y.device());
    assertEquals(CPU, c.device());
    assertArrayEquals(new float[] {2, 4, 6}, (float[]) y.numpy());
  }

  @Test
  void anAbsentDeviceWithoutSoftPlacement() {
    // TensorFlow (GitHub #48559, 2.4): "... All available devices [/job:localhost/replica:0/task:0/device:CPU:0]. [Op:Fill]".
    Tensor x = tf.constant(new float[] {1, 2, 3});
    try (StateGuard g = new StateGuard()) {
      StateGuard.Snapshot before = StateGuard.Snapshot.of(x);
      EagerConfig.setSoftDevicePlacement(false);
      try (var d = tf.device("/GPU:7")) {
        assertRaises(InvalidArgumentError.class, "Could not satisfy device specification"
            + " '/job:localhost/replica:0/task:0/device:GPU:7'. enable_soft_placement=0. Supported device types"
            + " [CPU]. All available devices [" + CPU + "]. [Op:AddV2]", () -> tf.add(x, x));
      } finally {
        EagerConfig.setSoftDevicePlacement(true);
      }
      before.assertSameAs(x, "input");
      g.assertTapeIntact();
    }
  }

  // ---------------------------------------------------------------- reductions

  @Test
  void invalidReductionAxis() {
    StateGuard g = new StateGuard();
    g.assertRejected(InvalidArgumentError.class,
        "Invalid reduction dimension (2 for input with 2 dimension(s) [Op:Sum]", () -> tf.reduce_sum(g.x, 2));
    StateGuard h = new StateGuard();
    h.assertRejected(InvalidArgumentError.class,
        "Invalid reduction dimension (-3 for input with 2 dimension(s) [Op:Mean]", () -> tf.reduce_mean(h.v, -3));
    StateGuard k = new StateGuard();
    k.assertRejected(InvalidArgumentError.class,
        "Invalid reduction dimension (2 for input with 2 dimension(s) [Op:Sum]",
        () -> tf.reduce_sum(k.x, new int[] {0, 2}, true));
  }

  // ---------------------------------------------------------------- variables

  static final String ASSIGN_SHAPE_MISMATCH = "Cannot assign value to variable ' Variable:0': Shape mismatch."
      + "The variable shape (2,), and the assigned value shape (3,) are incompatible.";

  @Test
  void variableAssignWithTheWrongShape() {
    Variable w = tf.Variable(new float[] {1, 2});
    Tensor three = tf.constant(new float[] {7, 8, 9});
    StateGuard g = new StateGuard();
    g.assertRejected(ValueError.class, ASSIGN_SHAPE_MISMATCH, () -> w.assign(three), w, three);
    StateGuard h = new StateGuard();
    h.assertRejected(ValueError.class, ASSIGN_SHAPE_MISMATCH, () -> w.assign(new float[] {7, 8, 9}), w);
    assertArrayEquals(new float[] {1, 2}, (float[]) w.numpy());
    // A named variable: the name appears after the leading space.
    Variable named = tf.Variable(new float[] {1, 2}, true, "w", null);
    assertRaises(ValueError.class, "Cannot assign value to variable ' w:0': Shape mismatch.The variable shape"
        + " (2,), and the assigned value shape (3,) are incompatible.", () -> named.assign(three));
    assertArrayEquals(new float[] {1, 2}, (float[]) named.numpy());
  }

  @Test
  void variableAssignAddWithTheWrongShape() {
    // Checked against TensorFlow 2.18 (TensorFlow Java 1.1.0, AssignAddVariableOp / AssignSubVariableOp);
    // Python's assign_add has no shape check of its own, so the kernel's error reaches the user.
    Variable w = tf.Variable(new float[] {1, 2});
    Tensor three = tf.constant(new float[] {7, 8, 9});
    StateGuard g = new StateGuard();
    g.assertRejected(InvalidArgumentError.class, "Cannot update variable with shape [2] using a Tensor with shape"
        + " [3], shapes must be equal. [Op:AssignAddVariableOp]", () -> w.assign_add(three), w, three);
    StateGuard h = new StateGuard();
    h.assertRejected(InvalidArgumentError.class, "Cannot update variable with shape [2] using a Tensor with shape"
        + " [3], shapes must be equal. [Op:AssignSubVariableOp]", () -> w.assign_sub(three), w, three);
  }

  @Test
  void variableAssignAddWithTheWrongShapeChangesNothing() {
    // Whatever the error, the value must survive (the part of the case above that holds today).
    Variable w = tf.Variable(new float[] {1, 2});
    Tensor three = tf.constant(new float[] {7, 8, 9});
    try (StateGuard g = new StateGuard()) {
      assertThrows(RuntimeException.class, () -> w.assign_add(three));
      assertThrows(RuntimeException.class, () -> w.assign_sub(three));
      assertArrayEquals(new float[] {1, 2}, (float[]) w.numpy());
      assertArrayEquals(new float[] {7, 8, 9}, (float[]) three.numpy());
      g.assertTapeIntact();
    }
  }

  // ---------------------------------------------------------------- norm arguments

  @Test
  void frobeniusNormOfAVector() {
    StateGuard g = new StateGuard();
    g.assertRejected(ValueError.class, "'ord' must be a supported vector norm, got fro", () -> tf.norm(g.x, "fro"));
    StateGuard h = new StateGuard();
    h.assertRejected(ValueError.class, "'ord' must be a supported vector norm, got fro",
        () -> tf.norm(h.x, "fro", 1));
  }

  @Test
  void unsupportedNormOrder() {
    StateGuard g = new StateGuard();
    g.assertRejected(ValueError.class, "'ord' must be a supported vector norm, got nuc", () -> tf.norm(g.x, "nuc"));
  }

  // ---------------------------------------------------------------- the guard itself can fail

  @Test
  void theGuardNoticesAChangedVariable() {
    StateGuard g = new StateGuard();
    AssertionFailedError e = assertThrows(
        AssertionFailedError.class,
        () -> g.assertRejected(ValueError.class, "boom", () -> {
          g.v.assign(new float[][] {{0, 0, 0}, {0, 0, 0}});
          throw new ValueError("boom");
        }));
    assertTrue(e.getMessage().startsWith("variable v changed"), e.getMessage());
  }

  @Test
  void theGuardNoticesAWrongMessageOrClass() {
    assertThrows(AssertionFailedError.class,
        () -> assertRaises(ValueError.class, "expected", () -> {
          throw new ValueError("actual");
        }));
    assertThrows(AssertionFailedError.class,
        () -> assertRaises(RuntimeException.class, "same", () -> {
          throw new ValueError("same");
        }));
  }

  @Test
  void theGuardNoticesATapeThatStoppedRecording() {
    StateGuard g = new StateGuard();
    AssertionFailedError e = assertThrows(
        AssertionFailedError.class,
        () -> g.assertRejected(ValueError.class, "boom", () -> {
          EagerContext.get().tapes().clear();
          throw new ValueError("boom");
        }));
    assertTrue(e.getMessage().contains("the tape kept recording"), e.getMessage());
  }
}
