package dev.tfj.compat.tape;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tfj.GradientTape;
import dev.tfj.Tensor;
import dev.tfj.Variable;
import dev.tfj.errors.AttributeError;
import dev.tfj.errors.RuntimeError;
import dev.tfj.errors.TypeError;
import dev.tfj.errors.ValueError;
import dev.tfj.tf;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code jacobian} and {@code batch_jacobian}: TensorFlow's documented values, shapes
 * ({@code target.shape + source.shape}), unconnected sources, and the errors backprop.py and
 * pfor raise. TFJ computes with one backward pass per target element, so pfor's flag only
 * selects TensorFlow's errors.
 */
class JacobianTest {
  @Test
  void theDocumentedJacobianOfXTimesX() {
    GradientTape g = tf.GradientTape();
    Tensor x;
    Tensor y;
    try (g) {
      x = tf.constant(new float[] {1.0f, 2.0f});
      g.watch(x);
      y = x.mul(x);
    }
    assertEquals("<tf.Tensor: shape=(2, 2), dtype=float32, numpy=\n"
        + "array([[2., 0.],\n"
        + "       [0., 4.]], dtype=float32)>", g.jacobian(y, x).toString());
  }

  @Test
  void theJacobianHasShapeTargetShapePlusSourceShapeForEverySource() {
    Tensor x = tf.constant(new float[][] {{1, 2}, {3, 4}});
    Variable w = tf.Variable(new float[] {1, -1, 0.5f});
    GradientTape g = tf.GradientTape(true);
    Tensor y;
    try (g) {
      g.watch(x);
      // y[i][j] = x[i][j] * sum(w)
      y = x.mul(tf.reduce_sum(w));
    }
    List<Tensor> jac = g.jacobian(y, List.of(x, w));
    assertArrayEquals(new long[] {2, 2, 2, 2}, jac.get(0).shape().as_list());
    assertArrayEquals(new long[] {2, 2, 3}, jac.get(1).shape().as_list());
    float[][][][] dx = (float[][][][]) jac.get(0).numpy();
    for (int i = 0; i < 2; i++) {
      for (int j = 0; j < 2; j++) {
        for (int k = 0; k < 2; k++) {
          for (int l = 0; l < 2; l++) {
            assertEquals(i == k && j == l ? 0.5f : 0f, dx[i][j][k][l]);
          }
        }
      }
    }
    assertArrayEquals(new float[][][] {{{1, 1, 1}, {2, 2, 2}}, {{3, 3, 3}, {4, 4, 4}}},
        (float[][][]) jac.get(1).numpy());
    Map<String, Tensor> byName = g.jacobian(y, Map.of("w", w));
    assertArrayEquals((float[][][]) jac.get(1).numpy(), (float[][][]) byName.get("w").numpy());
  }

  @Test
  void unconnectedSourcesAreNullOrZerosOfTheJacobiansShape() {
    Tensor x = tf.constant(new float[] {1, 2});
    Tensor u = tf.constant(new float[] {5, 6, 7});
    GradientTape g = tf.GradientTape(true);
    Tensor y;
    try (g) {
      g.watch(List.of(x, u));
      y = x.mul(3);
    }
    List<Tensor> jac = g.jacobian(y, List.of(x, u));
    assertNull(jac.get(1));
    assertEquals("<tf.Tensor: shape=(2, 3), dtype=float32, numpy=\n"
        + "array([[0., 0., 0.],\n"
        + "       [0., 0., 0.]], dtype=float32)>", g.jacobian(y, u, "zero").toString());
    // A target the tape never saw connects nothing, even to itself.
    Tensor stranger = tf.constant(new float[] {1, 2});
    assertNull(g.jacobian(stranger, stranger));
  }

  @Test
  void anEmptyTargetHasAnEmptyJacobianForConnectedSourcesOnly() {
    Tensor x = tf.constant(new float[0]);
    Tensor z = tf.constant(new float[] {1, 2, 3});
    Tensor unrelated = tf.constant(new float[] {4});
    GradientTape g = tf.GradientTape(true);
    Tensor y;
    try (g) {
      g.watch(List.of(x, z, unrelated));
      y = x.mul(tf.reduce_sum(z));
    }
    List<Tensor> jac = g.jacobian(y, List.of(x, z, unrelated));
    assertEquals("<tf.Tensor: shape=(0, 0), dtype=float32, numpy=array([], shape=(0, 0), dtype=float32)>",
        jac.get(0).toString());
    assertArrayEquals(new long[] {0, 3}, jac.get(1).shape().as_list());
    assertNull(jac.get(2));
  }

