package dev.tfj;

import static dev.tfj.Ops.RUN;

import dev.tfj.eager.EagerContext;
import dev.tfj.eager.EagerVariable;
import dev.tfj.eager.Tape;
import dev.tfj.eager.TensorHandle;
import dev.tfj.errors.RuntimeError;
import dev.tfj.errors.TypeError;
import dev.tfj.errors.ValueError;
import dev.tfj.ops.PythonNone;
import dev.tfj.ops.Operand;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * TensorFlow's {@code tf.GradientTape}. Recording starts when the tape is made and stops when it
 * is closed, so Python's {@code with} block is a try-with-resources, and the tape stays usable
 * after it:
 * <pre>{@code
 * GradientTape t = tf.GradientTape();
 * try (t) { t.watch(x); y = tf.multiply(x, x); }
 * Tensor dy_dx = t.gradient(y, x);
 * }</pre>
 * Entering the block again ({@code with t:} a second time) continues recording on what the tape
 * already holds: {@code try (var again = t.enter()) { ... }}. A tape records on the thread that
 * opened it; tapes of other threads never see its ops.
 *
 * <p>Targets are a Tensor, or a List (nested Lists and Maps too, flattened as TensorFlow's
 * {@code nest} does, Map values in key order) whose sum is differentiated. Sources are a Tensor,
 * a List, a Map, or Lists and Maps nested in each other, and the result has the same form, with
 * null where a source is not connected (or zeros with {@code unconnected_gradients} ZERO).
 *
 * <p>Memory: a non-persistent tape forgets what it recorded when its gradient is taken; a
 * persistent one keeps it until {@link #reset} or until the tape is dropped (TensorFlow also
 * frees records of tensors Python deletes; Java has no such hook, so in a loop use a tape per
 * step, as TensorFlow code does, or {@code reset()}). Nothing else holds on to a tape.
 */
public final class GradientTape implements AutoCloseable {
  private static final String PERSISTENT_IN_CONTEXT = "Calling GradientTape.gradient on a persistent"
      + " tape inside its context is significantly less efficient than calling it outside the"
      + " context (it causes the gradient ops to be recorded on the tape, leading to increased CPU"
      + " and memory usage). Only call GradientTape.gradient inside the context if you actually"
      + " want to trace the gradient in order to compute higher order derivatives.";
  private static final String CONSUMED = "A non-persistent GradientTape can only be used to"
      + " compute one set of gradients (or jacobians)";
  /**
   * TensorFlow's jacobians call {@code gradient} from inside its vectorizer, so the warning's
   * call site is a line of TensorFlow's own: it appears once per process, whoever asks.
   */
  private static final String JACOBIAN_CALL_SITE = "tensorflow/python/ops/parallel_for";

  private final boolean persistent;
  private final boolean watchAccessedVariables;
  private Tape tape;
  private boolean recording;
  private List<Variable> lastWatchedVariables = List.of();

  GradientTape(boolean persistent, boolean watchAccessedVariables) {
    this.persistent = persistent;
    this.watchAccessedVariables = watchAccessedVariables;
    enter();
  }

  // ---- the with block ----

  /**
   * Python's {@code __enter__}: starts recording again after {@link #close}, on top of what the
   * tape holds (or on a fresh tape after a non-persistent gradient). Returns this tape.
   */
  public GradientTape enter() {
    if (recording) {
      throw new ValueError("Tape is still recording, This can happen if you try to re-enter an"
          + " already-active tape.");
    }
    if (tape == null) {
      tape = new Tape(persistent, watchAccessedVariables);
    }
    EagerContext.get().pushTape(tape);
    recording = true;
    return this;
  }

  /** Python's {@code __exit__}: stops recording; what was recorded stays for {@link #gradient}. */
  @Override
  public void close() {
    if (recording) {
      pop();
    }
  }

  private void pop() {
    if (!recording) {
      throw new ValueError("Tape is not recording.");
    }
    EagerContext.get().popTape(tape);
    recording = false;
  }

  /**
   * Pauses this tape (only this one) until the returned scope closes:
   * {@code try (var paused = t.stop_recording()) { ... }}.
   */
  public Scope stop_recording() {
    if (tape == null) {
      throw new RuntimeError("Trying to stop recording a tape which is not recording.");
    }
    pop();
    return this::enter;
  }

