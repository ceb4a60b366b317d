package dev.tfj.compat.gradcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.tfj.GradientTape;
import dev.tfj.Tensor;
import dev.tfj.Variable;
import dev.tfj.devices.Devices;
import dev.tfj.eager.Eager;
import dev.tfj.eager.EagerConfig;
import dev.tfj.eager.EagerContext;
import dev.tfj.eager.EagerRunner;
import dev.tfj.eager.Tape;
import dev.tfj.eager.TensorHandle;
import dev.tfj.ops.DType;
import dev.tfj.ops.Operand;
import dev.tfj.ops.Shapes;
import dev.tfj.tf;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import org.slf4j.LoggerFactory;

/**
 * Checks TFJ's tape gradients against float64 central differences of TFJ's own forward ops.
 *
 * <p>For {@code f} (float64 tensors to a float64 tensor) the checked scalar is
 * {@code L(x) = reduce_sum(f(x) * w)}, with {@code w} fixed random weights of {@code f}'s output
 * shape (nonzero, so every output element matters). Each element of each input is compared:
 * the tape's {@code dL/dx[j]} against {@code (L(x + h e_j) - L(x - h e_j)) / 2h} with
 * {@code h = step * max(1, |x[j]|)}. {@link #checkSecondOrder} does the same one level up: the
 * outer tape's gradient of {@code S(x) = sum_i reduce_sum(dL/dx_i * v_i)} (nested tapes, so the
 * backward pass itself is recorded) against central differences of {@code S}, computed with
 * TFJ's first derivative.
 *
 * <p>Inputs may be tensors or {@link Variable}s (a variable is perturbed with {@code assign} and
 * restored). Each check returns the op types that ran while the checked tape recorded and during
 * its backward pass, so a test can prove the op it claims to cover was really on the tape.
 */
public final class GradientChecker {
  /** A function under test, from float64 inputs to a float64 output. */
  @FunctionalInterface
  public interface Fn {
    Tensor apply(List<Tensor> xs);
  }

  /** What ran while the checked tape recorded and during its gradient. */
  public record Report(String name, Set<String> ops) {
    /** Fails unless every named op type ran (proof that the check reached it). */
    public Report assertRan(String... opTypes) {
      for (String op : opTypes) {
        assertTrue(ops.contains(op), name + ": expected op " + op + " on the checked tape, but only "
            + ops + " ran");
      }
      return this;
    }
  }

  public static final GradientChecker DEFAULT = new GradientChecker(1e-6, 1e-6, 1e-8);
  private static final long WEIGHT_SEED = 0x7f4a7c15L;

  private final double step;
  private final double rtol;
  private final double atol;

  private GradientChecker(double step, double rtol, double atol) {
    this.step = step;
    this.rtol = rtol;
    this.atol = atol;
  }

  /** The same checker with another relative step (for functions that pass through float32). */
  public GradientChecker withStep(double newStep) {
    return new GradientChecker(newStep, rtol, atol);
  }

  /** The same checker with another tolerance: pass when |tape - numeric| <= atol + rtol * max(|tape|, |numeric|). */
  public GradientChecker withTolerance(double newRtol, double newAtol) {
    return new GradientChecker(step, newRtol, newAtol);
  }

  public static Report check(String name, Fn f, Tensor... inputs) {
    return DEFAULT.checkFirstOrder(name, f, inputs);
  }

  public static Report checkSecondOrder(String name, Fn f, Tensor... inputs) {
    return DEFAULT.checkSecond(name, f, inputs);
  }

  // ---------------------------------------------------------------- first order

  public Report checkFirstOrder(String name, Fn f, Tensor... inputs) {
    List<Tensor> xs = List.of(inputs);
    requireFloat64(name, xs);
    Tensor w = weightsFor(name, f.apply(xs));
    List<Tensor> grads;
    Set<String> ops;
    try (OpTrace trace = new OpTrace()) {
      GradientTape t = tf.GradientTape();
      Tensor loss;
      try (t) {
        xs.forEach(t::watch);
        loss = weightedSum(f.apply(xs), w);
      }
      grads = t.gradient(loss, xs);
      ops = trace.ops(t);
    }
    compareAll(name, "d/d", xs, grads,
        (input, values) -> lossWith(xs, input, values, ys -> weightedSum(f.apply(ys), w).doubleValue()));
    return new Report(name, ops);
  }