  @Test
  void aHessianFromNestedTapes() {
    Tensor x = tf.constant(new float[] {1, 2, 3});
    GradientTape outer = tf.GradientTape();
    Tensor grad;
    try (outer) {
      outer.watch(x);
      GradientTape inner = tf.GradientTape();
      try (inner) {
        inner.watch(x);
        // f = sum(x^3) + x0 * x1
        Tensor x0 = tf.reduce_sum(x.mul(tf.constant(new float[] {1, 0, 0})));
        Tensor x1 = tf.reduce_sum(x.mul(tf.constant(new float[] {0, 1, 0})));
        Tensor f = tf.reduce_sum(x.mul(x).mul(x)).add(x0.mul(x1));
        grad = inner.gradient(f, x);
      }
    }
    assertArrayEquals(new float[] {5, 13, 27}, (float[]) grad.numpy());
    assertArrayEquals(new float[][] {{6, 1, 0}, {1, 12, 0}, {0, 0, 18}},
        (float[][]) outer.jacobian(grad, x).numpy());
  }

  @Test
  void aJacobianIsItselfDifferentiableByAnOuterTape() {
    Tensor x = tf.constant(new float[] {1, 2});
    GradientTape outer = tf.GradientTape();
    Tensor jac;
    try (outer) {
      outer.watch(x);
      GradientTape inner = tf.GradientTape();
      try (inner) {
        inner.watch(x);
        Tensor y = x.mul(x).mul(x);
        jac = inner.jacobian(y, x);
      }
    }
    // jac = diag(3 x^2); d(sum jac)/dx = 6 x.
    assertArrayEquals(new float[][] {{3, 0}, {0, 12}}, (float[][]) jac.numpy());
    assertArrayEquals(new float[] {6, 12}, (float[]) outer.gradient(jac, x).numpy());
  }

  @Test
  void theDocumentedBatchJacobian() {
    GradientTape g = tf.GradientTape();
    Tensor x;
    Tensor y;
    try (g) {
      x = tf.constant(new float[][] {{1, 2}, {3, 4}});
      g.watch(x);
      y = x.mul(x);
    }
    assertArrayEquals(new float[][][] {{{2, 0}, {0, 4}}, {{6, 0}, {0, 8}}},
        (float[][][]) g.batch_jacobian(y, x).numpy());
  }

  @Test
  void batchJacobianOfAMatmulPerExample() {
    Tensor x = tf.constant(new float[][] {{1, 2}, {3, 4}, {5, 6}});
    Tensor w = tf.constant(new float[][] {{1, 0, 2}, {0, 1, 3}});
    Recorded r = Recorded.watching(x, false, () -> tf.matmul(x, w));
    GradientTape g = r.tape();
    Tensor y = r.y();
    Tensor jac = g.batch_jacobian(y, x);
    assertArrayEquals(new long[] {3, 3, 2}, jac.shape().as_list());
    float[][][] j = (float[][][]) jac.numpy();
    for (int b = 0; b < 3; b++) {
      assertArrayEquals(new float[][] {{1, 0}, {0, 1}, {2, 3}}, j[b]);
    }
  }

  @Test
  void anUnconnectedBatchJacobianIsZerosOfTheTargetsDtypeUnlessZerosAreAsked() {
    Tensor x = tf.constant(new double[][] {{1, 2}}, tf.float64);
    Tensor y = tf.constant(new float[][] {{1, 2, 3}});
    GradientTape g = tf.GradientTape(true);
    try (g) {
      g.watch(List.of(x, y));
    }
    assertEquals("<tf.Tensor: shape=(1, 3, 2), dtype=float32, numpy=\n"
        + "array([[[0., 0.],\n"
        + "        [0., 0.],\n"
        + "        [0., 0.]]], dtype=float32)>", g.batch_jacobian(y, x).toString());
    assertEquals(tf.float64, g.batch_jacobian(y, x, "zero").dtype());
  }

