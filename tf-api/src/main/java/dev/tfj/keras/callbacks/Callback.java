package dev.tfj.keras.callbacks;

import dev.tfj.keras.Model;
import java.util.Map;

/**
 * {@code keras.callbacks.Callback}: hooks that {@code fit}, {@code evaluate} and {@code predict}
 * call with the logs of the moment (metric name to value, in Keras's order). All do nothing by
 * default; {@link #model} is the model being trained.
 */
public abstract class Callback {
  protected Model model;
  protected Map<String, Object> params = Map.of();

  public void set_model(Model model) {
    this.model = model;
  }

  /** {@code epochs}, {@code steps} (null when unknown) and {@code verbose}. */
  public void set_params(Map<String, Object> params) {
    this.params = params;
  }

  public Model model() {
    return model;
  }

  public void on_train_begin(Map<String, Double> logs) {}

  public void on_train_end(Map<String, Double> logs) {}

  public void on_epoch_begin(int epoch, Map<String, Double> logs) {}

  public void on_epoch_end(int epoch, Map<String, Double> logs) {}

  public void on_train_batch_begin(int batch, Map<String, Double> logs) {}

  public void on_train_batch_end(int batch, Map<String, Double> logs) {}

  public void on_test_begin(Map<String, Double> logs) {}

  public void on_test_end(Map<String, Double> logs) {}

  public void on_test_batch_begin(int batch, Map<String, Double> logs) {}

  public void on_test_batch_end(int batch, Map<String, Double> logs) {}

  public void on_predict_begin(Map<String, Double> logs) {}

  public void on_predict_end(Map<String, Double> logs) {}

  public void on_predict_batch_begin(int batch, Map<String, Double> logs) {}

  public void on_predict_batch_end(int batch, Map<String, Double> logs) {}
}