  /** Forgets everything recorded and watched and goes on recording, as a fresh {@code with} block. */
  public void reset() {
    pop();
    tape = null;
    enter();
  }

  // ---- watching ----

  /**
   * Watches a tensor or variable, or every one in a List or Map, so ops on it are recorded.
   * A dtype that is not floating is watched with TensorFlow's warning, at most 5 times per
   * calling line. Anything else raises ValueError and watches nothing.
   */
  public void watch(Object tensors) {
    List<Object> flat = new ArrayList<>();
    Nest.flatten(tensors, flat);
    for (Object t : flat) {
      if (!(t instanceof Tensor)) {
        throw new ValueError("Passed in object " + Nest.pythonStr(t) + " of type '"
            + Nest.pythonType(t) + "', not tf.Tensor or tf.Variable or ExtensionType.");
      }
    }
    for (Object o : flat) {
      Tensor t = (Tensor) o;
      if (!t.dtype().isTrainable()) {
        LogFirstN.warnAtCallSite(GradientTape.class, "watch", 5, "The dtype of the watched tensor"
            + " must be floating (e.g. tf.float32), got " + t.dtype());
      }
      // TensorFlow's watch does nothing while no tape records on this thread.
      if (tape != null && !EagerContext.get().tapes().isEmpty()) {
        if (t instanceof Variable v) {
          tape.watchVariable(v.variable);
        } else {
          tape.watch(t.peek());
        }
      }
    }
  }

  /** The variables this tape watched, in creation order. */
  public List<Variable> watched_variables() {
    if (tape != null) {
      List<Variable> out = new ArrayList<>();
      for (EagerVariable ev : tape.watchedVariables()) {
        out.add((Variable) ev.owner);
      }
      lastWatchedVariables = Collections.unmodifiableList(out);
    }
    return lastWatchedVariables;
  }

  // ---- gradient: sources as one tensor, a List, a Map, or any nest of Lists and Maps ----

  /** The gradient of {@code target} with respect to {@code source}, or null where they are not connected. */
  public Tensor gradient(Object target, Tensor source) {
    return gradient(target, source, null, tf.UnconnectedGradients.NONE);
  }

  /** {@code output_gradients}: the upstream gradient of the target (a List for a List of targets). */
  public Tensor gradient(Object target, Tensor source, Object output_gradients) {
    return gradient(target, source, output_gradients, tf.UnconnectedGradients.NONE);
  }

  public Tensor gradient(Object target, Tensor source, Object output_gradients, String unconnected_gradients) {
    return gradient(target, source, output_gradients, tf.UnconnectedGradients.of(unconnected_gradients));
  }

  public Tensor gradient(Object target, Tensor source, Object output_gradients,
      tf.UnconnectedGradients unconnected_gradients) {
    return (Tensor) nestedGradient(target, source, output_gradients, unconnected_gradients);
  }

  public List<Tensor> gradient(Object target, List<? extends Tensor> sources) {
    return gradient(target, sources, null, tf.UnconnectedGradients.NONE);
  }

  public List<Tensor> gradient(Object target, List<? extends Tensor> sources, Object output_gradients) {
    return gradient(target, sources, output_gradients, tf.UnconnectedGradients.NONE);
  }

  public List<Tensor> gradient(Object target, List<? extends Tensor> sources, Object output_gradients,
      String unconnected_gradients) {
    return gradient(target, sources, output_gradients, tf.UnconnectedGradients.of(unconnected_gradients));
  }

  @SuppressWarnings("unchecked")
  public List<Tensor> gradient(Object target, List<? extends Tensor> sources, Object output_gradients,
      tf.UnconnectedGradients unconnected_gradients) {
    return (List<Tensor>) nestedGradient(target, sources, output_gradients, unconnected_gradients);
  }

  public <K> Map<K, Tensor> gradient(Object target, Map<K, ? extends Tensor> sources) {
    return gradient(target, sources, null, tf.UnconnectedGradients.NONE);
  }

  public <K> Map<K, Tensor> gradient(Object target, Map<K, ? extends Tensor> sources, Object output_gradients) {
    return gradient(target, sources, output_gradients, tf.UnconnectedGradients.NONE);
  }

  public <K> Map<K, Tensor> gradient(Object target, Map<K, ? extends Tensor> sources,
      Object output_gradients, String unconnected_gradients) {
    return gradient(target, sources, output_gradients, tf.UnconnectedGradients.of(unconnected_gradients));
  }

