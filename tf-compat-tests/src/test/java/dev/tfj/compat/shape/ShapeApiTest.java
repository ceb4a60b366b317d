package dev.tfj.compat.shape;

import static dev.tfj.compat.errors.StateGuard.assertRaises;
import static dev.tfj.compat.oracle.Oracle.s;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.tfj.GradientTape;
import dev.tfj.Tensor;
import dev.tfj.Variable;
import dev.tfj.compat.errors.StateGuard;
import dev.tfj.compat.oracle.Oracle.Values;
import dev.tfj.errors.InvalidArgumentError;
import dev.tfj.errors.TypeError;
import dev.tfj.errors.ValueError;
import dev.tfj.tf;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * What TensorFlow does in Python around these ops, with NumPy's answers for indexing: the Java
 * spelling of {@code x[...]}, Python's argument checks (ValueError, TypeError with TensorFlow's
 * texts from array_ops.py), dtype rules of one_hot and linspace, and the tape's zeros for unused
 * outputs of multi-output ops.
 */
class ShapeApiTest {
  /** [[0, 1, 2, 3], [4, 5, 6, 7], [8, 9, 10, 11]] as float32. */
  static Tensor x34() {
    return tf.reshape(tf.range(0, 12, 1, tf.float32), 3, 4);
  }

  // ---- Tensor.get: NumPy's answers ----

  @Test
  void indexingAsNumPyDoes() {
    Tensor x = x34();
    // x[1:, ::2]
    assertArrayEquals(new float[][] {{4, 6}, {8, 10}},
        (float[][]) x.get(tf.slice_(1, null), tf.slice_(null, null, 2)).numpy());
    // x[:, 1]
    assertArrayEquals(new float[] {1, 5, 9}, (float[]) x.get(tf.slice_(null), 1).numpy());
    // x[-1]
    assertArrayEquals(new float[] {8, 9, 10, 11}, (float[]) x.get(-1).numpy());
    // x[::-1]
    assertArrayEquals(new float[][] {{8, 9, 10, 11}, {4, 5, 6, 7}, {0, 1, 2, 3}},
        (float[][]) x.get(tf.slice_(null, null, -1)).numpy());
    // x[..., None] and x[None]
    assertEquals("(3, 4, 1)", x.get(tf.ellipsis, tf.newaxis).shape().toString());
    assertEquals("(3, 4, 1)", x.get(tf.ellipsis, null).shape().toString());
    assertEquals("(1, 3, 4)", x.get((Object) null).shape().toString());
    // x[1, 2], x[:2], x[1:3, -2:], x[5:] (empty), x[()]
    assertEquals(6f, x.get(1, 2).floatValue());
    assertEquals("(2, 4)", x.get(tf.slice_(2)).shape().toString());
    assertArrayEquals(new float[][] {{6, 7}, {10, 11}},
        (float[][]) x.get(tf.slice_(1, 3), tf.slice_(-2, null)).numpy());
    assertEquals("(0, 4)", x.get(tf.slice_(5, null)).shape().toString());
    assertArrayEquals((float[][]) x.numpy(), (float[][]) x.get().numpy());
    // Scalar int32 and int64 tensors index like ints.
    assertArrayEquals(new float[] {8, 9, 10, 11}, (float[]) x.get(tf.constant(2)).numpy());
    assertArrayEquals(new float[] {3, 7, 11}, (float[]) x.get(tf.ellipsis, tf.constant(-1L)).numpy());
    assertEquals("slice(1, None, -2)", tf.slice_(1, null, -2).toString());
  }

  @Test
  void indexingRejectsWhatTensorFlowRejects() {
    Tensor x = x34();
    String valid = "Only integers, slices (`:`), ellipsis (`...`), tf.newaxis (`None`) and scalar"
        + " tf.int32/tf.int64 tensors are valid indices, got ";
    assertRaises(TypeError.class, valid + "1.5", () -> x.get(1.5));
    Tensor vector = tf.constant(new int[] {0, 1});
    assertRaises(TypeError.class, valid + vector, () -> x.get(vector));
    Tensor floatIndex = tf.constant(1f);
    assertRaises(TypeError.class, valid + floatIndex, () -> x.get(floatIndex));
    assertRaises(InvalidArgumentError.class, "slice index 3 of dimension 0 out of bounds. [Op:StridedSlice]",
        () -> x.get(3));
  }

  @Test
  void indexingAVariableIsRecorded() {
    Variable v = tf.Variable(new float[] {1, 2, 3});
    GradientTape t = tf.GradientTape();
    Tensor y;
    try (t) {
      y = tf.multiply(v.get(-1), v.get(tf.slice_(null, 2)));
    }
    assertArrayEquals(new float[] {3, 6}, (float[]) y.numpy());
    assertArrayEquals(new float[] {3, 3, 3}, (float[]) t.gradient(y, v).numpy());
  }

