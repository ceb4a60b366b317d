package dev.tfj.compat.errors;

import dev.tfj.Tensor;
import dev.tfj.errors.InvalidArgumentError;
import dev.tfj.errors.NotFoundError;
import dev.tfj.errors.ValueError;
import dev.tfj.tf;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Bad input to the elementwise ops and activations (issue 3): TensorFlow's error class and
 * message (each checked against TensorFlow Java in compat.elementwise, where every op meets every
 * dtype), and nothing changed, as {@link StateGuard} checks.
 */
class ElementwiseBadInputTest {
  @Test
  void integerDivisionByZero() {
    StateGuard g = new StateGuard();
    Tensor ints = tf.constant(new int[] {4, 0});
    g.assertRejected(InvalidArgumentError.class, "Integer division by zero [Op:FloorDiv]",
        () -> tf.math.floordiv(ints, ints), ints);
  }

  @Test
  void integerReciprocalHasNoCpuKernel() {
    StateGuard g = new StateGuard();
    Tensor ints = tf.constant(new int[] {4, 2});
    g.assertRejected(NotFoundError.class, "Could not find device for node: {{node Reciprocal}} ="
        + " Reciprocal[T=DT_INT32]\nAll kernels registered for op Reciprocal:\n"
        + "  device='CPU'; T in [DT_DOUBLE]\n  device='CPU'; T in [DT_FLOAT]\n [Op:Reciprocal]",
        () -> tf.math.reciprocal(ints), ints);
  }

  @Test
  void dtypeTheOpDoesNotAllow() {
    StateGuard g = new StateGuard();
    Tensor ints = tf.constant(new int[] {1});
    g.assertRejected(InvalidArgumentError.class, "Value for attr 'T' of int32 is not in the list of"
        + " allowed values: bfloat16, half, float, double, complex64, complex128\n\t; NodeDef: {{node Sin}};"
        + " Op<name=Sin; signature=x:T -> y:T; attr=T:type,allowed=[DT_BFLOAT16, DT_HALF, DT_FLOAT,"
        + " DT_DOUBLE, DT_COMPLEX64, DT_COMPLEX128]> [Op:Sin]", () -> tf.sin(ints), ints);
  }

  @Test
  void mixedDtypes() {
    StateGuard g = new StateGuard();
    Tensor doubles = tf.constant(new double[][] {{1, 2, 3}, {4, 5, 6}}, tf.float64);
    g.assertRejected(InvalidArgumentError.class, "cannot compute Maximum as input #1(zero-based) was"
        + " expected to be a float tensor but is a double tensor [Op:Maximum]", () -> tf.maximum(g.v, doubles),
        doubles);
    StateGuard h = new StateGuard();
    h.assertRejected(InvalidArgumentError.class, "cannot compute LogicalAnd as input #0(zero-based) was"
        + " expected to be a bool tensor but is a float tensor [Op:LogicalAnd]",
        () -> tf.logical_and(h.x, tf.constant(true)));
  }

  @Test
  void shapesThatDoNotBroadcast() {
    StateGuard g = new StateGuard();
    Tensor two = tf.constant(new float[] {1, 2});
    g.assertRejected(InvalidArgumentError.class, "Incompatible shapes: [2,3] vs. [2] [Op:FloorMod]",
        () -> tf.math.floormod(g.x, two), two);
    StateGuard h = new StateGuard();
    Tensor c = tf.constant(new boolean[] {true, false});
    h.assertRejected(InvalidArgumentError.class,
        "condition [2], then [2,3], and else [2,3] must be broadcastable [Op:SelectV2]",
        () -> tf.where(c, h.v, h.x), c);
    StateGuard k = new StateGuard();
    k.assertRejected(InvalidArgumentError.class, "Inputs to operation AddN of type AddN must have the"
        + " same size and shape.  Input 0: [2,3] != input 1: [2] [Op:AddN]", () -> tf.add_n(List.of(k.v, two)), two);
  }

  @Test
  void whereOfAScalar() {
    StateGuard g = new StateGuard();
    Tensor scalar = tf.constant(true);
    g.assertRejected(InvalidArgumentError.class, "WhereOp : Unhandled input dimensions: 0 [Op:Where]",
        () -> tf.where(scalar), scalar);
  }

  @Test
  void pythonLevelChecksOfTheComposites() {
    StateGuard g = new StateGuard();
    Tensor bounds = tf.zeros(4, 2, 3);
    g.assertRejected(ValueError.class, "Shapes (2, 3) and (4, 2, 3) are incompatible",
        () -> tf.clip_by_value(g.x, bounds, 1f), bounds);
    StateGuard h = new StateGuard();
    Tensor ints = tf.constant(new int[] {1});
    h.assertRejected(ValueError.class, "`features.dtype` must be a floating point tensor."
        + "Received:features.dtype=<dtype: 'int32'>", () -> tf.nn.gelu(ints), ints);
    StateGuard k = new StateGuard();
    Tensor labels = tf.constant(new float[] {1, 0, 1});
    k.assertRejected(ValueError.class, "`logits` and `labels` must have the same shape, received"
        + " ((2, 3) vs (3,)).", () -> tf.nn.sigmoid_cross_entropy_with_logits(labels, k.x), labels);
  }
}