  @SuppressWarnings("unchecked")
  public <K> Map<K, Tensor> gradient(Object target, Map<K, ? extends Tensor> sources,
      Object output_gradients, tf.UnconnectedGradients unconnected_gradients) {
    return (Map<K, Tensor>) nestedGradient(target, sources, output_gradients, unconnected_gradients);
  }

  /**
   * Sources nested in Lists and Maps (a List of Lists, a List of Maps, a Map of Lists): the
   * result has the same nesting, each source replaced by its gradient, as TensorFlow's
   * {@code nest.pack_sequence_as} builds it (Maps keep their keys; nest visits them sorted).
   * Every leaf of the result is a Tensor, also where the source is a Variable, so type nested
   * sources with Tensor leaves: {@code List<List<Tensor>> g = t.gradient(loss, List.of(List.of(w, b)))}.
   */
  public <S> S gradient(Object target, S sources) {
    return gradient(target, sources, null, tf.UnconnectedGradients.NONE);
  }

  public <S> S gradient(Object target, S sources, Object output_gradients) {
    return gradient(target, sources, output_gradients, tf.UnconnectedGradients.NONE);
  }

  public <S> S gradient(Object target, S sources, Object output_gradients, String unconnected_gradients) {
    return gradient(target, sources, output_gradients, tf.UnconnectedGradients.of(unconnected_gradients));
  }

  @SuppressWarnings("unchecked")
  public <S> S gradient(Object target, S sources, Object output_gradients,
      tf.UnconnectedGradients unconnected_gradients) {
    return (S) nestedGradient(target, sources, output_gradients, unconnected_gradients);
  }

  /** Flattens the sources as nest does, differentiates, and packs the gradients the same way. */
  private Object nestedGradient(Object target, Object sources, Object outputGradients,
      tf.UnconnectedGradients unconnected) {
    List<Tensor> flat = sourceLeaves(sources);
    return Nest.packSequenceAs(sources, flatGradient(target, flat, outputGradients, unconnected));
  }

  /**
   * The sources' leaves. TensorFlow asks each for its dtype (backprop_util.IsTrainable), so a
   * leaf that is not a tensor fails in as_dtype. (A null leaf is left to the check of sources.)
   */
  private static List<Tensor> sourceLeaves(Object sources) {
    List<Object> flat = new ArrayList<>();
    Nest.flatten(sources, flat);
    List<Tensor> leaves = new ArrayList<>(flat.size());
    for (Object leaf : flat) {
      if (leaf != null && !(leaf instanceof Tensor)) {
        throw new TypeError("Cannot convert the argument `type_value`: " + Nest.pythonRepr(leaf)
            + " to a TensorFlow DType.");
      }
      leaves.add((Tensor) leaf);
    }
    return leaves;
  }

  private List<Tensor> flatGradient(Object target, List<? extends Tensor> sources, Object outputGradients,
      tf.UnconnectedGradients unconnected) {
    checkNotConsumed(CONSUMED);
    if (target == null) {
      throw new TypeError("Argument `target` should be a list or nested structure of Tensors,"
          + " Variables or CompositeTensors to be differentiated, but received None.");
    }
    List<Tensor> targets = targets(target);
    checkSources(sources);
    Operand[] seeds = seeds(targets, outputGradients);
    startGradient("gradient");
    Operand[] grads = tape.gradient(handles(targets), handles(sources), seeds, RUN);
    consumeIfNotPersistent();
    List<Tensor> result = new ArrayList<>(grads.length);
    for (int i = 0; i < grads.length; i++) {
      Tensor source = sources.get(i);
      result.add(grads[i] != null ? Tensor.wrap(grads[i])
          : unconnected == tf.UnconnectedGradients.ZERO ? zeros(source.shape().as_list(), source) : null);
    }
    return Collections.unmodifiableList(result);
  }

  /**
   * The flattened targets; each must be a Tensor (a Variable counts as one). TensorFlow asks
   * each for its dtype ({@code backprop_util.IsTrainable}), which for None is as_dtype's error.
   */
  private static List<Tensor> targets(Object target) {
    List<Object> flat = new ArrayList<>();
    Nest.flatten(target, flat);
    List<Tensor> targets = new ArrayList<>(flat.size());
    for (Object t : flat) {
      if (t == null) {
        throw PythonNone.asDtype();
      }
      if (!(t instanceof Tensor tensor)) {
        throw new TypeError("Argument `target` should be a list or nested structure of Tensors,"
            + " Variables or CompositeTensors to be differentiated, but received "
            + Nest.pythonStr(t) + ".");
      }
      targets.add(tensor);
    }
    return targets;
  }

