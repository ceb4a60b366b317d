package dev.tfj.compat.errors;

import dev.tfj.GradientTape;
import dev.tfj.Tensor;
import dev.tfj.Variable;
import dev.tfj.eager.EagerContext;
import dev.tfj.eager.EagerVariable;
import dev.tfj.eager.Tape;
import dev.tfj.tf;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the fuzzer's calls act on: tensors of every dtype and of ranks 0 to 4 (empty ones too),
 * variables, and tapes in each state (recording or not, persistent or not), with every variable
 * already watched so that reading one cannot change a watched set. Beside them a
 * {@link StateGuard} records throughout. {@link #snapshot} captures what a failed call must
 * leave as it was.
 */
final class FuzzWorld implements AutoCloseable {
  final List<Tensor> tensors = new ArrayList<>();
  final List<Variable> variables = new ArrayList<>();
  final List<GradientTape> tapes = new ArrayList<>();
  final StateGuard guard = new StateGuard();

  FuzzWorld() {
    Tensor m23 = tf.constant(new float[][] {{1, 2, 3}, {4, 5, 6}});
    tensors.addAll(List.of(tf.constant(2.5f), tf.constant(new float[] {1, -2, 3}), m23,
        tf.constant(new float[][] {{4, 1, 0}, {1, 3, 1}, {0, 1, 2}}),
        tf.constant(new double[][] {{2, 1}, {1, 2}}, tf.float64), tf.constant(new double[] {0.5, -1}, tf.float64),
        tf.constant(new int[] {0, 2, 1}), tf.constant(1), tf.constant(new long[] {1, 0}), tf.constant(2L),
        tf.constant(new boolean[] {true, false, true}), tf.cast(tf.constant(new int[] {0, 7, 255}), tf.uint8),
        tf.constant(new float[0]), tf.zeros(2, 0), tf.constant(new int[0]),
        tf.constant(new float[][][] {{{1, 2}, {3, 4}}, {{5, 6}, {7, 8}}}), tf.ones(1, 2, 2, 1),
        tf.constant(new float[] {Float.NaN, 1, Float.NEGATIVE_INFINITY})));
    variables.addAll(List.of(tf.Variable(new float[][] {{1, 2, 3}, {4, 5, 6}}), tf.Variable(0.5f),
        tf.Variable(new int[] {1, 2, 3}), tf.Variable(new double[][] {{1, 0}, {0, 1}}, tf.float64),
        tf.Variable(new float[] {1, 2}, false)));
    for (int i = 0; i < 4; i++) {
      boolean persistent = i % 2 == 0;
      GradientTape t = tf.GradientTape(persistent);
      t.watch(m23);
      variables.forEach(Tensor::numpy);
      Tensor y = tf.reduce_sum(tf.multiply(tf.multiply(variables.get(0), m23), m23));
      tensors.add(y);
      if (i >= 2) {
        t.close();
      }
      tapes.add(t);
    }
    tensors.addAll(variables);
  }

  /**
   * Everything a failed call must not change, as far as the call could reach it. A variable the
   * call reads may join a recording tape's watched set even when the call then fails, as in
   * TensorFlow (the read happens when the argument is converted), so those are left out.
   */
  State snapshot(Object receiver, Object[] args) {
    List<Tensor> reached = new ArrayList<>(variables);
    reach(receiver, reached);
    for (Object a : args) {
      reach(a, reached);
    }
    List<Object> values = new ArrayList<>();
    Set<Long> readable = new TreeSet<>();
    for (Tensor t : reached) {
      values.add(t.dtype() + " " + t.shape());
      values.add(t.numpy());
      if (t instanceof Variable v) {
        readable.add(((EagerVariable) read(Variable.class, "variable", v)).handle.id);
      }
    }
    List<String> tapeStates = new ArrayList<>();
    for (GradientTape t : tapes) {
      Tape inner = (Tape) read(GradientTape.class, "tape", t);
      tapeStates.add(inner == null ? "consumed" : "watching " + watchedIds(inner, readable));
    }
    return new State(values, new ArrayList<>(EagerContext.get().tapes()), tapeStates,
        EagerContext.get().deviceScope().toString());
  }

  /** What a call could change, compared as values (tapes by identity). */
  record State(List<Object> values, List<Tape> activeTapes, List<String> tapeStates, String deviceScope) {
    /** What differs from {@code before}, or null when nothing does. */
    String changedSince(State before) {
      if (!Objects.deepEquals(before.values.toArray(), values.toArray())) {
        return "a tensor or variable changed: " + Arrays.deepToString(before.values.toArray()) + " -> "
            + Arrays.deepToString(values.toArray());
      } else if (!sameTapes(before.activeTapes, activeTapes)) {
        return "the recording tapes changed";
      } else if (!before.tapeStates.equals(tapeStates)) {
        return "a tape's watched set changed: " + before.tapeStates + " -> " + tapeStates;
      } else if (!before.deviceScope.equals(deviceScope)) {
        return "the device scope changed: " + before.deviceScope + " -> " + deviceScope;
      }
      return null;
    }

    private static boolean sameTapes(List<Tape> a, List<Tape> b) {
      if (a.size() != b.size()) {
        return false;
      }
      for (int i = 0; i < a.size(); i++) {
        if (a.get(i) != b.get(i)) {
          return false;
        }
      }
      return true;
    }
  }

  private static void reach(Object v, List<Tensor> out) {
    if (v instanceof Tensor t) {
      out.add(t);
    } else if (v instanceof Object[] a) {
      Arrays.stream(a).forEach(e -> reach(e, out));
    } else if (v instanceof List<?> l) {
      l.forEach(e -> reach(e, out));
    } else if (v instanceof Map<?, ?> m) {
      m.values().forEach(e -> reach(e, out));
    }
  }

  /** The ids a tape watches (its tensors with no producing op), but for {@code readable} ones. */
  private static Set<Long> watchedIds(Tape tape, Set<Long> readable) {
    Set<Long> ids = new TreeSet<>();
    ((Map<?, ?>) read(Tape.class, "producers", tape)).forEach((id, entry) -> {
      if (entry == null && !readable.contains((Long) id)) {
        ids.add((Long) id);
      }
    });
    return ids;
  }

  private static Object read(Class<?> owner, String field, Object from) {
    try {
      Field f = owner.getDeclaredField(field);
      f.setAccessible(true);
      return f.get(from);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError("the fuzzer reads " + owner.getSimpleName() + "." + field, e);
    }
  }

  /** Stops every tape the calls left recording, so that no later test sees one. */
  @Override
  public void close() {
    tapes.forEach(GradientTape::close);
    guard.close();
  }
}
