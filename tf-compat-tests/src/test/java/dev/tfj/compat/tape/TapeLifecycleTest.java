package dev.tfj.compat.tape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tfj.GradientTape;
import dev.tfj.Scope;
import dev.tfj.Tensor;
import dev.tfj.Variable;
import dev.tfj.errors.RuntimeError;
import dev.tfj.errors.ValueError;
import dev.tfj.tf;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The life of a tape as TensorFlow's GradientTape defines it: its with-block (here
 * try-with-resources, re-entered with {@code enter()}), stop_recording, reset, watch and
 * watched_variables, and what a gradient call does to a non-persistent tape.
 */
class TapeLifecycleTest {
  @Test
  void reEnteringTheBlockContinuesRecordingOnTheSameTape() {
    Tensor x = tf.constant(3.0);
    Recorded r = Recorded.watching(x, false, () -> x.mul(x));
    GradientTape t = r.tape();
    Tensor y = r.y();
    Tensor outside = y.mul(100);
    try (var again = t.enter()) {
      assertSame(t, again);
      y = y.mul(x);
    }
    assertEquals(27.0f, t.gradient(y, x).floatValue());
    // What ran between the blocks was not recorded.
    GradientTape u = tf.GradientTape();
    try (u) {
      u.watch(x);
    }
    assertNull(u.gradient(outside, x));
  }

  @Test
  void enteringATapeThatIsRecordingIsTensorFlowsValueError() {
    GradientTape t = tf.GradientTape();
    try (t) {
      ValueError e = assertThrows(ValueError.class, t::enter);
      assertEquals("Tape is still recording, This can happen if you try to re-enter an"
          + " already-active tape.", e.getMessage());
    }
  }

  @Test
  void aNonPersistentGradientInsideTheBlockStopsRecordingAndAFreshBlockStartsAFreshTape() {
    Tensor x = tf.constant(2.0);
    GradientTape t = tf.GradientTape();
    Tensor y;
    Tensor later;
    try (t) {
      t.watch(x);
      y = x.mul(x);
      assertEquals(4.0f, t.gradient(y, x).floatValue());
      later = x.mul(x);
    }
    RuntimeError e = assertThrows(RuntimeError.class, () -> t.gradient(later, x));
    assertEquals("A non-persistent GradientTape can only be used to compute one set of gradients"
        + " (or jacobians)", e.getMessage());
    Tensor z;
    try (var fresh = t.enter()) {
      t.watch(x);
      z = x.mul(5);
    }
    assertEquals(5.0f, t.gradient(z, x).floatValue());
  }

  @Test
  void stopRecordingPausesOnlyThisTape() {
    Tensor x = tf.constant(4.0);
    GradientTape outer = tf.GradientTape();
    GradientTape inner = tf.GradientTape();
    Tensor y;
    Tensor z;
    try (outer; inner) {
      outer.watch(x);
      inner.watch(x);
      try (Scope paused = inner.stop_recording()) {
        y = x.mul(x);
      }
      z = x.mul(3);
    }
    assertNull(inner.gradient(y, x));
    assertEquals(8.0f, outer.gradient(y, x).floatValue());
    GradientTape third = tf.GradientTape();
    try (third) {
      third.watch(x);
      try (Scope paused = third.stop_recording()) {
        x.mul(2);
      }
      z = z.mul(x);
    }
    assertEquals(3.0f * 4.0f, third.gradient(z, x).floatValue());
  }

  @Test
  void stopRecordingOutsideTheBlockOrOnAConsumedTapeIsTensorFlowsError() {
    Tensor x = tf.constant(4.0);
    Recorded r = Recorded.watching(x, false, () -> x.mul(x));
    GradientTape t = r.tape();
    Tensor y = r.y();
    ValueError notRecording = assertThrows(ValueError.class, t::stop_recording);
    assertEquals("Tape is not recording.", notRecording.getMessage());
    assertEquals(8.0f, t.gradient(y, x).floatValue());
    RuntimeError consumed = assertThrows(RuntimeError.class, t::stop_recording);
    assertEquals("Trying to stop recording a tape which is not recording.", consumed.getMessage());
  }

  @Test
  void persistentGradientInsideStopRecordingIsNotRecordedAndDoesNotWarn() {
    Tensor x = tf.constant(3.0);
    GradientTape t = tf.GradientTape(true);
    Tensor dy;
    try (TensorFlowLog log = new TensorFlowLog()) {
      try (t) {
        t.watch(x);
        Tensor y = x.mul(x).mul(x);
        try (Scope paused = t.stop_recording()) {
          dy = t.gradient(y, x);
        }
      }
      assertEquals(List.of(), log.messages());
    }
    assertEquals(27.0f, dy.floatValue());
    assertNull(t.gradient(dy, x));
  }

  @Test
  void resetForgetsEverythingAndKeepsRecording() {
    Variable w = tf.Variable(2.0f);
    Tensor x = tf.constant(3.0);
    GradientTape t = tf.GradientTape();
    Tensor loss;
    try (t) {
      t.watch(x);
      loss = w.mul(x);
      t.reset();
      assertEquals(List.of(), t.watched_variables());
      loss = loss.add(w.mul(w));
    }
    List<Tensor> g = t.gradient(loss, List.of(w, x));
    assertEquals(4.0f, g.get(0).floatValue());
    assertNull(g.get(1));
  }