  /** A None source fails where TensorFlow asks each source for its dtype, as a None target does. */
  private static void checkSources(List<? extends Tensor> sources) {
    for (Tensor source : sources) {
      if (source == null) {
        throw PythonNone.asDtype();
      }
    }
  }

  /**
   * One upstream gradient per target (null for TensorFlow's default of ones). A Variable target
   * stands for its handle, as in TensorFlow, and is seeded with ones of the variable's shape.
   */
  private static Operand[] seeds(List<Tensor> targets, Object outputGradients) {
    Operand[] seeds = new Operand[targets.size()];
    if (outputGradients != null) {
      List<Object> flat = new ArrayList<>();
      Nest.flatten(outputGradients, flat);
      if (flat.size() != targets.size()) {
        throw new ValueError("output_gradients has " + flat.size() + " entries for "
            + targets.size() + " targets: give one per target (null for the default).");
      }
      for (int i = 0; i < seeds.length; i++) {
        seeds[i] = flat.get(i) == null ? null : Convert.toHandle(flat.get(i), null);
      }
    }
    for (int i = 0; i < seeds.length; i++) {
      if (seeds[i] == null && targets.get(i) instanceof Variable v) {
        seeds[i] = RUN.fill(v.variable.shape, RUN.scalar(v.variable.dtype, 1));
      }
    }
    return seeds;
  }

  private static TensorHandle[] handles(List<? extends Tensor> tensors) {
    return tensors.stream().map(GradientTape::handle).toArray(TensorHandle[]::new);
  }

  /** A variable is differentiated through its handle, which its reads are recorded against. */
  private static TensorHandle handle(Tensor t) {
    return t instanceof Variable v ? v.variable.handle : t.peek();
  }

  // ---- jacobian and batch_jacobian ----

  /**
   * The Jacobian of {@code target} with respect to {@code source}: shape {@code target.shape +
   * source.shape}. TensorFlow vectorizes it with pfor; TFJ computes one backward pass per
   * target element over a single walk of the tape, with the same numbers. So
   * {@code experimental_use_pfor} and {@code parallel_iterations} change nothing here except
   * which of TensorFlow's errors they raise.
   */
  public Tensor jacobian(Tensor target, Tensor source) {
    return jacobian(target, source, tf.UnconnectedGradients.NONE, null, true);
  }

  public Tensor jacobian(Tensor target, Tensor source, String unconnected_gradients) {
    return jacobian(target, source, tf.UnconnectedGradients.of(unconnected_gradients), null, true);
  }

  public Tensor jacobian(Tensor target, Tensor source, tf.UnconnectedGradients unconnected_gradients) {
    return jacobian(target, source, unconnected_gradients, null, true);
  }

  public Tensor jacobian(Tensor target, Tensor source, tf.UnconnectedGradients unconnected_gradients,
      Integer parallel_iterations, boolean experimental_use_pfor) {
    return flatJacobian(target, Collections.singletonList(source), unconnected_gradients, parallel_iterations,
        experimental_use_pfor).get(0);
  }

  public List<Tensor> jacobian(Tensor target, List<? extends Tensor> sources) {
    return jacobian(target, sources, tf.UnconnectedGradients.NONE, null, true);
  }

  public List<Tensor> jacobian(Tensor target, List<? extends Tensor> sources, String unconnected_gradients) {
    return jacobian(target, sources, tf.UnconnectedGradients.of(unconnected_gradients), null, true);
  }

  public List<Tensor> jacobian(Tensor target, List<? extends Tensor> sources,
      tf.UnconnectedGradients unconnected_gradients) {
    return jacobian(target, sources, unconnected_gradients, null, true);
  }

  public List<Tensor> jacobian(Tensor target, List<? extends Tensor> sources,
      tf.UnconnectedGradients unconnected_gradients, Integer parallel_iterations, boolean experimental_use_pfor) {
    return flatJacobian(target, sources == null ? Collections.singletonList(null) : sources, unconnected_gradients,
        parallel_iterations, experimental_use_pfor);
  }

