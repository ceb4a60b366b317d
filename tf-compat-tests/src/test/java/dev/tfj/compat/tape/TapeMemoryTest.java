package dev.tfj.compat.tape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tfj.GradientTape;
import dev.tfj.Tensor;
import dev.tfj.Variable;
import dev.tfj.eager.Tape;
import dev.tfj.tf;
import java.lang.ref.WeakReference;
import java.lang.reflect.Field;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What a tape holds over a long training loop. A non-persistent tape releases its records when
 * its gradient is taken; a tape per step (TensorFlow's idiom) or {@code reset()} keeps the
 * recorded state the same size every step; a dropped tape is garbage; nothing global grows.
 * (TensorFlow also frees records of tensors Python deletes; TFJ's persistent tape keeps what it
 * recorded until reset or dropped, which the last test shows.)
 */
class TapeMemoryTest {
  /** How many tensors the tape behind {@code t} knows (0 once a non-persistent gradient released it). */
  static int recorded(GradientTape t) {
    try {
      Field f = GradientTape.class.getDeclaredField("tape");
      f.setAccessible(true);
      Tape tape = (Tape) f.get(t);
      return tape == null ? 0 : tape.size();
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  private static final Tensor X = tf.random.normal(new long[] {256, 256}, 0.0, 1.0, tf.float32, 3L);
  private static final Tensor Y = tf.random.normal(new long[] {256, 1}, 0.0, 1.0, tf.float32, 4L);

  /** One step of least squares; returns the tape's size just before its gradient. */
  private static int step(Variable w, GradientTape t) {
    Tensor loss = tf.reduce_mean(tf.square(tf.subtract(tf.matmul(X, w), Y)));
    int size = recorded(t);
    t.close();
    Tensor grad = t.gradient(loss, w);
    w.assign_sub(grad.mul(1e-3f));
    return size;
  }

  @Test
  void aTapePerStepRecordsTheSameEveryStepAndReleasesItAtTheGradient() {
    Variable w = tf.Variable(tf.zeros(new long[] {256, 1}, tf.float32));
    Set<Integer> sizes = new HashSet<>();
    for (int i = 0; i < 2000; i++) {
      GradientTape t = tf.GradientTape();
      sizes.add(step(w, t));
      assertEquals(0, recorded(t));
    }
    assertEquals(1, sizes.size(), "recorded sizes " + sizes);
    assertTrue(sizes.iterator().next() > 0);
  }

  @Test
  void aPersistentTapeResetEachStepStaysTheSameSize() {
    Variable w = tf.Variable(tf.zeros(new long[] {256, 1}, tf.float32));
    GradientTape t = tf.GradientTape(true);
    Set<Integer> sizes = new HashSet<>();
    for (int i = 0; i < 500; i++) {
      t.reset();
      Tensor loss = tf.reduce_mean(tf.square(tf.subtract(tf.matmul(X, w), Y)));
      sizes.add(recorded(t));
      try (var paused = t.stop_recording()) {
        w.assign_sub(t.gradient(loss, w).mul(1e-3f));
      }
    }
    t.close();
    assertEquals(1, sizes.size(), "recorded sizes " + sizes);
  }

  @Test
  void aDroppedTapeAndEverythingItRecordedIsGarbage() throws InterruptedException {
    List<WeakReference<Object>> refs = recordAndDrop();
    for (int i = 0; i < 50 && refs.stream().anyMatch(r -> r.get() != null); i++) {
      System.gc();
      Thread.sleep(20);
    }
    assertNull(refs.get(0).get(), "the tape");
    assertNull(refs.get(1).get(), "a tensor only the tape kept");
  }

  /** Records on a tape, closes it without a gradient, and keeps only weak references. */
  private static List<WeakReference<Object>> recordAndDrop() {
    Tensor x = tf.ones(new long[] {1024, 1024});
    GradientTape t = tf.GradientTape();
    Tensor y;
    try (t) {
      t.watch(x);
      y = x.mul(x);
      tf.reduce_sum(y.mul(2));
    }
    return List.of(new WeakReference<>(t), new WeakReference<>(y));
  }

  @Test
  void heapStaysFlatOverAThousandTrainingSteps() throws InterruptedException {
    Variable w = tf.Variable(tf.zeros(new long[] {256, 1}, tf.float32));
    for (int i = 0; i < 100; i++) {
      step(w, tf.GradientTape());
    }
    long before = usedHeapAfterGc();
    for (int i = 0; i < 1000; i++) {
      step(w, tf.GradientTape());
    }
    long growth = usedHeapAfterGc() - before;
    // Each step allocates well over 256 KB (X is 256 KB and the tape keeps it per step): a leak
    // of the tapes would be hundreds of MB.
    assertTrue(growth < 32L << 20, "heap grew by " + (growth >> 20) + " MB");
  }

  @Test
  void aPersistentTapeKeptAcrossStepsGrowsByOneStepEachStep() {
    Variable w = tf.Variable(tf.zeros(new long[] {256, 1}, tf.float32));
    GradientTape t = tf.GradientTape(true);
    int first = 0;
    for (int i = 1; i <= 3; i++) {
      Tensor loss = tf.reduce_mean(tf.square(tf.subtract(tf.matmul(X, w), Y)));
      if (i == 1) {
        first = recorded(t);
      }
      // The variable's handle, watched once, then the same records again every step.
      assertEquals(1 + i * (first - 1), recorded(t));
      try (var paused = t.stop_recording()) {
        w.assign_sub(t.gradient(loss, List.of(w)).get(0).mul(1e-3f));
      }
    }
    t.close();
  }

  private static long usedHeapAfterGc() throws InterruptedException {
    Runtime rt = Runtime.getRuntime();
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 5; i++) {
      System.gc();
      Thread.sleep(20);
      used = Math.min(used, rt.totalMemory() - rt.freeMemory());
    }
    return used;
  }
}