  // ---------------------------------------------------------------- second order

  public Report checkSecond(String name, Fn f, Tensor... inputs) {
    List<Tensor> xs = List.of(inputs);
    requireFloat64(name, xs);
    Tensor w = weightsFor(name, f.apply(xs));
    List<Tensor> v = new ArrayList<>();
    for (int i = 0; i < xs.size(); i++) {
      v.add(randomWeights(shape(xs.get(i)), WEIGHT_SEED + 1 + i));
    }
    List<Tensor> hessianTimesV;
    Set<String> ops;
    try (OpTrace trace = new OpTrace()) {
      GradientTape outer = tf.GradientTape();
      Tensor s;
      try (outer) {
        xs.forEach(outer::watch);
        s = projectedFirstDerivative(name, f, xs, w, v);
      }
      hessianTimesV = outer.gradient(s, xs);
      ops = trace.ops(outer);
    }
    compareAll(name, "d(v.dL/dx)/d", xs, hessianTimesV,
        (input, values) -> lossWith(xs, input, values,
            ys -> projectedFirstDerivative(name, f, ys, w, v).doubleValue()));
    return new Report(name, ops);
  }

  /** {@code sum_i reduce_sum(dL/dx_i * v_i)}, with dL/dx from a tape of its own. */
  private static Tensor projectedFirstDerivative(String name, Fn f, List<Tensor> xs, Tensor w, List<Tensor> v) {
    GradientTape inner = tf.GradientTape();
    Tensor loss;
    try (inner) {
      xs.forEach(inner::watch);
      loss = weightedSum(f.apply(xs), w);
    }
    List<Tensor> g = inner.gradient(loss, xs);
    Tensor s = null;
    for (int i = 0; i < xs.size(); i++) {
      if (g.get(i) == null) {
        fail(name + ": the first derivative wrt input #" + i + " is null (not connected)");
      }
      Tensor term = tf.reduce_sum(tf.multiply(g.get(i), v.get(i)));
      s = s == null ? term : tf.add(s, term);
    }
    return s;
  }

  // ---------------------------------------------------------------- ops below the public API

  /** A function on the eager runtime's operands, for ops the public API does not reach yet. */
  @FunctionalInterface
  public interface OperandFn {
    Operand apply(EagerRunner o, List<TensorHandle> xs);
  }