  public <K> Map<K, Tensor> jacobian(Tensor target, Map<K, ? extends Tensor> sources) {
    return jacobian(target, sources, tf.UnconnectedGradients.NONE, null, true);
  }

  @SuppressWarnings("unchecked")
  public <K> Map<K, Tensor> jacobian(Tensor target, Map<K, ? extends Tensor> sources,
      tf.UnconnectedGradients unconnected_gradients, Integer parallel_iterations, boolean experimental_use_pfor) {
    return (Map<K, Tensor>) Nest.packSequenceAs(sources, flatJacobian(target, sourceLeaves(sources),
        unconnected_gradients, parallel_iterations, experimental_use_pfor));
  }

  /** A None target fails on its {@code shape}, as in TensorFlow; a None source as in {@link #gradient}. */
  private List<Tensor> flatJacobian(Tensor target, List<? extends Tensor> sources,
      tf.UnconnectedGradients unconnected, Integer parallelIterations, boolean usePfor) {
    checkNotConsumed(CONSUMED);
    TensorHandle y = PythonNone.withAttribute(target, "shape").peek();
    int size = y.numElements();
    if (usePfor) {
      checkParallelIterations(parallelIterations, size, CONSUMED);
    } else if (!persistent) {
      throw new RuntimeError("GradientTape must be created with persistent=True to compute the"
          + " jacobian with eager execution enabled and with  experimental_use_pfor set to False.");
    }
    checkSources(sources);
    TensorHandle[] xs = handles(sources);
    List<Operand[]> rows = rows(y, xs, size, i -> JacobianRows.oneHot(y, new long[] {i}));
    List<Tensor> result = new ArrayList<>(xs.length);
    for (int k = 0; k < xs.length; k++) {
      long[] shape = JacobianRows.concat(y.shape, sources.get(k).shape().as_list());
      if (rows == null || rows.get(0)[k] == null) {
        result.add(unconnected == tf.UnconnectedGradients.ZERO ? zeros(shape, sources.get(k)) : null);
      } else if (size == 0) {
        result.add(zeros(shape, sources.get(k)));
      } else {
        result.add(Tensor.wrap(RUN.reshape(JacobianRows.stack(rows, k), shape)));
      }
    }
    return Collections.unmodifiableList(result);
  }

  /**
   * Per-example Jacobians: {@code target} {@code [b, y1..yn]}, {@code source} {@code [b, x1..xm]},
   * result {@code [b, y1..yn, x1..xm]}, assuming {@code target[i]} depends on {@code source[i]}
   * only. When nothing connects them the result is zeros (of the target's dtype), whatever
   * {@code unconnected_gradients} says, as in TensorFlow. See {@link #jacobian} on pfor.
   */
  public Tensor batch_jacobian(Tensor target, Tensor source) {
    return batch_jacobian(target, source, tf.UnconnectedGradients.NONE, null, true);
  }

  public Tensor batch_jacobian(Tensor target, Tensor source, String unconnected_gradients) {
    return batch_jacobian(target, source, tf.UnconnectedGradients.of(unconnected_gradients), null, true);
  }

  public Tensor batch_jacobian(Tensor target, Tensor source, tf.UnconnectedGradients unconnected_gradients) {
    return batch_jacobian(target, source, unconnected_gradients, null, true);
  }

