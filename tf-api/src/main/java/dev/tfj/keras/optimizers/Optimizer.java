package dev.tfj.keras.optimizers;

import dev.tfj.GradientTape;
import dev.tfj.NameScope;
import dev.tfj.Tensor;
import dev.tfj.Variable;
import dev.tfj.errors.ValueError;
import dev.tfj.keras.KerasVariables;
import dev.tfj.keras.initializers.Initializer;
import dev.tfj.keras.initializers.Zeros;
import dev.tfj.keras.optimizers.schedules.LearningRateSchedule;
import dev.tfj.tf;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keras 3's {@code BaseOptimizer}: an int64 {@code iteration} counter and a float32
 * {@code learning_rate} variable (or a schedule of the iterations), slot variables made at the
 * first {@link #apply_gradients} for the variables given then ({@code adam/dense_kernel_momentum:0}),
 * and each step's order: drop missing gradients, clip ({@code clipnorm}, {@code global_clipnorm} or
 * {@code clipvalue}), decay the weights ({@code weight_decay}), update each variable, count the step.
 */
public abstract class Optimizer {
  private static final Logger LOG = LoggerFactory.getLogger(Optimizer.class);

  private final String name;
  private final Variable iterations;
  private Variable learningRateVariable;
  private LearningRateSchedule schedule;
  private Double clipnorm;
  private Double global_clipnorm;
  private Double clipvalue;
  protected Double weight_decay;
  private boolean built;
  private final List<Variable> variables = new ArrayList<>();
  private final Map<Variable, Integer> index = new IdentityHashMap<>();
  private final Map<String, List<Variable>> slots = new LinkedHashMap<>();

  protected Optimizer(Object learning_rate, String name) {
    this.name = name;
    try (NameScope s = tf.name_scope(name)) {
      iterations = tf.Variable(0L, false, "iteration");
      variables.add(iterations);
      if (learning_rate instanceof LearningRateSchedule sch) {
        schedule = sch;
      } else if (learning_rate instanceof Number n) {
        learningRateVariable = tf.Variable(n.doubleValue(), false, "learning_rate", tf.float32);
        variables.add(learningRateVariable);
      } else {
        throw new ValueError("Argument `learning_rate` should be float, or an instance of LearningRateSchedule,"
            + " or a callable (that takes in the current iteration value and returns the corresponding learning"
            + " rate value). Received instead: learning_rate=" + learning_rate);
      }
    }
  }

  public String name() {
    return name;
  }

  /** The number of steps taken (int64). */
  public Variable iterations() {
    return iterations;
  }

  /** The learning rate of the current step: the variable's value, or the schedule at the iterations. */
  public Tensor learning_rate() {
    return schedule != null ? schedule.apply(iterations) : learningRateVariable.value();
  }

  /** {@code optimizer.learning_rate = value}. */
  public void set_learning_rate(double value) {
    if (schedule != null) {
      throw new dev.tfj.errors.TypeError("This optimizer was created with a `LearningRateSchedule` object as its"
          + " `learning_rate` constructor argument, hence its learning rate is not settable. If you need the"
          + " learning rate to be settable, you should instantiate the optimizer with a float"
          + " `learning_rate` argument.");
    }
    learningRateVariable.assign(value);
  }

  // ---- keywords every optimizer takes ----

  @SuppressWarnings("unchecked")
  public <O extends Optimizer> O clipnorm(double clipnorm) {
    this.clipnorm = clipnorm;
    checkOneClip();
    return (O) this;
  }

  @SuppressWarnings("unchecked")
  public <O extends Optimizer> O global_clipnorm(double global_clipnorm) {
    this.global_clipnorm = global_clipnorm;
    checkOneClip();
    return (O) this;
  }

  @SuppressWarnings("unchecked")
  public <O extends Optimizer> O clipvalue(double clipvalue) {
    this.clipvalue = clipvalue;
    checkOneClip();
    return (O) this;
  }

  @SuppressWarnings("unchecked")
  public <O extends Optimizer> O weight_decay(double weight_decay) {
    this.weight_decay = weight_decay;
    return (O) this;
  }

