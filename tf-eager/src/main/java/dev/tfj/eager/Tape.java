package dev.tfj.eager;

import dev.tfj.errors.InternalError;
import dev.tfj.errors.LookupError;
import dev.tfj.ops.Attrs;
import dev.tfj.ops.DType;
import dev.tfj.ops.GradientFn;
import dev.tfj.ops.Op;
import dev.tfj.ops.OpCall;
import dev.tfj.ops.OpRunner;
import dev.tfj.ops.Operand;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * TensorFlow's gradient tape (c/eager/tape.h), keyed on tensor ids. It maps every tensor it
 * knows to the recorded op that produced it (or to nothing, for watched sources), and its
 * backward pass walks those records from the targets, summing the gradients of tensors used
 * more than once and calling each op's gradient rule when all of its outputs' gradients are in.
 *
 * <p>A tape holds what it recorded until {@link #release} (a non-persistent tape's gradient) or
 * until the tape itself is dropped: nothing outside it refers to its records, so a tape per
 * training step (TensorFlow's idiom) keeps memory flat.
 */
public final class Tape {
  /**
   * One recorded op call; the forward tensors stay alive for its gradient rule. {@code custom},
   * when set, replaces the op's registered rule ({@code tf.custom_gradient} records such entries,
   * with no op).
   */
  private record Entry(Op op, Attrs attrs, TensorHandle[] inputs, TensorHandle[] outputs, GradientFn custom) {}

  public final boolean persistent;
  public final boolean watchAccessedVariables;

  /** Tensor id to producing entry; a watched source maps to null. */
  private final Map<Long, Entry> producers = new HashMap<>();
  private final Set<EagerVariable> watchedVariables = new LinkedHashSet<>();
  private int lastBackwardPassSize;

  public Tape(boolean persistent, boolean watchAccessedVariables) {
    this.persistent = persistent;
    this.watchAccessedVariables = watchAccessedVariables;
  }

  // ---- recording ----

  public void watch(TensorHandle t) {
    producers.putIfAbsent(t.id, null);
  }

  public void watchVariable(EagerVariable v) {
    watch(v.handle);
    watchedVariables.add(v);
  }

  /** TensorFlow's rule: record when some input of a trainable dtype is known to this tape. */
  public boolean shouldRecord(TensorHandle[] inputs) {
    for (TensorHandle t : inputs) {
      if (t.dtype.isTrainable() && producers.containsKey(t.id)) {
        return true;
      }
    }
    return false;
  }

  /** Records an op call; its outputs now map to it, replacing whatever produced them before. */
  void record(Op op, Attrs attrs, TensorHandle[] inputs, TensorHandle[] outputs, GradientFn custom) {
    Entry entry = new Entry(op, attrs, inputs, outputs, custom);
    for (TensorHandle out : outputs) {
      producers.put(out.id, entry);
    }
  }

  /** The watched variables, in creation order (TensorFlow orders them by handle id). */
  public List<EagerVariable> watchedVariables() {
    List<EagerVariable> vars = new ArrayList<>(watchedVariables);
    vars.sort((a, b) -> Long.compare(a.handle.id, b.handle.id));
    return vars;
  }

  /** How many tensors this tape knows: what a long training loop must keep bounded. */
  public int size() {
    return producers.size();
  }

  /**
   * How many tensors (each with its producing entry) the last backward pass held: what one
   * {@code gradient} call costs, which must follow the targets' history, not the tape's size.
   */
  public int lastBackwardPassSize() {
    return lastBackwardPassSize;
  }

  /** Forgets everything recorded and watched (after a non-persistent tape's gradient). */
  public void release() {
    producers.clear();
    watchedVariables.clear();
  }

  // ---- the backward pass ----

  /**
   * The gradients of the sum of {@code targets} with respect to each source, or null for a
   * source no recorded path connects. {@code seeds[i]}, when not null, replaces the default
   * all-ones gradient of target i.
   */
  public Operand[] gradient(TensorHandle[] targets, TensorHandle[] sources, Operand[] seeds, OpRunner o) {
    return gradients(targets, sources, 1, i -> seeds, o).get(0);
  }

  /**
   * {@code count} backward passes over a single walk of the tape, pass i seeded with
   * {@code seeds.apply(i)} (made when needed, so only one seed set is alive at a time): the rows
   * of a Jacobian. A null seed set, or a null seed in it, means the default seed for that target.
   */
  public List<Operand[]> gradients(TensorHandle[] targets, TensorHandle[] sources, int count,
      IntFunction<Operand[]> seeds, OpRunner o) {
    Set<Long> sourceIds = new HashSet<>();
    for (TensorHandle s : sources) {
      sourceIds.add(s.id);
    }
    // The walk keeps its own copy of the part it reaches, so what this call records (a persistent
    // tape inside its block records the backward ops too) cannot disturb it, and a call costs
    // what its targets' history holds, however large the tape has grown.
    Backprop walk = Backprop.prepare(producers, targets);
    lastBackwardPassSize = walk.producers.size();
    List<Operand[]> results = new ArrayList<>(count);
    for (int pass = 0; pass < count; pass++) {
      Map<Long, List<Operand>> pending = walk.run(walk.seeded(targets, sourceIds, seeds.apply(pass), o),
          sourceIds, o);
      Operand[] result = new Operand[sources.length];
      for (int i = 0; i < sources.length; i++) {
        List<Operand> grads = pending.get(sources[i].id);
        result[i] = grads == null || grads.isEmpty() ? null : o.addN(grads);
      }
      results.add(result);
    }
    return results;
  }

  /**
   * What the backward pass needs, as TensorFlow's PrepareBackprop gathers it: the producer of
   * each tensor reachable from the targets, how many reachable entries use each tensor, and how
   * many of each entry's outputs still wait for gradients from those uses.
   */
  private record Backprop(Map<Long, Entry> producers, Map<Long, Integer> uses, Map<Entry, Integer> waiting) {
    static Backprop prepare(Map<Long, Entry> tape, TensorHandle[] targets) {
      Map<Long, Entry> producers = new HashMap<>();
      Map<Long, Integer> uses = new HashMap<>();
      Map<Entry, Integer> waiting = new IdentityHashMap<>();
      Deque<Long> walk = new ArrayDeque<>();
      for (TensorHandle t : targets) {
        walk.push(t.id);
      }
      while (!walk.isEmpty()) {
        long id = walk.pop();
        Entry e = tape.get(id);
        if (e == null) {
          continue;
        }
        producers.put(id, e);
        if (waiting.putIfAbsent(e, 0) == null) {
          for (TensorHandle in : e.inputs) {
            uses.merge(in.id, 1, Integer::sum);
            walk.push(in.id);
          }
        }
      }
      // An entry is ready once none of its outputs waits for a gradient from a later use.
      for (Map.Entry<Entry, Integer> w : waiting.entrySet()) {
        int n = 0;
        for (TensorHandle out : w.getKey().outputs) {
          n += uses.containsKey(out.id) ? 1 : 0;
        }
        w.setValue(n);
      }
      return new Backprop(producers, uses, waiting);
    }

    /** Seeds: ones shaped like each target that has a history (or is a source), unless given. */
    Map<Long, List<Operand>> seeded(TensorHandle[] targets, Set<Long> sourceIds, Operand[] seeds,
        OpRunner o) {
      Map<Long, List<Operand>> pending = new HashMap<>();
      for (int i = 0; i < targets.length; i++) {
        TensorHandle t = targets[i];
        if (seeds != null && seeds[i] != null) {
          add(pending, t.id, seeds[i]);
        } else if (producers.containsKey(t.id) || sourceIds.contains(t.id)) {
          add(pending, t.id, o.fill(t.shape, o.scalar(t.dtype, 1)));
        }
      }
      return pending;
    }

    /** Walks back from the seeds, calling each entry's gradient rule when it is ready. */
    Map<Long, List<Operand>> run(Map<Long, List<Operand>> pending, Set<Long> sourceIds, OpRunner o) {
      Map<Long, Integer> uses = new HashMap<>(this.uses);
      Map<Entry, Integer> waiting = new IdentityHashMap<>(this.waiting);
      Deque<Entry> ready = new ArrayDeque<>();
      for (Map.Entry<Entry, Integer> w : waiting.entrySet()) {
        if (w.getValue() == 0) {
          ready.add(w.getKey());
        }
      }
      while (!ready.isEmpty()) {
        Entry e = ready.pop();
        Operand[] inputGrads = backward(e, pending, sourceIds, o);
        for (int i = 0; i < e.inputs.length; i++) {
          TensorHandle in = e.inputs[i];
          if (inputGrads[i] != null) {
            add(pending, in.id, inputGrads[i]);
          }
          if (uses.merge(in.id, -1, Integer::sum) == 0) {
            Entry producer = producers.get(in.id);
            if (producer != null && waiting.merge(producer, -1, Integer::sum) == 0) {
              ready.addFirst(producer);
            }
          }
        }
      }
      return pending;
    }
  }

  /** Runs one entry's gradient rule on the summed gradients of its outputs. */
  private static Operand[] backward(Entry e, Map<Long, List<Operand>> pending, Set<Long> sourceIds, OpRunner o) {
    Operand[] dys = new Operand[e.outputs.length];
    boolean any = false;
    for (int i = 0; i < dys.length; i++) {
      long id = e.outputs[i].id;
      List<Operand> grads = sourceIds.contains(id) ? pending.get(id) : pending.remove(id);
      if (grads != null && !grads.isEmpty()) {
        dys[i] = o.addN(grads);
        if (sourceIds.contains(id)) {
          grads.clear();
          grads.add(dys[i]);
        }
        any = true;
      }
    }
    Operand[] none = new Operand[e.inputs.length];
    if (!any || (e.custom == null && e.op.isNotDifferentiable())) {
      return none;
    }
    GradientFn rule = e.custom != null ? e.custom : e.op.gradient();
    if (rule == null) {
      throw new LookupError("gradient registry has no entry for: " + e.op.name);
    }
    for (int i = 0; i < dys.length; i++) {
      if (dys[i] == null && !e.op.passesNullGradient(i)) {
        TensorHandle out = e.outputs[i];
        dys[i] = o.fill(out.shape, o.scalar(out.dtype, 0));
      }
    }
    Operand[] grads = rule.apply(o, new OpCall(e.op, e.attrs, e.inputs, e.outputs, dys));
    String name = e.op == null ? "CustomGradient" : e.op.name;
    if (grads.length != e.inputs.length) {
      throw new InternalError("Recorded operation '" + name + "' returned too few gradients."
          + " Expected " + e.inputs.length + " but received " + grads.length);
    }
    for (int i = 0; i < grads.length; i++) {
      if (grads[i] != null && e.op != null && e.op.isBroadcasting()) {
        grads[i] = o.unbroadcast(grads[i], e.inputs[i].shape);
      }
      if (grads[i] != null && e.inputs[i].dtype != DType.RESOURCE
          && !Arrays.equals(grads[i].shape(), e.inputs[i].shape)) {
        throw new InternalError("gradient of " + name + " input " + i + " has shape "
            + Arrays.toString(grads[i].shape()) + ", expected " + Arrays.toString(e.inputs[i].shape));
      }
    }
    return grads;
  }

  private static void add(Map<Long, List<Operand>> pending, long id, Operand grad) {
    pending.computeIfAbsent(id, k -> new ArrayList<>(2)).add(grad);
  }
}
