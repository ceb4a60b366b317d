package dev.tfj.keras;

import dev.tfj.GradientTape;
import dev.tfj.Tensor;
import dev.tfj.Variable;
import dev.tfj.data.Dataset;
import dev.tfj.errors.ValueError;
import dev.tfj.keras.callbacks.Callback;
import dev.tfj.keras.callbacks.History;
import dev.tfj.keras.callbacks.ProgbarLogger;
import dev.tfj.keras.layers.Layer;
import dev.tfj.keras.losses.Loss;
import dev.tfj.keras.losses.Losses;
import dev.tfj.keras.metrics.Mean;
import dev.tfj.keras.metrics.Metric;
import dev.tfj.keras.metrics.Metrics;
import dev.tfj.keras.optimizers.Optimizer;
import dev.tfj.keras.optimizers.Optimizers;
import dev.tfj.tf;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * {@code tf.keras.Model}, subclassed as in Keras: override {@code call(x, training)} and keep the
 * layers in fields. {@code compile}, {@code fit}, {@code evaluate} and {@code predict} follow
 * Keras 3's trainer: per step the forward pass under a tape, the compiled loss plus the layers'
 * losses (regularizers), the optimizer's step over {@code trainable_variables}, a loss tracker
 * weighted by batch size and the compiled metrics, reported in sorted order; per epoch the
 * metrics reset, the validation pass ({@code val_} logs) and the callbacks, with Keras's
 * progress bar (verbose 1) and a {@link History} returned.
 */
public class Model extends Layer {
  /** Set by a callback (EarlyStopping) to end {@code fit} after the current epoch. */
  public transient boolean stop_training;
  public transient History history;
  private transient Optimizer optimizer;
  private transient Loss loss;
  private transient List<Object> metricSpecs = List.of();
  private transient List<Metric> compiledMetrics;
  private transient Mean lossTracker;
  private transient boolean compiled;

  protected Model() {}

  // ---- compile ----

  public void compile(Object optimizer, Object loss) {
    compile(optimizer, loss, List.of());
  }

  /**
   * {@code compile(optimizer, loss, metrics)}: an Optimizer or its name ({@code "adam"}), a Loss
   * or its name ({@code "sparse_categorical_crossentropy"}), and metrics as Metric objects or names
   * ({@code "accuracy"} chooses its kind from the first batch's shapes, as Keras does).
   */
  public void compile(Object optimizer, Object loss, List<?> metrics) {
    this.optimizer = optimizer instanceof Optimizer o ? o : Optimizers.get((String) optimizer);
    this.loss = loss == null ? null : loss instanceof Loss l ? l : Losses.get((String) loss);
    this.metricSpecs = List.copyOf(metrics);
    this.compiledMetrics = null;
    this.lossTracker = new Mean("loss");
    this.compiled = true;
  }

  public Optimizer optimizer() {
    return optimizer;
  }

  public boolean compiled() {
    return compiled;
  }

  private void requireCompiled() {
    if (!compiled) {
      throw new dev.tfj.errors.RuntimeError("You must call `compile()` before using the model.");
    }
  }

  /** The layers: those in fields, in declaration order (Sequential: in its order). */
  public List<Layer> layers() {
    return sublayers();
  }

  /** Whether a compiled metric grows as the model improves (accuracies) or falls (errors); null if unknown. */
  public Boolean metricDirection(String name) {
    for (Object spec : metricSpecs) {
      String n = spec instanceof Metric m ? m.name() : String.valueOf(spec);
      if (n.equals(name)) {
        return n.contains("acc") || n.contains("auc");
      }
    }
    return null;
  }

  // ---- one step ----

  private Tensor computeLoss(Tensor y, Tensor yPred, Tensor sampleWeight) {
    List<Tensor> losses = new ArrayList<>();
    if (loss != null) {
      losses.add(loss.apply(y, yPred, sampleWeight));
    }
    for (Tensor extra : losses()) {
      losses.add(tf.reduce_sum(tf.cast(extra, tf.float32)));
    }
    if (losses.isEmpty()) {
      throw new ValueError("No loss to compute. Provide a `loss` argument in `compile()`.");
    }
    return losses.size() == 1 ? losses.get(0) : tf.reduce_sum(tf.stack(losses));
  }

  private void updateMetrics(Tensor y, Tensor yPred, Tensor sampleWeight) {
    if (compiledMetrics == null) {
      compiledMetrics = new ArrayList<>();
      for (Object spec : metricSpecs) {
        compiledMetrics.add(spec instanceof Metric m ? m : Metrics.get((String) spec, y, yPred));
      }
    }
    for (Metric m : compiledMetrics) {
      m.update_state(y, yPred, sampleWeight);
    }
  }

  /** The loss and the compiled metrics' results, sorted by name, as Keras's {@code pythonify_logs}. */
  private Map<String, Double> metricsResult() {
    Map<String, Double> out = new TreeMap<>();
    out.put("loss", lossTracker.result().doubleValue());
    if (compiledMetrics != null) {
      for (Metric m : compiledMetrics) {
        out.put(m.name(), m.result().doubleValue());
      }
    }
    return Collections.unmodifiableMap(new LinkedHashMap<>(out));
  }