  private void checkOneClip() {
    int set = (clipnorm != null ? 1 : 0) + (global_clipnorm != null ? 1 : 0) + (clipvalue != null ? 1 : 0);
    if (set > 1) {
      throw new ValueError("Only one of `clipnorm`, `clipvalue` and `global_clipnorm` can be set. Received:"
          + " clipnorm=" + text(clipnorm) + ", clipvalue=" + text(clipvalue) + ", global_clipnorm="
          + text(global_clipnorm));
    }
  }

  private static String text(Double d) {
    return d == null ? "None" : dev.tfj.keras.PythonText.repr(d);
  }

  // ---- slots ----

  /** Makes this optimizer's slot variables for {@code var_list} (Keras's {@code build}). */
  protected abstract void build(List<Variable> var_list);

  /**
   * {@code add_variable_from_reference}: a slot shaped like {@code reference}, named after its
   * Keras path ({@code dense/kernel} gives {@code dense_kernel_momentum}) under this optimizer's scope.
   */
  protected final List<Variable> add_optimizer_variables(List<Variable> var_list, String slot, Initializer init) {
    List<Variable> out = new ArrayList<>();
    for (Variable v : var_list) {
      String ref = KerasVariables.isKeras(v) ? KerasVariables.path(v).replace('/', '_')
          : v.name().replace('/', '_').replace(':', '_');
      try (NameScope s = tf.name_scope(name)) {
        long[] shape = v.shape().as_list();
        out.add(tf.Variable(init.apply(shape, v.dtype()), false, ref + "_" + slot, v.dtype()));
      }
    }
    variables.addAll(out);
    slots.put(slot, out);
    return out;
  }

  protected final List<Variable> add_optimizer_variables(List<Variable> var_list, String slot) {
    return add_optimizer_variables(var_list, slot, new Zeros());
  }

  /** The slot {@code slot_name} of {@code var} (Keras's slot names: momentum, velocity, ...). */
  public Variable get_slot(Variable var, String slot_name) {
    List<Variable> list = slots.get(slot_name);
    Integer i = index.get(var);
    if (list == null || i == null) {
      throw new ValueError("No slot '" + slot_name + "' for variable " + var.name());
    }
    return list.get(i);
  }

  public List<String> get_slot_names() {
    return List.copyOf(slots.keySet());
  }

  /** iterations, learning_rate (unless a schedule), then the slots in the order they were made. */
  public List<Variable> variables() {
    return Collections.unmodifiableList(variables);
  }

