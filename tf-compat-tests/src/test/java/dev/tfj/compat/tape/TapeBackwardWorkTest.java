package dev.tfj.compat.tape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tfj.GradientTape;
import dev.tfj.Tensor;
import dev.tfj.eager.Tape;
import dev.tfj.tf;
import java.lang.reflect.Field;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A gradient call's work follows what is reachable from its targets (TensorFlow's
 * PrepareBackprop), not everything the tape holds: a persistent tape asked for gradients inside
 * its block records each backward pass too (as TensorFlow's does), so the tape grows call after
 * call, while each call's backward pass stays the same size. Checked by structure, not by time.
 */
class TapeBackwardWorkTest {
  static Tape tapeOf(GradientTape t) {
    try {
      Field f = GradientTape.class.getDeclaredField("tape");
      f.setAccessible(true);
      return (Tape) f.get(t);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void gradientsInsideAPersistentTapeHoldOnlyWhatTheTargetReaches() {
    Tensor x = tf.constant(new float[] {1, 2, 3});
    GradientTape t = tf.GradientTape(true);
    Tape tape = tapeOf(t);
    Set<Integer> passSizes = new HashSet<>();
    int firstTapeSize = 0;
    try (t) {
      t.watch(x);
      for (int i = 0; i < 300; i++) {
        Tensor y = tf.reduce_sum(tf.multiply(tf.sin(x), x));
        Tensor g = t.gradient(y, x);
        assertEquals(Math.sin(2) + 2 * Math.cos(2), g.numpy() instanceof float[] f ? f[1] : 0, 1e-6);
        passSizes.add(tape.lastBackwardPassSize());
        firstTapeSize = i == 0 ? tape.size() : firstTapeSize;
      }
    }
    assertTrue(tape.size() > 100 * firstTapeSize, "the tape grew: " + tape.size());
    assertEquals(1, passSizes.size(), "backward pass sizes " + passSizes);
    assertTrue(passSizes.iterator().next() < firstTapeSize, "a pass holds " + passSizes);
  }
}
