package dev.tfj.keras;

import dev.tfj.keras.callbacks.Callback;
import java.util.List;
import java.util.Map;

/** Keras's {@code CallbackList}: each hook called on every callback, in order. */
final class CallbackList {
  private final List<Callback> callbacks;

  CallbackList(List<Callback> callbacks, Model model) {
    this.callbacks = List.copyOf(callbacks);
    this.callbacks.forEach(c -> c.set_model(model));
  }

  void setParams(Map<String, Object> params) {
    callbacks.forEach(c -> c.set_params(params));
  }

  void onTrainBegin() {
    callbacks.forEach(c -> c.on_train_begin(Map.of()));
  }

  void onTrainEnd() {
    callbacks.forEach(c -> c.on_train_end(Map.of()));
  }

  void onEpochBegin(int epoch) {
    callbacks.forEach(c -> c.on_epoch_begin(epoch, Map.of()));
  }

  void onEpochEnd(int epoch, Map<String, Double> logs) {
    callbacks.forEach(c -> c.on_epoch_end(epoch, logs));
  }

  void onTrainBatchBegin(int batch) {
    callbacks.forEach(c -> c.on_train_batch_begin(batch, Map.of()));
  }

  void onTrainBatchEnd(int batch, Map<String, Double> logs) {
    callbacks.forEach(c -> c.on_train_batch_end(batch, logs));
  }

  void onTestBegin() {
    callbacks.forEach(c -> c.on_test_begin(Map.of()));
  }

  void onTestEnd(Map<String, Double> logs) {
    callbacks.forEach(c -> c.on_test_end(logs));
  }

  void onTestBatchBegin(int batch) {
    callbacks.forEach(c -> c.on_test_batch_begin(batch, Map.of()));
  }

  void onTestBatchEnd(int batch, Map<String, Double> logs) {
    callbacks.forEach(c -> c.on_test_batch_end(batch, logs));
  }

  void onPredictBegin() {
    callbacks.forEach(c -> c.on_predict_begin(Map.of()));
  }

  void onPredictEnd() {
    callbacks.forEach(c -> c.on_predict_end(Map.of()));
  }

  void onPredictBatchBegin(int batch) {
    callbacks.forEach(c -> c.on_predict_batch_begin(batch, Map.of()));
  }

  void onPredictBatchEnd(int batch) {
    callbacks.forEach(c -> c.on_predict_batch_end(batch, Map.of()));
  }
}