  // ---- Python's checks before the ops ----

  @Test
  void stackAndUnstackCheckTheAxisInPython() {
    Tensor v = tf.constant(new float[] {1, 2, 3});
    assertRaises(ValueError.class, "Argument `axis` = 2 not in range [-2, 2)", () -> tf.stack(List.of(v, v), 2));
    assertRaises(ValueError.class, "Argument `axis` = -3 not in range [-2, 2)", () -> tf.stack(List.of(v, v), -3));
    assertRaises(ValueError.class, "Argument `axis` = 2 not in range [-2, 2)", () -> tf.unstack(x34(), null, 2));
    assertRaises(ValueError.class, "Argument `axis` = 0 not in range [0, 0)", () -> tf.unstack(tf.constant(1f)));
    // tf.stack([]) is tf.constant([]); tf.concat([x], axis) is tf.identity(x), axis unchecked.
    Tensor empty = tf.stack(List.of());
    assertEquals("(0,)", empty.shape().toString());
    assertSame(tf.float32, empty.dtype());
    assertArrayEquals(new float[] {1, 2, 3}, (float[]) tf.concat(List.of(v), 5).numpy());
    // Java values beside a tensor take its dtype.
    assertArrayEquals(new float[][] {{1, 2, 3}, {0, 0, 1}},
        (float[][]) tf.stack(List.of(v, new int[] {0, 0, 1})).numpy());
  }

  @Test
  void padModes() {
    Tensor x = tf.constant(new int[] {1, 2, 3});
    assertRaises(ValueError.class, "Value of argument `mode` expected to be one of \"CONSTANT\", \"REFLECT\","
        + " or \"SYMMETRIC\". Received `mode` = WEIRD", () -> tf.pad(x, new int[][] {{1, 0}}, "weird"));
    assertArrayEquals(new int[] {2, 1, 2, 3, 2}, (int[]) tf.pad(x, new int[][] {{1, 1}}, "Reflect").numpy());
    assertArrayEquals(new int[] {1, 1, 2, 3, 3}, (int[]) tf.pad(x, new int[][] {{1, 1}}, "symmetric").numpy());
    assertArrayEquals(new int[] {9, 1, 2, 3, 9}, (int[]) tf.pad(x, new int[][] {{1, 1}}, "constant", 9).numpy());
    assertRaises(TypeError.class, "Cannot convert 1.5 to EagerTensor of dtype int32",
        () -> tf.pad(x, new int[][] {{1, 1}}, "CONSTANT", 1.5));
  }

  @Test
  void oneHotDtypes() {
    int[] labels = {0, 2};
    assertSame(tf.float32, tf.one_hot(labels, 3).dtype());
    Tensor ints = tf.one_hot(labels, 3, 5, 0);
    assertSame(tf.int32, ints.dtype());
    assertArrayEquals(new int[][] {{5, 0, 0}, {0, 0, 5}}, (int[][]) ints.numpy());
    // The dtype is a hint for Java numbers: 2 becomes float64.
    Tensor f64 = tf.one_hot(labels, 3, 2, null, -1, tf.float64);
    assertArrayEquals(new double[][] {{2, 0, 0}, {0, 0, 2}}, (double[][]) f64.numpy());
    assertRaises(TypeError.class, "dtype <dtype: 'float32'> of on_value does not match dtype parameter"
        + " <dtype: 'int32'>", () -> tf.one_hot(labels, 3, 1.5, null, -1, tf.int32));
    assertRaises(TypeError.class, "dtype <dtype: 'int32'> of on_value does not match dtype"
        + " <dtype: 'float32'> of off_value", () -> tf.one_hot(labels, 3, 1, 0.0));
    assertArrayEquals(new float[][] {{1, 0}, {0, 0}, {0, 1}}, (float[][]) tf.one_hot(labels, 3, null, null, 0).numpy());
  }

  @Test
  void linspaceEdges() {
    Tensor none = tf.linspace(1.0, 5.0, 0);
    assertEquals("(0,)", none.shape().toString());
    assertSame(tf.float32, none.dtype());
    assertArrayEquals(new float[] {1}, (float[]) tf.linspace(1.0, 5.0, 1).numpy());
    Tensor ints = tf.linspace(0, 10, 5);
    assertSame(tf.float64, ints.dtype());
    assertArrayEquals(new double[] {0, 2.5, 5, 7.5, 10}, (double[]) ints.numpy());
    assertArrayEquals(new float[][] {{0, 5}, {1, 6}, {2, 7}},
        (float[][]) tf.linspace(new float[] {0, 5}, new float[] {2, 7}, 3).numpy());
    assertRaises(InvalidArgumentError.class, "Requires start <= limit when delta > 0: 1/-1 [Op:Range]",
        () -> tf.linspace(1.0, 5.0, -3));
    assertRaises(TypeError.class, "num must be an integer tensor; dtype is <dtype: 'float32'>",
        () -> tf.linspace(1.0, 5.0, 2.0));
  }