  private void resetMetrics() {
    lossTracker.reset_state();
    if (compiledMetrics != null) {
      compiledMetrics.forEach(Metric::reset_state);
    }
  }

  /** {@code train_on_batch}-style step: forward and loss under a tape, then the optimizer's step. */
  private Map<String, Double> trainStep(Batches.Batch batch) {
    GradientTape tape = tf.GradientTape();
    Tensor yPred;
    Tensor value;
    try (tape) {
      yPred = apply(batch.x(), true);
      value = computeLoss(batch.y(), yPred, batch.sampleWeight());
    }
    lossTracker.update_state(value, batch.size());
    List<Variable> weights = trainable_variables();
    if (weights.isEmpty()) {
      org.slf4j.LoggerFactory.getLogger(Model.class).warn("The model does not have any trainable weights.");
    } else {
      optimizer.apply(tape.gradient(value, weights), weights);
    }
    updateMetrics(batch.y(), yPred, batch.sampleWeight());
    return metricsResult();
  }

  private Map<String, Double> testStep(Batches.Batch batch) {
    Tensor yPred = apply(batch.x(), false);
    Tensor value = computeLoss(batch.y(), yPred, batch.sampleWeight());
    lossTracker.update_state(value, batch.size());
    updateMetrics(batch.y(), yPred, batch.sampleWeight());
    return metricsResult();
  }

  // ---- fit ----

  public History fit(Object x, Object y) {
    return fit(x, y, null, 1, null, List.of(), 1);
  }

  public History fit(Object x, Object y, Integer batch_size, int epochs) {
    return fit(x, y, batch_size, epochs, null, List.of(), 1);
  }

  public History fit(Object x, Object y, Integer batch_size, int epochs, List<?> validation_data) {
    return fit(x, y, batch_size, epochs, validation_data, List.of(), 1);
  }

  public History fit(Object x, Object y, Integer batch_size, int epochs, List<?> validation_data,
      List<? extends Callback> callbacks) {
    return fit(x, y, batch_size, epochs, validation_data, callbacks, 1);
  }

  /**
   * {@code fit(x, y, batch_size=32, epochs, validation_data=(x_val, y_val), callbacks, verbose)}:
   * the samples shuffled each epoch (tf.random.shuffle of the indices, as Keras's array adapter
   * does) and cut into batches, the last one partial.
   */
  public History fit(Object x, Object y, Integer batch_size, int epochs, List<?> validation_data,
      List<? extends Callback> callbacks, int verbose) {
    Batches train = Batches.ofArrays(x, y, null, batch_size, true);
    return fitBatches(train, epochs, validationBatches(validation_data, batch_size), callbacks, verbose);
  }

  public History fit(Dataset dataset, int epochs) {
    return fit(dataset, epochs, null, List.of(), 1);
  }

  public History fit(Dataset dataset, int epochs, Object validation_data) {
    return fit(dataset, epochs, validation_data, List.of(), 1);
  }

  public History fit(Dataset dataset, int epochs, Object validation_data, List<? extends Callback> callbacks) {
    return fit(dataset, epochs, validation_data, callbacks, 1);
  }

  /** {@code fit(dataset, epochs, validation_data, callbacks, verbose)}: a Dataset of (x, y) batches. */
  public History fit(Dataset dataset, int epochs, Object validation_data, List<? extends Callback> callbacks,
      int verbose) {
    return fitBatches(Batches.ofDataset(dataset), epochs, validationBatches(validation_data, null), callbacks,
        verbose);
  }

  private static Batches validationBatches(Object validation_data, Integer batchSize) {
    if (validation_data == null) {
      return null;
    }
    if (validation_data instanceof Dataset d) {
      return Batches.ofDataset(d);
    }
    List<?> pair = (List<?>) validation_data;
    if (pair.size() < 2 || pair.size() > 3) {
      throw new ValueError("When passing `validation_data`, it must contain either 2 items (x_val, y_val), or 3"
          + " items (x_val, y_val, val_sample_weights). Received: validation_data=" + validation_data);
    }
    return Batches.ofArrays(pair.get(0), pair.get(1), pair.size() == 3 ? pair.get(2) : null, batchSize, false);
  }

  private CallbackList callbacks(List<? extends Callback> given, int verbose, int epochs, Integer steps,
      boolean addHistory) {
    List<Callback> all = new ArrayList<>(given);
    if (verbose != 0 && all.stream().noneMatch(c -> c instanceof ProgbarLogger)) {
      all.add(new ProgbarLogger());
    }
    if (addHistory) {
      history = new History();
      all.add(history);
    }
    CallbackList list = new CallbackList(all, this);
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("epochs", epochs);
    params.put("steps", steps);
    params.put("verbose", verbose);
    list.setParams(params);
    return list;
  }