  @Test
  void batchJacobianShapesAreCheckedAsTensorFlowChecksThem() {
    Tensor x = tf.constant(new float[][] {{1, 2}, {3, 4}, {5, 6}});
    Recorded r = Recorded.watching(x, false, () -> x.mul(2));
    GradientTape g = r.tape();
    Tensor y = r.y();
    Tensor flat = tf.constant(new float[] {1, 2, 3});
    ValueError rank = assertThrows(ValueError.class, () -> g.batch_jacobian(flat, x));
    assertEquals("Shape (3,) must have rank at least 2", rank.getMessage());
    ValueError sourceRank = assertThrows(ValueError.class, () -> g.batch_jacobian(y, flat));
    assertEquals("Shape (3,) must have rank at least 2", sourceRank.getMessage());
    Tensor other = tf.constant(new float[][] {{1, 2}, {3, 4}});
    ValueError first = assertThrows(ValueError.class, () -> g.batch_jacobian(y, other));
    assertEquals("Need first dimension of target shape ((3, 2)) and source shape ((2, 2)) to match.",
        first.getMessage());
    // None of this consumed the tape.
    assertArrayEquals(new float[][][] {{{2, 0}, {0, 2}}, {{2, 0}, {0, 2}}, {{2, 0}, {0, 2}}},
        (float[][][]) g.batch_jacobian(y, x).numpy());
  }

  @Test
  void withoutPforANonPersistentTapeCannotComputeJacobians() {
    Tensor x = tf.constant(new float[][] {{1, 2}});
    Recorded r = Recorded.watching(x, false, () -> x.mul(x));
    GradientTape g = r.tape();
    Tensor y = r.y();
    RuntimeError jac = assertThrows(RuntimeError.class,
        () -> g.jacobian(y, x, tf.UnconnectedGradients.NONE, null, false));
    assertEquals("GradientTape must be created with persistent=True to compute the jacobian with"
        + " eager execution enabled and with  experimental_use_pfor set to False.", jac.getMessage());
    RuntimeError batch = assertThrows(RuntimeError.class,
        () -> g.batch_jacobian(y, x, tf.UnconnectedGradients.NONE, null, false));
    assertEquals("GradientTape must be created with persistent=True to compute the batch_jacobian"
        + " with eager execution enabled and  with experimental_use_pfor set to False.", batch.getMessage());
    assertArrayEquals(new float[][][][] {{{{2, 0}}, {{0, 4}}}}, (float[][][][]) g.jacobian(y, x).numpy());
  }

  @Test
  void aPersistentTapeComputesJacobiansWithoutPforToo() {
    Tensor x = tf.constant(new float[][] {{1, 2}});
    Recorded r = Recorded.watching(x, true, () -> x.mul(x));
    GradientTape g = r.tape();
    Tensor y = r.y();
    assertArrayEquals(new float[][][] {{{2, 0}, {0, 4}}},
        (float[][][]) g.batch_jacobian(y, x, tf.UnconnectedGradients.NONE, 4, false).numpy());
    assertArrayEquals(new float[][][] {{{2, 0}, {0, 4}}},
        (float[][][]) g.batch_jacobian(y, x, tf.UnconnectedGradients.NONE, 2, true).numpy());
  }

  @Test
  void parallelIterationsIsCheckedAsPforChecksIt() {
    Tensor x = tf.constant(new float[][] {{1, 2, 3}});
    Recorded r = Recorded.watching(x, false, () -> x.mul(x));
    GradientTape g = r.tape();
    Tensor y = r.y();
    ValueError zero = assertThrows(ValueError.class,
        () -> g.jacobian(y, x, tf.UnconnectedGradients.NONE, 0, true));
    assertEquals("Argument `parallel_iterations` must be None or a positive integer. Received: 0.",
        zero.getMessage());
    ValueError one = assertThrows(ValueError.class,
        () -> g.jacobian(y, x, tf.UnconnectedGradients.NONE, 1, true));
    assertEquals("Found `parallel_iterations == 1`. Use `for_loop` instead.", one.getMessage());
    // pfor tiles 3 iterations by 2 and runs the loop body twice: a non-persistent tape cannot.
    RuntimeError batch = assertThrows(RuntimeError.class,
        () -> g.batch_jacobian(y, x, tf.UnconnectedGradients.NONE, 2, true));
    assertEquals("GradientTape must be created with persistent=True to compute the batch_jacobian"
        + " with parallel_iterations.", batch.getMessage());
    RuntimeError jac = assertThrows(RuntimeError.class,
        () -> g.jacobian(y, x, tf.UnconnectedGradients.NONE, 2, true));
    assertEquals("A non-persistent GradientTape can only be used to compute one set of gradients"
        + " (or jacobians)", jac.getMessage());
    // More parallel iterations than iterations: one call, which the tape serves.
    assertArrayEquals(new long[] {1, 3, 3},
        g.batch_jacobian(y, x, tf.UnconnectedGradients.NONE, 8, true).shape().as_list());
  }

