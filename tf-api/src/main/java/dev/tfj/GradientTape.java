package dev.tfj;

import dev.tfj.eager.EagerContext;
import dev.tfj.eager.EagerRunner;
import dev.tfj.eager.EagerVariable;
import dev.tfj.eager.Tape;
import dev.tfj.eager.TensorHandle;
import dev.tfj.errors.RuntimeError;
import dev.tfj.errors.ValueError;
import dev.tfj.ops.Operand;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * TensorFlow's {@code tf.GradientTape}. Recording starts when the tape is made and stops when it
 * is closed, so Python's {@code with} block is a try-with-resources:
 * <pre>{@code
 * GradientTape t = tf.GradientTape();
 * try (t) { t.watch(x); y = tf.multiply(x, x); }
 * Tensor dy_dx = t.gradient(y, x);
 * }</pre>
 */
public final class GradientTape implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger("tensorflow");
  private static final String PERSISTENT_IN_CONTEXT = "Calling GradientTape.gradient on a persistent"
      + " tape inside its context is significantly less efficient than calling it outside the"
      + " context (it causes the gradient ops to be recorded on the tape, leading to increased CPU"
      + " and memory usage). Only call GradientTape.gradient inside the context if you actually"
      + " want to trace the gradient in order to compute higher order derivatives.";
  /** TensorFlow's log_first_n counters, keyed by message kind and calling source line. */
  private static final Map<String, AtomicInteger> WARNINGS_BY_CALL_SITE = new ConcurrentHashMap<>();

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

  /** Python's {@code __enter__}: starts (or, after {@link #close}, resumes) recording. */
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
      EagerContext.get().popTape(tape);
      recording = false;
    }
  }

  /** Watches a tensor or variable (or a list of them), so ops on it are recorded. */
  public void watch(Object tensors) {
    if (tensors instanceof List<?> list) {
      list.forEach(this::watch);
      return;
    }
    if (!(tensors instanceof Tensor t)) {
      throw new ValueError("Passed in object " + tensors + " of type '"
          + (tensors == null ? "NoneType" : tensors.getClass().getSimpleName())
          + "', not tf.Tensor or tf.Variable or ExtensionType.");
    }
    if (!t.dtype().isTrainable()) {
      warnAtCallSite("watch", 5, "The dtype of the watched tensor must be floating (e.g."
          + " tf.float32), got " + t.dtype());
    }
    if (tape == null) {
      return;
    }
    if (t instanceof Variable v) {
      tape.watchVariable(v.variable);
    } else {
      tape.watch(t.handle());
    }
  }

  /** The gradient of {@code target} with respect to {@code source}, or null where they are not connected. */
  public Tensor gradient(Tensor target, Tensor source) {
    return gradient(target, List.of(source)).get(0);
  }

  /** The gradients of {@code target} with respect to each source (null where not connected). */
  public List<Tensor> gradient(Tensor target, List<? extends Tensor> sources) {
    return gradient(List.of(target), sources);
  }

  /** The gradients of the sum of the targets. */
  public List<Tensor> gradient(List<? extends Tensor> targets, List<? extends Tensor> sources) {
    if (tape == null) {
      throw new RuntimeError("A non-persistent GradientTape can only be used to compute one set of"
          + " gradients (or jacobians)");
    }
    if (recording) {
      if (persistent) {
        warnAtCallSite("persistent", 1, PERSISTENT_IN_CONTEXT);
      } else {
        close();
      }
    }
    TensorHandle[] targetHandles = targets.stream().map(Tensor::peek).toArray(TensorHandle[]::new);
    TensorHandle[] sourceHandles = sources.stream().map(GradientTape::sourceHandle)
        .toArray(TensorHandle[]::new);
    Operand[] grads = tape.gradient(targetHandles, sourceHandles, null, EagerRunner.INSTANCE);
    if (!persistent) {
      lastWatchedVariables = watched_variables();
      tape.release();
      tape = null;
    }
    List<Tensor> result = new ArrayList<>(grads.length);
    for (Operand g : grads) {
      result.add(g == null ? null : Tensor.wrap(g));
    }
    return result;
  }

  /** A variable is differentiated through its handle, which its reads are recorded against. */
  private static TensorHandle sourceHandle(Tensor source) {
    return source instanceof Variable v ? v.variable.handle : source.peek();
  }

  /** The variables this tape watched, in creation order. */
  public List<Variable> watched_variables() {
    if (tape == null) {
      return lastWatchedVariables;
    }
    List<Variable> out = new ArrayList<>();
    for (EagerVariable ev : tape.watchedVariables()) {
      out.add((Variable) ev.owner);
    }
    return out;
  }

  /**
   * Logs a warning at most {@code limit} times per calling source line, like TensorFlow's
   * {@code log_first_n}, whose key is the first stack frame outside the tape's own code.
   */
  private static void warnAtCallSite(String kind, int limit, String message) {
    String site = StackWalker.getInstance().walk(frames -> frames
        .filter(f -> !f.getClassName().equals(GradientTape.class.getName()))
        .findFirst().map(f -> f.getClassName() + ":" + f.getLineNumber()).orElse("?"));
    AtomicInteger count = WARNINGS_BY_CALL_SITE.computeIfAbsent(kind + "@" + site, k -> new AtomicInteger());
    if (count.getAndIncrement() < limit) {
      LOG.warn(message);
    }
  }
}