  public Tensor batch_jacobian(Tensor target, Tensor source, tf.UnconnectedGradients unconnected_gradients,
      Integer parallel_iterations, boolean experimental_use_pfor) {
    // TensorFlow's own message here lacks the space after "to".
    checkNotConsumed("A non-persistent GradientTape can only be used tocompute one set of gradients"
        + " (or jacobians)");
    TensorHandle y = PythonNone.withAttribute(target, "shape").peek();
    rankAtLeast2(y.shape);
    long[] xShape = PythonNone.withAttribute(source, "shape").shape().as_list();
    rankAtLeast2(xShape);
    if (y.shape[0] != xShape[0]) {
      throw new ValueError("Need first dimension of target shape (" + target.shape()
          + ") and source shape (" + source.shape() + ") to match.");
    }
    int batch = (int) y.shape[0];
    int rowSize = batch == 0 ? 0 : y.numElements() / batch;
    if (experimental_use_pfor) {
      checkParallelIterations(parallel_iterations, rowSize, "GradientTape must be created with"
          + " persistent=True to compute the batch_jacobian with parallel_iterations.");
    } else if (!persistent) {
      throw new RuntimeError("GradientTape must be created with persistent=True to compute the"
          + " batch_jacobian with eager execution enabled and  with experimental_use_pfor set to False.");
    }
    long[] resultShape = JacobianRows.concat(y.shape, Arrays.copyOfRange(xShape, 1, xShape.length));
    long[] columns = new long[batch];
    List<Operand[]> rows = rows(y, new TensorHandle[] {handle(source)}, rowSize, j -> {
      for (int b = 0; b < batch; b++) {
        columns[b] = (long) b * rowSize + j;
      }
      return JacobianRows.oneHot(y, columns);
    });
    if (rows == null || rows.get(0)[0] == null) {
      return unconnected_gradients == tf.UnconnectedGradients.ZERO
          ? zeros(resultShape, source) : Tensor.wrap(RUN.fill(resultShape, RUN.scalar(y.dtype, 0)));
    }
    if (rowSize == 0) {
      return zeros(resultShape, source);
    }
    // Rows are [b, x...] per target column j: stack to [j, b, x], then put the batch first.
    Operand perColumn = RUN.reshape(JacobianRows.stack(rows, 0), rowSize, batch, -1);
    return Tensor.wrap(RUN.reshape(RUN.transpose(perColumn, 1, 0, 2), resultShape));
  }

  private static void rankAtLeast2(long[] shape) {
    if (shape.length < 2) {
      throw new ValueError("Shape " + new dev.tfj.ops.TensorShape(shape) + " must have rank at least 2");
    }
  }

  /**
   * TensorFlow's pfor checks on {@code parallel_iterations}; with fewer iterations than it asks
   * for pfor calls the loop body twice, which a non-persistent tape cannot serve.
   */
  private void checkParallelIterations(Integer p, int iterations, String secondCallMessage) {
    if (p == null) {
      return;
    }
    if (p <= 0) {
      throw new ValueError("Argument `parallel_iterations` must be None or a positive integer."
          + " Received: " + p + ".");
    }
    if (p == 1) {
      throw new ValueError("Found `parallel_iterations == 1`. Use `for_loop` instead.");
    }
    if (iterations >= p && !persistent) {
      throw new RuntimeError(secondCallMessage);
    }
  }

  /**
   * The gradients of {@code y} seeded with each of {@code count} one-hot tensors, over one walk
   * of the tape; null when {@code y} is not recorded here (TensorFlow reshapes it on the tape
   * first, which records nothing then), so that nothing is connected. A {@code y} with no
   * elements has no rows: one pass seeded with zeros still tells which sources are connected.
   */
  private List<Operand[]> rows(TensorHandle y, TensorHandle[] sources, int count, IntFunction<Operand> seed) {
    boolean connected = tape.shouldRecord(new TensorHandle[] {y});
    startGradient("jacobian");
    List<Operand[]> rows = !connected ? null : tape.gradients(new TensorHandle[] {y}, sources,
        Math.max(count, 1), i -> new Operand[] {count == 0 ? RUN.zerosLike(y) : seed.apply(i)}, RUN);
    consumeIfNotPersistent();
    return rows;
  }

  // ---- shared steps ----

  private void checkNotConsumed(String message) {
    if (tape == null) {
      throw new RuntimeError(message);
    }
  }

  /**
   * Before a backward pass: a non-persistent tape stops recording (silently); a persistent one
   * keeps recording, so the gradient ops land on it too, with TensorFlow's warning.
   */
  private void startGradient(String kind) {
    if (!recording) {
      return;
    }
    if (!persistent) {
      pop();
    } else if (kind.equals("jacobian")) {
      LogFirstN.warn(JACOBIAN_CALL_SITE, 1, PERSISTENT_IN_CONTEXT);
    } else {
      LogFirstN.warnAtCallSite(GradientTape.class, "persistent", 1, PERSISTENT_IN_CONTEXT);
    }
  }

  private void consumeIfNotPersistent() {
    if (!persistent) {
      watched_variables();
      tape.release();
      tape = null;
    }
  }

  private static Tensor zeros(long[] shape, Tensor like) {
    return Tensor.wrap(RUN.fill(shape, RUN.scalar(like.dtype(), 0)));
  }


}