  private History fitBatches(Batches train, int epochs, Batches validation, List<? extends Callback> given,
      int verbose) {
    requireCompiled();
    CallbackList cbs = callbacks(given, verbose, epochs, train.steps(), true);
    stop_training = false;
    cbs.onTrainBegin();
    for (int epoch = 0; epoch < epochs; epoch++) {
      resetMetrics();
      cbs.onEpochBegin(epoch);
      Map<String, Double> logs = Map.of();
      int step = 0;
      for (Batches.Batch batch : train.epoch()) {
        buildForBatch(batch);
        cbs.onTrainBatchBegin(step);
        logs = trainStep(batch);
        cbs.onTrainBatchEnd(step, logs);
        step++;
      }
      Map<String, Double> epochLogs = new LinkedHashMap<>(logs);
      if (validation != null) {
        evaluateBatches(validation, List.of(), 0).forEach((k, v) -> epochLogs.put("val_" + k, v));
      }
      cbs.onEpochEnd(epoch, Collections.unmodifiableMap(epochLogs));
      if (stop_training) {
        break;
      }
    }
    cbs.onTrainEnd();
    return history;
  }

  /** Keras's symbolic build before the first step: the batch's shape with the batch size unknown. */
  private void buildForBatch(Batches.Batch batch) {
    if (!built()) {
      long[] shape = batch.x().shape().as_list();
      shape[0] = -1;
      maybe_build(shape);
    }
  }

  // ---- evaluate and predict ----

  public List<Double> evaluate(Object x, Object y) {
    return evaluate(x, y, null, 1);
  }

  /** {@code evaluate(x, y, batch_size, verbose)}: the loss, then each compiled metric, in compile order. */
  public List<Double> evaluate(Object x, Object y, Integer batch_size, int verbose) {
    return inOrder(evaluateBatches(Batches.ofArrays(x, y, null, batch_size, false), List.of(), verbose));
  }

  public List<Double> evaluate(Dataset dataset) {
    return evaluate(dataset, 1);
  }

  public List<Double> evaluate(Dataset dataset, int verbose) {
    return inOrder(evaluateBatches(Batches.ofDataset(dataset), List.of(), verbose));
  }

  private List<Double> inOrder(Map<String, Double> logs) {
    List<Double> out = new ArrayList<>();
    out.add(logs.get("loss"));
    for (Metric m : compiledMetrics == null ? List.<Metric>of() : compiledMetrics) {
      out.add(logs.get(m.name()));
    }
    return out;
  }

  private Map<String, Double> evaluateBatches(Batches data, List<? extends Callback> given, int verbose) {
    requireCompiled();
    CallbackList cbs = callbacks(given, verbose, 1, data.steps(), false);
    resetMetrics();
    cbs.onTestBegin();
    Map<String, Double> logs = Map.of();
    int step = 0;
    for (Batches.Batch batch : data.epoch()) {
      cbs.onTestBatchBegin(step);
      logs = testStep(batch);
      cbs.onTestBatchEnd(step, logs);
      step++;
    }
    cbs.onTestEnd(logs);
    return logs;
  }

  public Tensor predict(Object x) {
    return predict(x, null, 1);
  }

  /** {@code predict(x, batch_size=32, verbose)}: the outputs of every batch, in inference mode, joined. */
  public Tensor predict(Object x, Integer batch_size, int verbose) {
    return predictBatches(Batches.ofArrays(x, null, null, batch_size, false), verbose);
  }

  public Tensor predict(Dataset dataset) {
    return predictBatches(Batches.ofDataset(dataset), 1);
  }

  private Tensor predictBatches(Batches data, int verbose) {
    CallbackList cbs = callbacks(List.of(), verbose, 1, data.steps(), false);
    cbs.onPredictBegin();
    List<Tensor> outputs = new ArrayList<>();
    int step = 0;
    for (Batches.Batch batch : data.epoch()) {
      cbs.onPredictBatchBegin(step);
      outputs.add(apply(batch.x(), false));
      cbs.onPredictBatchEnd(step);
      step++;
    }
    cbs.onPredictEnd();
    return outputs.size() == 1 ? outputs.get(0) : tf.concat(outputs, 0);
  }

  // ---- summary ----

  public void summary() {
    summary(null, System.out::print);
  }

  public void summary(int line_length) {
    summary(line_length, System.out::print);
  }

  /** {@code summary(line_length, print_fn)}: the table Keras 3 prints, as text. */
  public void summary(Integer line_length, Consumer<String> print_fn) {
    print_fn.accept(Summary.of(this, line_length));
  }

  /** The optimizer's variables count in the summary once it has made them. */
  List<Variable> optimizerVariables() {
    return compiled && optimizer.built() ? optimizer.variables() : List.of();
  }

  /** A subclassed model's checkpoint children: its attributes, as TensorFlow tracks them, and the optimizer. */
  @Override
  public Map<String, Object> trackable_children() {
    Map<String, Object> out = new LinkedHashMap<>(super.trackable_children());
    if (compiled) {
      out.put("optimizer", optimizer);
    }
    return Collections.unmodifiableMap(out);
  }
}