  /**
   * First-order check through the eager runtime itself (a {@link Tape} pushed on the thread's
   * context, ops run with {@link EagerRunner}): for ops no {@code tf.*} function emits.
   */
  public Report checkEager(String name, OperandFn f, long[][] shapes, double[]... values) {
    EagerRunner o = EagerRunner.INSTANCE;
    List<TensorHandle> xs = new ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      xs.add(handle(shapes[i], values[i]));
    }
    long[] outShape = f.apply(o, xs).shape();
    TensorHandle w = handle(outShape, flat(randomWeights(outShape, WEIGHT_SEED)));
    Tape tape = new Tape(false, true);
    Operand[] grads;
    Set<String> ops;
    try (OpTrace trace = new OpTrace()) {
      EagerContext.get().pushTape(tape);
      Operand loss;
      try {
        xs.forEach(tape::watch);
        loss = o.reduceSum(o.mul(f.apply(o, xs), w), null, false);
      } finally {
        EagerContext.get().popTape(tape);
      }
      grads = tape.gradient(new TensorHandle[] {(TensorHandle) loss}, xs.toArray(new TensorHandle[0]), null, o);
      ops = trace.ops();
    }
    for (int i = 0; i < xs.size(); i++) {
      final int input = i;
      if (grads[i] == null) {
        fail(name + ": the tape gave a null gradient for input #" + i);
      }
      assertEquals(DType.FLOAT64, grads[i].dtype(), name + ": gradient dtype of input #" + i);
      assertEquals(Arrays.toString(shapes[i]), Arrays.toString(grads[i].shape()),
          name + ": gradient shape of input #" + i);
      double[] numeric = centralDifferences(values[i], data -> {
        List<TensorHandle> ys = new ArrayList<>(xs);
        ys.set(input, handle(shapes[input], data));
        return ((TensorHandle) o.reduceSum(o.mul(f.apply(o, ys), w), null, false)).doubleValues()[0];
      });
      compare(name, "d/d", input, shapes[i], ((TensorHandle) grads[i]).doubleValues(), numeric);
    }
    return new Report(name, ops);
  }

  private static TensorHandle handle(long[] shape, double[] data) {
    return TensorHandle.of(DType.FLOAT64, shape, Devices.cpu(), data.clone());
  }

  // ---------------------------------------------------------------- comparison

  /** Evaluates the checked scalar with input {@code input} replaced by {@code values}. */
  private interface PerturbedLoss {
    double at(int input, double[] values);
  }

  private void compareAll(String name, String what, List<Tensor> xs, List<Tensor> grads, PerturbedLoss loss) {
    assertEquals(xs.size(), grads.size(), name + ": one gradient per input");
    for (int i = 0; i < xs.size(); i++) {
      Tensor g = grads.get(i);
      if (g == null) {
        fail(name + ": the tape gave a null gradient for input #" + i + " (" + what + "x" + i + ")");
      }
      assertEquals(tf.float64, g.dtype(), name + ": gradient dtype of input #" + i);
      assertEquals(xs.get(i).shape(), g.shape(), name + ": gradient shape of input #" + i);
      final int input = i;
      double[] numeric = centralDifferences(flat(xs.get(i)), data -> loss.at(input, data));
      compare(name, what, i, shape(xs.get(i)), flat(g), numeric);
    }
  }

  private double[] centralDifferences(double[] x, ToDoubleFunction<double[]> loss) {
    double[] out = new double[x.length];
    for (int j = 0; j < x.length; j++) {
      double h = step * Math.max(1, Math.abs(x[j]));
      double[] plus = x.clone();
      double[] minus = x.clone();
      plus[j] += h;
      minus[j] -= h;
      out[j] = (loss.applyAsDouble(plus) - loss.applyAsDouble(minus)) / (plus[j] - minus[j]);
    }
    return out;
  }

  private void compare(String name, String what, int input, long[] shape, double[] tape, double[] numeric) {
    for (int j = 0; j < tape.length; j++) {
      double a = tape[j];
      double n = numeric[j];
      double bound = atol + rtol * Math.max(Math.abs(a), Math.abs(n));
      if (!(Math.abs(a - n) <= bound)) {
        fail(String.format(Locale.ROOT, "%s: %sx%d at element %s (flat %d): tape gave %.17g, central difference"
            + " gave %.17g (|difference| %.3g > allowed %.3g)", name, what, input,
            index(shape, j), j, a, n, Math.abs(a - n), bound));
      }
    }
  }

  /** The multi-index of flat element {@code j}: {@code [1,2]}, or {@code []} for a scalar. */
  static String index(long[] shape, int j) {
    long[] strides = Shapes.strides(shape);
    StringBuilder s = new StringBuilder("[");
    long rest = j;
    for (int d = 0; d < shape.length; d++) {
      s.append(d == 0 ? "" : ",").append(rest / strides[d]);
      rest %= strides[d];
    }
    return s.append(']').toString();
  }

  /** The checked scalar with input {@code input} replaced by {@code values}; variables are restored. */
  private static double lossWith(List<Tensor> xs, int input, double[] values, ToDoubleFunction<List<Tensor>> loss) {
    Tensor original = xs.get(input);
    long[] shape = shape(original);
    if (original instanceof Variable var) {
      double[] saved = flat(var);
      var.assign(f64(shape, values));
      try {
        return loss.applyAsDouble(xs);
      } finally {
        var.assign(f64(shape, saved));
      }
    }
    List<Tensor> ys = new ArrayList<>(xs);
    ys.set(input, f64(shape, values));
    return loss.applyAsDouble(ys);
  }

  private static Tensor weightedSum(Tensor y, Tensor w) {
    return tf.reduce_sum(tf.multiply(y, w));
  }

  private static Tensor weightsFor(String name, Tensor y) {
    assertEquals(tf.float64, y.dtype(), name + ": the function under test must return float64");
    return randomWeights(shape(y), WEIGHT_SEED);
  }

  private static void requireFloat64(String name, List<Tensor> xs) {
    for (int i = 0; i < xs.size(); i++) {
      assertEquals(tf.float64, xs.get(i).dtype(), name + ": input #" + i + " must be float64");
    }
  }

  // ---------------------------------------------------------------- float64 values

  /** Fixed weights in ±[0.5, 1.5): never zero, so every element contributes. */
  static Tensor randomWeights(long[] shape, long seed) {
    Random r = new Random(seed);
    double[] data = new double[Math.toIntExact(Shapes.numElements(shape))];
    for (int i = 0; i < data.length; i++) {
      data[i] = (r.nextBoolean() ? 1 : -1) * (0.5 + r.nextDouble());
    }
    return f64(shape, data);
  }

  /** Deterministic float64 inputs, uniform in [lo, hi). */
  public static Tensor uniform(long[] shape, double lo, double hi, long seed) {
    Random r = new Random(seed);
    double[] data = new double[Math.toIntExact(Shapes.numElements(shape))];
    for (int i = 0; i < data.length; i++) {
      data[i] = lo + (hi - lo) * r.nextDouble();
    }
    return f64(shape, data);
  }

  /** A float64 tensor of {@code shape} holding {@code data} in row-major order. */
  public static Tensor f64(long[] shape, double... data) {
    assertEquals(Shapes.numElements(shape), data.length, "element count of " + Arrays.toString(shape));
    if (shape.length == 0) {
      return tf.constant(data[0], tf.float64);
    }
    return tf.reshape(tf.constant(data.clone(), tf.float64), shape);
  }

  public static long[] shape(Tensor t) {
    return t.shape().as_list();
  }

  /** The elements of a numeric or bool tensor as doubles, row-major. */
  public static double[] flat(Tensor t) {
    List<Double> out = new ArrayList<>();
    flatten(t.numpy(), out);
    return out.stream().mapToDouble(Double::doubleValue).toArray();
  }

  private static void flatten(Object v, List<Double> out) {
    if (v.getClass().isArray()) {
      for (int i = 0; i < Array.getLength(v); i++) {
        flatten(Array.get(v, i), out);
      }
    } else if (v instanceof Boolean b) {
      out.add(b ? 1.0 : 0.0);
    } else {
      out.add(((Number) v).doubleValue());
    }
  }

  // ---------------------------------------------------------------- which ops ran

  /**
   * Collects the op types executed on this thread while open, from the eager runtime's device
   * placement log ({@code tf.debugging.set_log_device_placement}), which is turned on meanwhile
   * and kept off the console.
   */
  static final class OpTrace implements AutoCloseable {
    private final Logger logger = (Logger) LoggerFactory.getLogger(Eager.class);
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final Level level = logger.getLevel();
    private final boolean additive = logger.isAdditive();
    private final boolean logging = EagerConfig.logDevicePlacement();
    private final String thread = Thread.currentThread().getName();

    OpTrace() {
      appender.start();
      logger.addAppender(appender);
      logger.setLevel(Level.INFO);
      logger.setAdditive(false);
      EagerConfig.setLogDevicePlacement(true);
    }

    /**
     * The ops seen, plus ReadVariableOp when {@code tape} watched a variable: variable reads are
     * recorded by the runtime without being executed as ops, and a tape watches a variable
     * exactly when it sees a read of it.
     */
    Set<String> ops(GradientTape tape) {
      Set<String> ops = ops();
      if (!tape.watched_variables().isEmpty()) {
        ops.add("ReadVariableOp");
      }
      return ops;
    }

    Set<String> ops() {
      Set<String> ops = new LinkedHashSet<>();
      for (ILoggingEvent e : new ArrayList<>(appender.list)) {
        Object[] args = e.getArgumentArray();
        if (e.getThreadName().equals(thread) && e.getMessage().startsWith("Executing op")
            && args != null && args.length > 0) {
          ops.add(String.valueOf(args[0]));
        }
      }
      return ops;
    }

    @Override
    public void close() {
      EagerConfig.setLogDevicePlacement(logging);
      logger.setAdditive(additive);
      logger.setLevel(level);
      logger.detachAppender(appender);
    }
  }
}
