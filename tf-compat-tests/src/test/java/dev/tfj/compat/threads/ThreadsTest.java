package dev.tfj.compat.threads;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.tfj.GradientTape;
import dev.tfj.Tensor;
import dev.tfj.Variable;
import dev.tfj.errors.InvalidArgumentError;
import dev.tfj.tf;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Tapes and device scopes belong to the thread that opened them, as in TensorFlow; variables,
 * the op-seed stream and the random generators are shared and safe to use from many threads.
 */
class ThreadsTest {
  static final int THREADS = 8;

  /** Runs {@code task} on {@code THREADS} threads released together; returns their results in order. */
  static <T> List<T> onThreads(Callable<T> task) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<T>> futures = new ArrayList<>();
      for (int i = 0; i < THREADS; i++) {
        futures.add(pool.submit(() -> {
          start.await();
          return task.call();
        }));
      }
      start.countDown();
      List<T> results = new ArrayList<>();
      for (Future<T> f : futures) {
        results.add(f.get(120, TimeUnit.SECONDS));
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  static final Tensor X = tf.random.normal(new long[] {64, 16}, 0.0, 1.0, tf.float32, 11L);
  static final Tensor Y = tf.random.normal(new long[] {64, 1}, 0.0, 1.0, tf.float32, 12L);

  /** One training step's gradients for the two shared variables, with a tape of its own. */
  static List<float[]> gradients(Variable w, Variable b) {
    List<float[]> out = new ArrayList<>();
    for (int repeat = 0; repeat < 20; repeat++) {
      GradientTape t = tf.GradientTape();
      Tensor loss;
      try (t) {
        Tensor hidden = tf.matmul(X, w).add(b);
        loss = tf.reduce_mean(tf.square(tf.subtract(hidden, Y)));
      }
      List<Tensor> g = t.gradient(loss, List.of(w, b));
      float[][] gw = (float[][]) g.get(0).numpy();
      float[] flat = new float[gw.length + 1];
      for (int i = 0; i < gw.length; i++) {
        flat[i] = gw[i][0];
      }
      flat[gw.length] = ((float[]) g.get(1).numpy())[0];
      out.add(flat);
    }
    return out;
  }

  @Test
  void eightThreadsWithTheirOwnTapesGetTheSameGradientsAsOne() throws Exception {
    Variable w = tf.Variable(tf.random.normal(new long[] {16, 1}, 0.0, 0.5, tf.float32, 13L));
    Variable b = tf.Variable(new float[] {0.25f});
    float[] expected = gradients(w, b).get(0);
    for (List<float[]> perThread : onThreads(() -> gradients(w, b))) {
      for (float[] g : perThread) {
        assertArrayEquals(expected, g);
      }
    }
  }

  @Test
  void aSharedVariableLosesNoAssignAdd() throws Exception {
    Variable counter = tf.Variable(new long[] {0, 0});
    Variable total = tf.Variable(0.0);
    onThreads(() -> {
      for (int i = 0; i < 1000; i++) {
        counter.assign_add(new long[] {1, 2});
        total.assign_sub(-0.5);
        counter.read_value();
      }
      return null;
    });
    assertArrayEquals(new long[] {8000, 16000}, (long[]) counter.numpy());
    assertEquals(4000.0f, total.floatValue());
  }

  @Test
  void aTapeDoesNotSeeOpsOfOtherThreads() throws Exception {
    Tensor x = tf.constant(3.0);
    GradientTape t = tf.GradientTape();
    Tensor[] fromOtherThread = new Tensor[1];
    Tensor mine;
    try (t) {
      t.watch(x);
      Thread other = new Thread(() -> fromOtherThread[0] = x.mul(x));
      other.start();
      other.join();
      mine = x.mul(x);
    }
    assertNull(t.gradient(List.of(fromOtherThread[0]), x));
    GradientTape u = tf.GradientTape();
    try (u) {
      u.watch(x);
      mine = x.mul(x);
    }
    assertEquals(6.0f, u.gradient(mine, x).floatValue());
  }

  @Test
  void deviceScopesArePerThread() throws Exception {
    Tensor a = tf.constant(new float[][] {{1}});
    tf.config.set_soft_device_placement(false);
    try (var scope = tf.device("/GPU:0")) {
      // This thread's scope cannot be satisfied; another thread has no scope.
      Thread other = new Thread(() -> tf.matmul(a, a));
      Throwable[] failure = new Throwable[1];
      other.setUncaughtExceptionHandler((th, e) -> failure[0] = e);
      other.start();
      other.join();
      assertNull(failure[0]);
      org.junit.jupiter.api.Assertions.assertThrows(InvalidArgumentError.class, () -> tf.matmul(a, a));
    } finally {
      tf.config.set_soft_device_placement(true);
    }
  }

  @Test
  void theSeededRandomStreamGivesTheSameSamplesWhicheverThreadsDrawThem() throws Exception {
    tf.random.set_seed(1234);
    List<Float> sequential = new ArrayList<>();
    for (int i = 0; i < THREADS * 5; i++) {
      for (float f : (float[]) tf.random.normal(new long[] {6}).numpy()) {
        sequential.add(f);
      }
    }
    tf.random.set_seed(1234);
    List<Float> threaded = new ArrayList<>();
    for (List<Float> part : onThreads(() -> {
      List<Float> mine = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        for (float f : (float[]) tf.random.normal(new long[] {6}).numpy()) {
          mine.add(f);
        }
      }
      return mine;
    })) {
      threaded.addAll(part);
    }
    float[] a = toSortedArray(sequential);
    float[] b = toSortedArray(threaded);
    assertArrayEquals(a, b);
  }

  private static float[] toSortedArray(List<Float> values) {
    float[] out = new float[values.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = values.get(i);
    }
    Arrays.sort(out);
    return out;
  }
}