  @Test
  void meshgridIndexing() {
    assertRaises(ValueError.class, "Argument `indexing` parameter must be either 'xy' or 'ij', got 'xx'",
        () -> tf.meshgrid(List.of(new int[] {1}), "xx"));
    assertEquals(List.of(), tf.meshgrid());
    List<Tensor> xy = tf.meshgrid(new int[] {1, 2, 3}, new int[] {4, 5});
    assertArrayEquals(new int[][] {{1, 2, 3}, {1, 2, 3}}, (int[][]) xy.get(0).numpy());
    assertArrayEquals(new int[][] {{4, 4, 4}, {5, 5, 5}}, (int[][]) xy.get(1).numpy());
    List<Tensor> ij = tf.meshgrid(List.of(new int[] {1, 2, 3}, new int[] {4, 5}), "ij");
    assertArrayEquals(new int[][] {{1, 1}, {2, 2}, {3, 3}}, (int[][]) ij.get(0).numpy());
  }

  @Test
  void gatherAtAxisZeroIgnoresBatchDims() {
    // TensorFlow's Python passes no batch_dims to the op when axis is 0.
    Tensor x = x34();
    assertArrayEquals((float[][]) tf.gather(x, new int[] {2, 0}).numpy(),
        (float[][]) tf.gather(x, new int[] {2, 0}, 0, 1).numpy());
  }

  @Test
  void gatherNdBatchDimsChecks() {
    Tensor x = x34();
    assertRaises(ValueError.class, "tf.gather_nd does not allow negative batch_dims.",
        () -> tf.gather_nd(x, new int[][] {{0}}, -1));
    assertRaises(ValueError.class, "Argument `batch_dims` = 2 must be less than rank(`indices`) = 2",
        () -> tf.gather_nd(x, new int[][] {{0}}, 2));
    assertRaises(ValueError.class, "Argument `batch_dims` = 2 must be less than rank(`params`) = 2",
        () -> tf.gather_nd(x, new int[][][] {{{0}}}, 2));
  }

  // ---- the tape and multi-output ops ----

  @Test
  void unusedOutputsOfUnstackAndSplitGetZeroGradients() {
    Tensor x = x34();
    GradientTape t = tf.GradientTape(true);
    Tensor row;
    Tensor part;
    try (t) {
      t.watch(x);
      row = tf.unstack(x).get(1);
      part = tf.split(x, new int[] {1, 3}, 1).get(1);
    }
    assertArrayEquals(new float[][] {{0, 0, 0, 0}, {1, 1, 1, 1}, {0, 0, 0, 0}},
        (float[][]) t.gradient(row, x).numpy());
    assertArrayEquals(new float[][] {{0, 1, 1, 1}, {0, 1, 1, 1}, {0, 1, 1, 1}},
        (float[][]) t.gradient(part, x).numpy());
  }

  @Test
  void shapeSizeAndRankAreInt32AndNotDifferentiable() {
    Tensor x = x34();
    GradientTape t = tf.GradientTape();
    Tensor n;
    try (t) {
      t.watch(x);
      n = tf.cast(tf.size(x), tf.float32);
    }
    assertNull(t.gradient(n, x));
    assertArrayEquals(new int[] {3, 4}, (int[]) tf.shape(x).numpy());
    assertEquals(12, tf.size(x).intValue());
    assertEquals(2, tf.rank(x).intValue());
    assertSame(tf.int32, tf.rank(x).dtype());
    assertSame(tf.int64, tf.shape(x, tf.int64).dtype());
  }

  // ---- None (null) arguments: TensorFlow's default where it has one, else its error ----

  /** {@code tf.convert_to_tensor(None)}: every shape, axis, size and list argument converts so. */
  static final String NONE_TO_TENSOR = "Attempt to convert a value (None) with an unsupported type"
      + " (<class 'NoneType'>) to a Tensor.";

  static void rejected(Class<? extends Throwable> type, String message, Function<Tensor, Object> call) {
    StateGuard g = new StateGuard();
    g.assertRejected(type, message, () -> call.apply(g.x), g.x);
  }

