package dev.tfj.compat.tape;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tfj.CustomGradient;
import dev.tfj.GradientTape;
import dev.tfj.Tensor;
import dev.tfj.Variable;
import dev.tfj.errors.TypeError;
import dev.tfj.errors.ValueError;
import dev.tfj.tf;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * {@code tf.custom_gradient} as TensorFlow's eager decorator behaves: one recorded op whose
 * gradient is the user's function, its argument and variable checks, nested tapes; and
 * {@code tf.recompute_grad}, which is built on it.
 */
class CustomGradientTest {
  /** TensorFlow's documentation example: a numerically stable gradient of log(1 + e^x). */
  static final Function<Tensor, Tensor> LOG1PEXP = tf.custom_gradient(x -> {
    Tensor e = tf.exp(x);
    return CustomGradient.of(tf.log(tf.add(1, e)),
        upstream -> tf.multiply(upstream, tf.subtract(1, tf.divide(1, tf.add(1, e)))));
  });

  @Test
  void theDocumentedLog1pexpHasGradientOneAt100WhereTheNaiveOneIsNan() {
    Tensor x = tf.constant(100.0);
    GradientTape t = tf.GradientTape();
    GradientTape naive = tf.GradientTape();
    Tensor y;
    Tensor z;
    try (t; naive) {
      t.watch(x);
      naive.watch(x);
      y = LOG1PEXP.apply(x);
      z = tf.log(tf.add(1, tf.exp(x)));
    }
    assertEquals("<tf.Tensor: shape=(), dtype=float32, numpy=1.0>", t.gradient(y, x).toString());
    assertTrue(Float.isNaN(naive.gradient(z, x).floatValue()));
    assertEquals(Float.POSITIVE_INFINITY, y.floatValue());
  }

  @Test
  void backpropGoesOnlyThroughTheGradientFunctionCalledOncePerPass() {
    AtomicInteger calls = new AtomicInteger();
    Function<Tensor, Tensor> f = tf.custom_gradient(x -> CustomGradient.of(x.mul(x), upstream -> {
      calls.incrementAndGet();
      return upstream.mul(10);
    }));
    Tensor x = tf.constant(new float[] {1, 2});
    GradientTape t = tf.GradientTape();
    Tensor z;
    try (t) {
      t.watch(x);
      Tensor y = f.apply(x);
      z = y.add(y);
    }
    assertArrayEquals(new float[] {1, 4}, (float[]) f.apply(x).numpy());
    assertArrayEquals(new float[] {20, 20}, (float[]) t.gradient(z, x).numpy());
    assertEquals(1, calls.get());
  }

  @Test
  void nothingIsRecordedWhenNoTapeWatchesTheArguments() {
    AtomicInteger calls = new AtomicInteger();
    Function<Tensor, Tensor> f = tf.custom_gradient(x -> CustomGradient.of(x.mul(2), upstream -> {
      calls.incrementAndGet();
      return upstream;
    }));
    Tensor x = tf.constant(3.0);
    GradientTape t = tf.GradientTape();
    Tensor y;
    try (t) {
      y = f.apply(x);
    }
    assertNull(t.gradient(y, x));
    assertEquals(0, calls.get());
  }

  @Test
  void twoArgumentsTakeAListOfTwoGradientsWithNullsAllowed() {
    BiFunction<Tensor, Tensor, Tensor> f = tf.custom_gradient((a, b) ->
        CustomGradient.of(a.mul(b), upstream -> Arrays.asList(upstream.mul(b), null)));
    Tensor a = tf.constant(3.0);
    Tensor b = tf.constant(4.0);
    GradientTape t = tf.GradientTape();
    Tensor y;
    try (t) {
      t.watch(List.of(a, b));
      y = f.apply(a, b);
    }
    List<Tensor> g = t.gradient(y, List.of(a, b));
    assertEquals(4.0f, g.get(0).floatValue());
    assertNull(g.get(1));
  }

  @Test
  void theWrongNumberOfGradientsIsTensorFlowsValueError() {
    BiFunction<Tensor, Tensor, Tensor> f = tf.custom_gradient((a, b) ->
        CustomGradient.of(a.mul(b), upstream -> upstream));
    Tensor a = tf.constant(3.0);
    Tensor b = tf.constant(4.0);
    Recorded r = Recorded.watching(a, false, () -> f.apply(a, b));
    GradientTape t = r.tape();
    Tensor y = r.y();
    ValueError e = assertThrows(ValueError.class, () -> t.gradient(y, a));
    assertEquals("custom_gradient function expected to return 2 gradients, but returned 1 instead.",
        e.getMessage());
  }