  @Test
  void aConsumedTapeRaisesTensorFlowsMessagesIncludingBatchJacobiansMissingSpace() {
    Tensor x = tf.constant(new float[][] {{1, 2}});
    Recorded r = Recorded.watching(x, false, () -> x.mul(x));
    GradientTape g = r.tape();
    Tensor y = r.y();
    g.jacobian(y, x);
    RuntimeError jac = assertThrows(RuntimeError.class, () -> g.jacobian(y, x));
    assertEquals("A non-persistent GradientTape can only be used to compute one set of gradients"
        + " (or jacobians)", jac.getMessage());
    RuntimeError batch = assertThrows(RuntimeError.class, () -> g.batch_jacobian(y, x));
    assertEquals("A non-persistent GradientTape can only be used tocompute one set of gradients"
        + " (or jacobians)", batch.getMessage());
    RuntimeError grad = assertThrows(RuntimeError.class, () -> g.gradient(y, x));
    assertEquals(jac.getMessage(), grad.getMessage());
  }

  @Test
  void aPersistentTapesJacobianInsideItsBlockWarnsOnceForTheWholeProgram() {
    Tensor x = tf.constant(new float[] {1, 2});
    GradientTape g = tf.GradientTape(true);
    try (TensorFlowLog log = new TensorFlowLog()) {
      try (g) {
        g.watch(x);
        Tensor y = x.mul(x);
        g.jacobian(y, x);
        g.jacobian(y, x);
        g.batch_jacobian(tf.reshape(y, 1, 2), tf.reshape(x, 1, 2));
      }
      // Once per process: earlier tests may already have used it up.
      assertTrue(log.messages().stream().filter(m -> m.startsWith("WARN:Calling GradientTape")).count() <= 1);
    }
  }

  @Test
  void noneTargetsAndSourcesFailAsInTensorFlow() {
    // jacobian and batch_jacobian read target.shape (and batch_jacobian source.shape) first; a
    // None source fails in the gradient each row takes, as in tape.gradient.
    String noShape = "'NoneType' object has no attribute 'shape'";
    String asDtype = "Cannot convert the argument `type_value`: None to a TensorFlow DType.";
    Tensor x = tf.constant(new float[][] {{1, 2}, {3, 4}});
    GradientTape t = tf.GradientTape(true);
    Tensor y;
    try (t) {
      t.watch(x);
      y = tf.multiply(x, x);
    }
    assertEquals(noShape, assertThrows(AttributeError.class, () -> t.jacobian(null, x)).getMessage());
    assertEquals(asDtype, assertThrows(TypeError.class, () -> t.jacobian(y, (Tensor) null)).getMessage());
    assertEquals(asDtype, assertThrows(TypeError.class,
        () -> t.jacobian(y, java.util.Arrays.asList(x, null))).getMessage());
    assertEquals(asDtype, assertThrows(TypeError.class, () -> t.jacobian(y, (List<Tensor>) null)).getMessage());
    assertEquals(noShape, assertThrows(AttributeError.class, () -> t.batch_jacobian(null, x)).getMessage());
    assertEquals(noShape, assertThrows(AttributeError.class, () -> t.batch_jacobian(y, null)).getMessage());
    assertArrayEquals(new float[][][] {{{2, 0}, {0, 4}}, {{6, 0}, {0, 8}}},
        (float[][][]) t.batch_jacobian(y, x).numpy());
  }
}
