package dev.tfj.compat.elementwise;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tfj.GradientTape;
import dev.tfj.Tensor;
import dev.tfj.Variable;
import dev.tfj.eager.EagerRunner;
import dev.tfj.errors.InvalidArgumentError;
import dev.tfj.errors.NotFoundError;
import dev.tfj.errors.OpError;
import dev.tfj.errors.ValueError;
import dev.tfj.ops.DType;
import dev.tfj.ops.Operand;
import dev.tfj.tf;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Bad input raises TensorFlow's error and changes nothing: inputs, variables and the tape are as
 * they were, and the tape's later gradients are right. (The messages themselves are compared with
 * TensorFlow's in the other tests of this package.)
 */
class BadInputTest {
  @Test
  void failedOpsLeaveInputsVariablesAndTapeAsTheyWere() {
    Variable v = tf.Variable(new float[] {1, 2, 3});
    Tensor x = tf.constant(new float[] {0.5f, -1, 2});
    Tensor ints = tf.constant(new int[] {4, 0, -3});
    GradientTape tape = tf.GradientTape(true);
    Tensor y;
    try (tape) {
      tape.watch(x);
      List<Executable> failures = List.of(
          () -> tf.maximum(x, tf.constant(new double[] {1, 2, 3}, tf.float64)),
          () -> tf.math.floormod(v, tf.constant(new float[] {1, 2})),
          () -> tf.math.floordiv(ints, ints),
          () -> tf.math.reciprocal(ints),
          () -> tf.where(tf.constant(true)),
          () -> tf.where(tf.constant(new boolean[] {true, false}), x, v),
          () -> tf.clip_by_value(x, tf.zeros(2, 3), 1f),
          () -> tf.nn.gelu(ints),
          () -> tf.add_n(List.of(x, tf.constant(new float[] {1, 2}))),
          () -> tf.nn.relu(tf.constant(new boolean[] {true})),
          () -> tf.sin(ints),
          () -> tf.nn.sigmoid_cross_entropy_with_logits(tf.constant(new float[] {1}), x));
      for (int i = 0; i < failures.size(); i++) {
        Throwable e = assertThrows(RuntimeException.class, failures.get(i), "failure " + i);
        assertEquals(true, e instanceof OpError || e instanceof ValueError, e.toString());
      }
      y = tf.multiply(tf.sin(x), v);
    }
    assertArrayEquals(new float[] {1, 2, 3}, (float[]) v.numpy());
    assertArrayEquals(new float[] {0.5f, -1, 2}, (float[]) x.numpy());
    assertArrayEquals(new int[] {4, 0, -3}, (int[]) ints.numpy());
    Flat expected = Flat.of(tf.multiply(tf.cos(x), v));
    Expect.same(expected, Flat.of(tape.gradient(y, x)), Tolerance.EXACT, "gradient after failures");
    assertEquals(List.of(v), tape.watched_variables());
  }

  @Test
  void errorClassesAreTensorFlows() {
    Tensor ints = tf.constant(new int[] {4, 0});
    assertThrows(InvalidArgumentError.class, () -> tf.math.floordiv(ints, ints));
    assertThrows(NotFoundError.class, () -> tf.math.reciprocal(ints));
    assertThrows(InvalidArgumentError.class, () -> tf.where(tf.constant(1f)));
    assertThrows(ValueError.class, () -> tf.nn.gelu(ints));
  }

  /** The activation *Grad ops, which gradients call, check their shapes as TensorFlow does. */
  @Test
  void activationGradOpsRequireEqualShapes() {
    EagerRunner run = EagerRunner.INSTANCE;
    Operand g = run.constant(DType.FLOAT32, new long[] {2}, new float[] {1, 2});
    Operand f = run.constant(DType.FLOAT32, new long[] {3}, new float[] {1, 2, 3});
    for (String op : List.of("ReluGrad", "Relu6Grad", "LeakyReluGrad")) {
      TensorFlowJava.Outcome tf = TensorFlowJava.eager(op, new Object[0],
          Flat.of(DType.FLOAT32, new long[] {2}, 1, 2), Flat.of(DType.FLOAT32, new long[] {3}, 1, 2, 3));
      InvalidArgumentError e = assertThrows(InvalidArgumentError.class, () -> {
        switch (op) {
          case "ReluGrad" -> run.reluGrad(g, f);
          case "Relu6Grad" -> run.relu6Grad(g, f);
          default -> run.leakyReluGrad(g, f, 0.2f);
        }
      });
      assertEquals(tf.message() + " [Op:" + op + "]", e.getMessage());
    }
  }
}
