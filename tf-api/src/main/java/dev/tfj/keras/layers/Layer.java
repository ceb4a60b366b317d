package dev.tfj.keras.layers;

import dev.tfj.Module;
import dev.tfj.NameScope;
import dev.tfj.Scope;
import dev.tfj.Tensor;
import dev.tfj.Variable;
import dev.tfj.errors.NotImplementedError;
import dev.tfj.errors.ValueError;
import dev.tfj.keras.Backend;
import dev.tfj.keras.ShapeText;
import dev.tfj.keras.initializers.Initializer;
import dev.tfj.keras.regularizers.Regularizer;
import dev.tfj.ops.DType;
import dev.tfj.tf;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code keras.layers.Layer}, Keras 3's semantics on TFJ's eager ops. Python's {@code layer(x)}
 * is {@link #apply}: it converts the input to the layer's dtype, checks {@code input_spec}, builds
 * the layer at its first call (its weights named under its scope, {@code dense/kernel:0}, itself
 * under the scope of the layer or model calling it), resolves {@code training} (the call's own,
 * else the outer call's, else false) and runs {@link #call}.
 *
 * <p>A layer's weights are its own, in creation order, then its sublayers' (the Layer fields of a
 * subclass, in declaration order, as Keras tracks attributes in assignment order). Keyword
 * arguments are fluent methods named as Keras names them: {@code Dense(10).use_bias(false)}.
 */
public abstract class Layer extends Module {
  private static final ThreadLocal<Deque<Layer>> OPEN_SCOPES = ThreadLocal.withInitial(ArrayDeque::new);
  private static final ThreadLocal<Deque<Boolean>> TRAINING = ThreadLocal.withInitial(ArrayDeque::new);

  private transient final String autoName;
  private transient final List<Variable> ownWeights = new ArrayList<>();
  private transient final Map<Variable, Regularizer> regularizers = new IdentityHashMap<>();
  private transient final List<Tensor> addedLosses = new ArrayList<>();
  protected transient InputSpec input_spec;
  private transient boolean built;
  private transient boolean trainable = true;
  private transient DType dtype = DType.FLOAT32;
  private transient long[] buildShape;
  private transient long[] symbolicOutputShape;
  private transient long[] lastOutputShape;

  protected Layer() {
    this.autoName = name();
  }

  @Override
  protected String defaultName() {
    return Backend.uniquify(Backend.to_snake_case(getClass().getSimpleName().isEmpty()
        ? "Layer" : getClass().getSimpleName()));
  }

  // ---- keyword arguments every layer takes ----

  /**
   * {@code name=}: the layer's name (no {@code /}). Renaming right after construction gives
   * the automatic name back, as Keras never made it. Returns this layer, typed as the caller wants.
   */
  @SuppressWarnings("unchecked")
  public <L extends Layer> L name(String name) {
    if (name == null || name.contains("/")) {
      throw new ValueError("Argument `name` must be a string and cannot contain character `/`. Received: name="
          + (name == null ? "None (of type <class 'NoneType'>)" : name + " (of type <class 'str'>)"));
    }
    if (name().equals(autoName) && !name.equals(autoName)) {
      Backend.release(Backend.to_snake_case(getClass().getSimpleName()), autoName);
    }
    setName(name, false);
    return (L) this;
  }

  /** {@code trainable=}: a frozen layer's weights, its sublayers' included, are all non-trainable. */
  @SuppressWarnings("unchecked")
  public <L extends Layer> L trainable(boolean trainable) {
    this.trainable = trainable;
    for (Layer layer : sublayers()) {
      layer.trainable(trainable);
    }
    return (L) this;
  }

  /** {@code dtype=}: the dtype of the weights and of the computation (float32 by default). */
  @SuppressWarnings("unchecked")
  public <L extends Layer> L dtype(DType dtype) {
    this.dtype = dtype;
    return (L) this;
  }

  public boolean trainable() {
    return trainable;
  }

  public DType dtype() {
    return dtype;
  }

  public boolean built() {
    return built;
  }

  // ---- calling ----

  public Tensor apply(Object inputs) {
    return apply(inputs, null);
  }

  /** {@code layer(inputs, training=training)}; a List is several inputs (Add, Concatenate). */
  public Tensor apply(Object inputs, Boolean training) {
    Object x = inputs instanceof List<?> list ? list.stream().map(this::convert).toList() : convert(inputs);
    List<Tensor> all = x instanceof List<?> list ? castList(list) : List.of((Tensor) x);
    if (input_spec != null) {
      for (int i = 0; i < all.size(); i++) {
        input_spec.check(all.get(i), i, name());
      }
    }
    try (Scope s = openScope()) {
      maybeBuild(x);
    }
    Deque<Boolean> context = TRAINING.get();
    if (context.isEmpty()) {
      clearLosses();
    }
    Boolean resolved = training != null ? training : context.peek();
    context.push(resolved == null ? Boolean.FALSE : resolved);
    Tensor out;
    try (Scope s = openScope()) {
      boolean t = context.peek();
      out = x instanceof List<?> ? call(all, t) : call((Tensor) x, t);
    } finally {
      context.pop();
    }
    built = true;
    lastOutputShape = out.shape().as_list();
    return out;
  }

  @SuppressWarnings("unchecked")
  private static List<Tensor> castList(List<?> list) {
    return (List<Tensor>) list;
  }

  /** Arrays become tensors; floating inputs are cast to the layer's dtype (Keras's autocast). */
  private Tensor convert(Object x) {
    if (x == null) {
      throw new ValueError("Inputs to a layer should be tensors. Got 'None' (of type <class 'NoneType'>) as input"
          + " for layer '" + name() + "'.");
    }
    Tensor t = x instanceof Tensor tensor ? tensor : tf.constant(x);
    return t.dtype().is_floating() && t.dtype() != dtype ? tf.cast(t, dtype) : t;
  }

  /**
   * Builds the layer for inputs of {@code input_shape} (-1 for an unknown size) under its name
   * scope if it is not built yet, as its first call would; what a model's symbolic build does.
   */
  public void maybe_build(long[] input_shape) {
    if (!built) {
      try (Scope s = openScope()) {
        build(input_shape);
      }
      markBuilt(input_shape);
    }
  }

  private void maybeBuild(Object x) {
    if (built) {
      return;
    }
    if (x instanceof List<?> list) {
      List<long[]> shapes = new ArrayList<>();
      castList(list).forEach(t -> shapes.add(t.shape().as_list()));
      build(shapes);
      markBuilt(shapes.get(0));
    } else {
      build(((Tensor) x).shape().as_list());
      markBuilt(((Tensor) x).shape().as_list());
    }
  }

  private void markBuilt(long[] input_shape) {
    built = true;
    if (buildShape == null) {
      buildShape = input_shape.clone();
    }
  }

  /** Keras's layer name scope: entered once however often the layer re-enters it. */
  protected final Scope openScope() {
    Deque<Layer> open = OPEN_SCOPES.get();
    if (open.peek() == this) {
      return () -> {};
    }
    NameScope scope = tf.name_scope(name());
    open.push(this);
    return () -> {
      open.pop();
      scope.close();
    };
  }

  /** The forward pass; {@code training} is resolved. By default, {@link #call(Tensor)}. */
  protected Tensor call(Tensor inputs, boolean training) {
    return call(inputs);
  }

  protected Tensor call(Tensor inputs) {
    throw new NotImplementedError("Layer " + getClass().getSimpleName() + " does not have a `call()` method"
        + " implemented.");
  }

  /** Several inputs; a single-input layer takes a List of one. */
  protected Tensor call(List<Tensor> inputs, boolean training) {
    if (inputs.size() != 1) {
      throw new ValueError("Layer \"" + name() + "\" expects 1 input(s), but it received " + inputs.size()
          + " input tensors.");
    }
    return call(inputs.get(0), training);
  }

  /**
   * Creates the weights for inputs of {@code input_shape}; overrides end with
   * {@code super.build(input_shape)}, which marks the layer built, as Keras 2's did.
   */
  public void build(long[] input_shape) {
    buildShape = input_shape.clone();
    built = true;
  }

  /** Several inputs' shapes; by default the first's. */
  public void build(List<long[]> input_shapes) {
    build(input_shapes.get(0));
  }

  /**
   * The output shape for {@code input_shape} (-1 for None). Layers that know it override this;
   * by default it is the shape of the last output, or null if the layer never ran.
   */
  public long[] compute_output_shape(long[] input_shape) {
    return lastOutputShape;
  }

  /** Where a model's symbolic build put this layer's output shape, for {@code summary()}. */
  public void setSymbolicOutputShape(long[] shape) {
    symbolicOutputShape = shape;
  }

  /** The Output Shape column of {@code summary()}: {@code ?} until the layer is built. */
  public String outputShapeText() {
    if (symbolicOutputShape != null) {
      return ShapeText.str(symbolicOutputShape);
    }
    if (!built || buildShape == null) {
      return lastOutputShape == null ? "?" : ShapeText.str(lastOutputShape);
    }
    long[] shape = compute_output_shape(buildShape);
    return shape == null ? "?" : ShapeText.str(shape);
  }

  // ---- weights ----

  /** {@code add_weight(shape, initializer, ..., name)}: a variable under this layer's scope. */
  public Variable add_weight(String name, long[] shape, Initializer initializer, Regularizer regularizer,
      boolean trainable) {
    Variable v;
    try (Scope s = openScope()) {
      v = tf.Variable(initializer.apply(shape, dtype), trainable, name, dtype);
      dev.tfj.keras.KerasVariables.register(v);
    }
    ownWeights.add(v);
    if (regularizer != null) {
      regularizers.put(v, regularizer);
    }
    return v;
  }

  /** The layers inside this one: Layer fields (and Collections of them), in declaration order. */
  public List<Layer> sublayers() {
    List<Layer> out = new ArrayList<>();
    for (Object value : attributes().values()) {
      collectLayers(value, out);
    }
    return out;
  }

  private static void collectLayers(Object value, List<Layer> out) {
    if (value instanceof Layer layer) {
      out.add(layer);
    } else if (value instanceof Collection<?> c) {
      c.forEach(v -> collectLayers(v, out));
    } else if (value instanceof Map<?, ?> m) {
      m.values().forEach(v -> collectLayers(v, out));
    } else if (value instanceof Object[] array) {
      for (Object v : array) {
        collectLayers(v, out);
      }
    }
  }

  /** Own weights, then the sublayers', each once. */
  public List<Variable> weights() {
    Set<Variable> out = Collections.newSetFromMap(new IdentityHashMap<>());
    List<Variable> ordered = new ArrayList<>();
    collectWeights(ordered, out);
    return Collections.unmodifiableList(ordered);
  }

  private void collectWeights(List<Variable> ordered, Set<Variable> seen) {
    for (Variable v : ownWeights) {
      if (seen.add(v)) {
        ordered.add(v);
      }
    }
    for (Layer layer : sublayers()) {
      layer.collectWeights(ordered, seen);
    }
  }

  /** Own trainable weights, then the sublayers'; none when this layer is frozen. */
  public List<Variable> trainable_weights() {
    return trainable ? partOfWeights(true) : List.of();
  }

  public List<Variable> non_trainable_weights() {
    return trainable ? partOfWeights(false) : weights();
  }

  private List<Variable> partOfWeights(boolean trainables) {
    Set<Variable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    List<Variable> out = new ArrayList<>();
    for (Variable v : ownWeights) {
      if (v.trainable() == trainables && seen.add(v)) {
        out.add(v);
      }
    }
    for (Layer layer : sublayers()) {
      for (Variable v : trainables ? layer.trainable_weights() : layer.non_trainable_weights()) {
        if (seen.add(v)) {
          out.add(v);
        }
      }
    }
    return Collections.unmodifiableList(out);
  }

  @Override
  public List<Variable> variables() {
    return weights();
  }

  @Override
  public List<Variable> trainable_variables() {
    return trainable_weights();
  }

  @Override
  public List<Variable> non_trainable_variables() {
    return non_trainable_weights();
  }

  /** The weights' values, as Keras's {@code get_weights()} returns them (copies). */
  public List<Tensor> get_weights() {
    return weights().stream().map(v -> tf.identity(v.value())).toList();
  }

  /** Assigns each weight, in {@link #weights} order; lengths and shapes must match. */
  public void set_weights(List<?> weights) {
    List<Variable> mine = weights();
    if (weights.size() != mine.size()) {
      throw new ValueError("You called `set_weights(weights)` on layer '" + name() + "' with a weight list of"
          + " length " + weights.size() + ", but the layer was expecting " + mine.size() + " weights.");
    }
    List<Tensor> values = new ArrayList<>();
    for (int i = 0; i < mine.size(); i++) {
      Object w = weights.get(i);
      Tensor value = w instanceof Tensor t ? t : tf.constant(w, mine.get(i).dtype());
      if (!value.shape().equals(mine.get(i).shape())) {
        throw new ValueError("Layer " + name() + " weight shape " + ShapeText.str(mine.get(i).shape().as_list())
            + " is not compatible with provided weight shape " + ShapeText.str(value.shape().as_list()) + ".");
      }
      values.add(value);
    }
    for (int i = 0; i < mine.size(); i++) {
      mine.get(i).assign(values.get(i));
    }
  }

  /** The number of weights' elements; the layer must be built. */
  public long count_params() {
    if (!built) {
      throw new ValueError("You tried to call `count_params` on layer '" + name() + "', but the layer isn't"
          + " built. You can build it manually via: `layer.build(input_shape)`.");
    }
    return weights().stream().mapToLong(v -> v.shape().num_elements()).sum();
  }

  // ---- losses ----

  /** {@code add_loss(loss)}: kept until the next outermost call. */
  public void add_loss(Tensor loss) {
    addedLosses.add(loss);
  }

  /** Losses from {@code add_loss} (this layer's and its sublayers'), then the weight regularizers'. */
  public List<Tensor> losses() {
    List<Tensor> out = new ArrayList<>();
    Set<Layer> all = new LinkedHashSet<>();
    collectLayers(this, all);
    all.forEach(layer -> out.addAll(layer.addedLosses));
    for (Variable v : trainable_weights()) {
      for (Layer layer : all) {
        Regularizer r = layer.regularizers.get(v);
        if (r != null) {
          out.add(r.apply(v));
        }
      }
    }
    return out;
  }

  private static void collectLayers(Layer layer, Set<Layer> into) {
    if (into.add(layer)) {
      layer.sublayers().forEach(l -> collectLayers(l, into));
    }
  }

  private void clearLosses() {
    Set<Layer> all = new LinkedHashSet<>();
    collectLayers(this, all);
    all.forEach(layer -> layer.addedLosses.clear());
  }

  @Override
  public String toString() {
    return "<" + getClass().getSimpleName() + " name=" + name() + ", built=" + (built ? "True" : "False") + ">";
  }
}