  @Test
  void noneWhereTensorFlowConvertsATensor() {
    int[][] pads = {{1, 1}, {0, 0}};
    List<Function<Tensor, Object>> calls = List.of(
        x -> tf.reshape(x, (long[]) null), x -> tf.fill(null, x), x -> tf.broadcast_to(x, (long[]) null),
        x -> tf.tile(x, null), x -> tf.reverse(x, null), x -> tf.slice(x, null, new int[] {1, 1}),
        x -> tf.slice(x, new int[] {0, 0}, null), x -> tf.strided_slice(x, null, new int[] {1}),
        x -> tf.strided_slice(x, new int[] {0}, null), x -> tf.split(x, (int[]) null),
        x -> tf.scatter_nd(new int[][] {{0}}, x, (long[]) null), x -> tf.zeros((long[]) null),
        x -> tf.ones(null, tf.int32), x -> tf.concat(null, 0), x -> tf.concat(java.util.Arrays.asList(x, null), 0),
        x -> tf.stack(java.util.Arrays.asList(x, null)), x -> tf.pad(x, null), x -> tf.add(x, null),
        x -> tf.linalg.diag(x, null), x -> tf.expand_dims(null, 0), x -> tf.pad(x, pads, "CONSTANT", null));
    for (Function<Tensor, Object> call : calls) {
      rejected(ValueError.class, NONE_TO_TENSOR, call);
    }
  }

  @Test
  void noneWhereTensorFlowTakesTheDefault() {
    Tensor x = x34();
    // squeeze(axis=None): every axis of size 1 (the op's default squeeze_dims, []).
    assertEquals("(3, 4)", tf.squeeze(tf.reshape(x, 1, 3, 1, 4), (int[]) null).shape().toString());
    // transpose(perm=None): the axes reversed.
    assertArrayEquals((float[][]) tf.transpose(x).numpy(), (float[][]) tf.transpose(x, null).numpy());
    // eye(batch_shape=None): no batch.
    assertArrayEquals((float[][]) tf.eye(2, 3).numpy(), (float[][]) tf.eye(2, 3, null).numpy());
    // strided_slice(strides=None): ones.
    assertArrayEquals(new float[] {4, 5}, (float[]) tf.strided_slice(x, new int[] {1, 0}, new int[] {2, 2}, null,
        0, 0, 0, 0, 1).numpy());
    // shape(out_type=None), size(out_type=None): the ops' default, int32; argmax(output_type=None): int64.
    assertSame(tf.int32, tf.shape(x, null).dtype());
    assertSame(tf.int32, tf.size(x, null).dtype());
    assertSame(tf.int64, tf.argmax(x, 1, null).dtype());
    // constant(t, dtype=None) is t.
    assertSame(x, tf.constant(x, null));
  }

  @Test
  void noneWherePythonItselfFails() {
    // stack reads values[0]; meshgrid stacks each of its inputs.
    rejected(TypeError.class, "'NoneType' object is not subscriptable", x -> tf.stack(null));
    rejected(TypeError.class, "'NoneType' object is not subscriptable", x -> tf.meshgrid(x, null));
    rejected(TypeError.class, "'NoneType' object is not subscriptable", x -> tf.meshgrid((Object) null));
    rejected(TypeError.class, "meshgrid() argument after * must be an iterable, not NoneType",
        x -> tf.meshgrid(null, "ij"));
    rejected(ValueError.class, "Argument `indexing` parameter must be either 'xy' or 'ij', got 'None'",
        x -> tf.meshgrid(List.of(x), null));
    // pad upper-cases its mode first.
    rejected(dev.tfj.errors.AttributeError.class, "'NoneType' object has no attribute 'upper'",
        x -> tf.pad(x, new int[][] {{1, 1}, {0, 0}}, null));
    rejected(ValueError.class, "The `initial_value` arg to `tf.Variable` must be specified except when you are"
        + " not providing a `variable_def`. You provided neither.", x -> tf.Variable(null));
  }

  @Test
  void linspaceOfAnEmptyNumFailsAtItsRange() {
    // TensorFlow's linspace_nd carries num into Range as its limit, which must be a scalar.
    String range = dev.tfj.compat.reductions.TensorFlowErrors.message("Range",
        List.of(Values.f32(s(), 1), Values.f32(s(0)), Values.f32(s(), 1)),
        (tf, in) -> tf.range((org.tensorflow.Operand) in.get(0), (org.tensorflow.Operand) in.get(1),
            (org.tensorflow.Operand) in.get(2)));
    assertEquals("limit must be a scalar, not shape [0] [Op:Range]", range);
    rejected(InvalidArgumentError.class, range, x -> tf.linspace(1.0, 5.0, new int[0]));
  }
}