  @Test
  void variablesReadInsideNeedTheVariablesFormOfTheGradientFunction() {
    Variable w = tf.Variable(3.0f, "w");
    Function<Tensor, Tensor> plain = tf.custom_gradient(x -> CustomGradient.of(x.mul(w), upstream -> upstream));
    Tensor x = tf.constant(2.0);
    TypeError e = assertThrows(TypeError.class, () -> plain.apply(x));
    assertEquals("@tf.custom_gradient grad_fn must accept keyword argument 'variables', since function"
        + " uses variables: [<tf.Variable 'w:0' shape=() dtype=float32, numpy=3.0>]", e.getMessage());

    Function<Tensor, Tensor> f = tf.custom_gradient(in -> CustomGradient.of(in.mul(w),
        (upstream, variables) -> {
          assertEquals(List.of(w), variables);
          return new CustomGradient.Grads(upstream.mul(w), List.of(upstream.mul(in).mul(100)));
        }));
    Recorded r = Recorded.watching(x, false, () -> f.apply(x));
    GradientTape t = r.tape();
    Tensor y = r.y();
    List<Tensor> g = t.gradient(y, List.of(x, w));
    assertEquals(3.0f, g.get(0).floatValue());
    assertEquals(200.0f, g.get(1).floatValue());
  }

  @Test
  void aVariableThatIsAnArgumentIsNotAmongTheVariables() {
    Variable w = tf.Variable(3.0f);
    Function<Tensor, Tensor> f = tf.custom_gradient(v -> CustomGradient.of(v.mul(v), upstream -> upstream.mul(7)));
    GradientTape t = tf.GradientTape();
    Tensor y;
    try (t) {
      y = f.apply(w);
    }
    assertEquals(7.0f, t.gradient(y, w).floatValue());
  }

  @Test
  void oneGradientPerVariableIsRequired() {
    Variable w = tf.Variable(3.0f);
    Function<Tensor, Tensor> f = tf.custom_gradient(x -> CustomGradient.of(x.mul(w),
        (upstream, variables) -> new CustomGradient.Grads(upstream, List.of())));
    Tensor x = tf.constant(2.0);
    Recorded r = Recorded.watching(x, false, () -> f.apply(x));
    GradientTape t = r.tape();
    Tensor y = r.y();
    ValueError e = assertThrows(ValueError.class, () -> t.gradient(y, x));
    assertEquals("Must return gradient for each variable from @custom_gradient grad_fn.", e.getMessage());
  }

  @Test
  void anOuterTapeDifferentiatesTheGradientFunction() {
    // f(x) = x^3 with its gradient written by hand: 3 x^2 dy; the outer tape sees those ops.
    Function<Tensor, Tensor> cube = tf.custom_gradient(x -> CustomGradient.of(x.mul(x).mul(x),
        upstream -> upstream.mul(3).mul(x).mul(x)));
    Tensor x = tf.constant(2.0);
    GradientTape outer = tf.GradientTape();
    Tensor dy;
    try (outer) {
      outer.watch(x);
      GradientTape inner = tf.GradientTape();
      try (inner) {
        inner.watch(x);
        Tensor y = cube.apply(x);
        dy = inner.gradient(y, x);
      }
    }
    assertEquals(12.0f, dy.floatValue());
    assertEquals(12.0f, outer.gradient(dy, x).floatValue());
  }

  @Test
  void recomputeGradGivesTheGradientsOfTheFunctionItself() {
    Variable w = tf.Variable(new float[] {0.5f, -1.0f});
    Function<Tensor, Tensor> block = x -> tf.reduce_sum(tf.exp(x.mul(w)).mul(x));
    Function<Tensor, Tensor> recomputed = tf.recompute_grad(block);
    Tensor x = tf.constant(new float[] {1.0f, 2.0f});

    Recorded direct = Recorded.watching(x, false, () -> block.apply(x));
    List<Tensor> want = direct.tape().gradient(direct.y(), List.of(x, w));

    Recorded r = Recorded.watching(x, false, () -> recomputed.apply(x));
    assertEquals(direct.y().floatValue(), r.y().floatValue());
    List<Tensor> got = r.tape().gradient(r.y(), List.of(x, w));
    assertArrayEquals((float[]) want.get(0).numpy(), (float[]) got.get(0).numpy(), 1e-6f);
    assertArrayEquals((float[]) want.get(1).numpy(), (float[]) got.get(1).numpy(), 1e-6f);
  }
}