  @Test
  void resetOutsideTheBlockIsTensorFlowsValueErrorAndKeepsTheRecords() {
    Tensor x = tf.constant(3.0);
    Recorded r = Recorded.watching(x, false, () -> x.mul(x));
    GradientTape t = r.tape();
    Tensor y = r.y();
    ValueError e = assertThrows(ValueError.class, t::reset);
    assertEquals("Tape is not recording.", e.getMessage());
    assertEquals(6.0f, t.gradient(y, x).floatValue());
  }

  @Test
  void watchedVariablesAreInCreationOrderOnceEachAndOutliveANonPersistentGradient() {
    Variable a = tf.Variable(1.0f);
    Variable b = tf.Variable(2.0f);
    Variable frozen = tf.Variable(3.0f, false);
    GradientTape t = tf.GradientTape();
    Tensor y;
    try (t) {
      y = b.mul(a).mul(b).mul(frozen);
      assertEquals(List.of(a, b), t.watched_variables());
    }
    assertEquals(List.of(a, b), t.watched_variables());
    List<Tensor> g = t.gradient(y, List.of(a, b, frozen));
    assertEquals(12.0f, g.get(0).floatValue());
    assertEquals(12.0f, g.get(1).floatValue());
    assertNull(g.get(2));
    assertEquals(List.of(a, b), t.watched_variables());
  }

  @Test
  void watchAccessedVariablesFalseWatchesOnlyWhatIsWatched() {
    Variable x = tf.Variable(2.0f);
    Variable w = tf.Variable(5.0f);
    GradientTape tape = tf.GradientTape(true, false);
    Tensor y;
    Tensor z;
    try (tape) {
      tape.watch(x);
      y = x.pow(2);
      z = w.pow(3);
    }
    assertEquals("<tf.Tensor: shape=(), dtype=float32, numpy=4.0>", tape.gradient(y, x).toString());
    assertNull(tape.gradient(z, w));
    assertEquals(List.of(x), tape.watched_variables());
  }

  @Test
  void watchTakesListsAndMapsAndRejectsAnythingElseWatchingNothing() {
    Tensor x = tf.constant(1.0);
    Tensor y = tf.constant(2.0);
    Variable v = tf.Variable(3.0f);
    GradientTape t = tf.GradientTape(true, false);
    Tensor z;
    try (t) {
      ValueError e = assertThrows(ValueError.class, () -> t.watch(List.of(x, 3.0)));
      assertEquals("Passed in object 3.0 of type 'float', not tf.Tensor or tf.Variable or"
          + " ExtensionType.", e.getMessage());
      ValueError none = assertThrows(ValueError.class, () -> t.watch(null));
      assertEquals("Passed in object None of type 'NoneType', not tf.Tensor or tf.Variable or"
          + " ExtensionType.", none.getMessage());
      ValueError text = assertThrows(ValueError.class, () -> t.watch(Map.of("k", "x")));
      assertEquals("Passed in object x of type 'str', not tf.Tensor or tf.Variable or"
          + " ExtensionType.", text.getMessage());
      z = x.mul(y).mul(v);
    }
    // The rejected calls watched nothing, not even x before the bad element.
    assertNull(t.gradient(z, x));
    assertEquals(List.of(), t.watched_variables());
    GradientTape u = tf.GradientTape(false, false);
    try (u) {
      u.watch(List.of(x, Map.of("w", v)));
      z = x.mul(y).mul(v);
    }
    List<Tensor> g = u.gradient(z, List.of(x, y, v));
    assertEquals(6.0f, g.get(0).floatValue());
    // y was not watched, but it is an input of a recorded op, so as a source it gets its
    // gradient, as in TensorFlow (watching decides what is recorded, not what is returned).
    assertEquals(3.0f, g.get(1).floatValue());
    assertEquals(2.0f, g.get(2).floatValue());
  }

  @Test
  void watchAfterTheBlockDoesNothing() {
    Tensor x = tf.constant(1.0);
    GradientTape t = tf.GradientTape();
    try (t) {
      // nothing recorded
    }
    t.watch(x);
    Tensor y;
    try (var again = t.enter()) {
      y = x.mul(2);
    }
    assertNull(t.gradient(y, x));
  }

  @Test
  void nestedTapesEachWatchTheirOwnAndGiveSecondDerivatives() {
    Tensor x = tf.constant(5.0);
    GradientTape g = tf.GradientTape();
    Tensor dyDx;
    try (g) {
      g.watch(x);
      GradientTape gg = tf.GradientTape();
      try (gg) {
        gg.watch(x);
        Tensor y = x.mul(x);
        dyDx = gg.gradient(y, x);
      }
    }
    assertEquals("<tf.Tensor: shape=(), dtype=float32, numpy=10.0>", dyDx.toString());
    assertEquals("<tf.Tensor: shape=(), dtype=float32, numpy=2.0>", g.gradient(dyDx, x).toString());

    Tensor a = tf.constant(2.0);
    GradientTape outer = tf.GradientTape();
    GradientTape inner = tf.GradientTape();
    Tensor b;
    try (outer; inner) {
      inner.watch(a);
      b = a.mul(a);
    }
    assertEquals(4.0f, inner.gradient(b, a).floatValue());
    assertNull(outer.gradient(b, a));
  }
}