  /**
   * What a TensorFlow Trackable lists for this optimizer, by Keras's names: {@code iteration},
   * {@code learning_rate}, and each slot under its slot name, keyed by the variable it belongs to
   * (see {@link #get_slot}).
   */
  public Map<String, Object> trackable_children() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("iteration", iterations);
    if (learningRateVariable != null) {
      out.put("learning_rate", learningRateVariable);
    }
    return Collections.unmodifiableMap(out);
  }

  public boolean built() {
    return built;
  }

  // ---- steps ----

  /** {@code apply_gradients(zip(grads, vars))}: a List of (gradient, variable) pairs; returns iterations. */
  public Variable apply_gradients(List<? extends List<?>> grads_and_vars) {
    List<Tensor> grads = new ArrayList<>();
    List<Variable> vars = new ArrayList<>();
    for (List<?> pair : grads_and_vars) {
      grads.add((Tensor) pair.get(0));
      vars.add((Variable) pair.get(1));
    }
    apply(grads, vars);
    return iterations;
  }

  /** {@code apply_gradients(zip(grads, vars))}, Python's zip done here: gradients in the variables' order. */
  public Variable apply_gradients(List<Tensor> grads, List<Variable> vars) {
    apply(grads, vars);
    return iterations;
  }

  /** {@code apply(grads, trainable_variables)}: gradients in the same order as the variables. */
  public void apply(List<Tensor> grads, List<Variable> trainable_variables) {
    if (grads.isEmpty()) {
      return;
    }
    if (!built) {
      for (int i = 0; i < trainable_variables.size(); i++) {
        index.put(trainable_variables.get(i), i);
      }
      build(trainable_variables);
      built = true;
    }
    for (Variable v : trainable_variables) {
      if (!index.containsKey(v)) {
        throw new ValueError("Unknown variable: " + v + ". This optimizer can only be called for the variables it"
            + " was originally built with. When working with a new set of variables, you should recreate a new"
            + " optimizer instance.");
      }
    }
    List<Tensor> g = new ArrayList<>();
    List<Variable> v = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    for (int i = 0; i < grads.size(); i++) {
      if (grads.get(i) == null) {
        missing.add(trainable_variables.get(i).name());
      } else {
        g.add(grads.get(i));
        v.add(trainable_variables.get(i));
      }
    }
    if (g.isEmpty()) {
      throw new ValueError("No gradients provided for any variable.");
    }
    if (!missing.isEmpty()) {
      LOG.warn("Gradients do not exist for variables {} when minimizing the loss. If using `model.compile()`,"
          + " did you forget to provide a `loss` argument?", missing);
    }
    try (NameScope s = tf.name_scope(name)) {
      g = clipGradients(g);
      applyWeightDecay(v);
      Tensor lr = learning_rate();
      for (int i = 0; i < g.size(); i++) {
        Variable var = v.get(i);
        update_step(tf.cast(g.get(i), var.dtype()), var, tf.cast(lr, var.dtype()), index.get(var));
      }
      iterations.assign_add(1L);
    }
  }

  /**
   * {@code minimize(loss, var_list)}: records {@code loss} on a tape, takes its gradients and
   * applies them.
   */
  public Variable minimize(Supplier<Tensor> loss, List<Variable> var_list) {
    GradientTape tape = tf.GradientTape();
    Tensor value;
    try (tape) {
      value = loss.get();
    }
    return minimize(value, var_list, tape);
  }

  /** {@code minimize(loss, var_list, tape)} for a loss the tape recorded. */
  public Variable minimize(Tensor loss, List<Variable> var_list, GradientTape tape) {
    apply(tape.gradient(loss, var_list), var_list);
    return iterations;
  }

  /** One variable's update with its gradient, this step's learning rate and its slot index. */
  protected abstract void update_step(Tensor gradient, Variable variable, Tensor learning_rate, int slot);

  /** The step as a float of the variable's dtype: {@code iterations + 1}. */
  protected final Tensor localStep(Variable variable) {
    return tf.cast(iterations.add(1L), variable.dtype());
  }

  private List<Tensor> clipGradients(List<Tensor> grads) {
    if (clipnorm != null && clipnorm > 0) {
      return grads.stream().map(this::clipByNorm).toList();
    }
    if (global_clipnorm != null && global_clipnorm > 0) {
      List<Tensor> squared = grads.stream().map(x -> tf.reduce_sum(tf.square(x))).toList();
      Tensor norm = tf.sqrt(tf.reduce_sum(tf.stack(squared)));
      Tensor scaleForFinite = tf.multiply(global_clipnorm, tf.minimum(tf.divide(1.0, norm), 1.0 / global_clipnorm));
      Tensor scale = scaleForFinite.add(norm.sub(norm));
      return grads.stream().map(x -> x.mul(scale)).toList();
    }
    if (clipvalue != null && clipvalue > 0) {
      return grads.stream().map(x -> tf.clip_by_value(x, -clipvalue, clipvalue)).toList();
    }
    return grads;
  }

  /** Keras's {@code _clip_by_norm}: {@code g * clipnorm / max(||g||, clipnorm)}, NaN-safe at zero. */
  private Tensor clipByNorm(Tensor values) {
    Tensor l2sum = tf.reduce_sum(tf.square(values), (int[]) null, true);
    Tensor pred = l2sum.gt(0);
    Tensor safe = tf.where(pred, l2sum, tf.ones_like(l2sum));
    Tensor l2norm = tf.where(pred, tf.sqrt(safe), l2sum);
    return tf.multiply(values, clipnorm).div(tf.maximum(l2norm, clipnorm));
  }

  private void applyWeightDecay(List<Variable> vars) {
    if (weight_decay == null) {
      return;
    }
    for (Variable v : vars) {
      Tensor lr = tf.cast(learning_rate(), v.dtype());
      Tensor wd = tf.cast(tf.constant(weight_decay), v.dtype());
      v.assign_sub(v.mul(wd).mul(lr));
    }
  }
}
