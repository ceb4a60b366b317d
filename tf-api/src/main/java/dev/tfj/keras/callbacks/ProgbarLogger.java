package dev.tfj.keras.callbacks;

import dev.tfj.keras.utils.Progbar;
import java.util.Map;

/**
 * {@code keras.callbacks.ProgbarLogger}: {@code Epoch 1/5} (when there is more than one epoch) and
 * a Progbar per epoch (or per evaluate/predict), updated after every batch with the logs so far
 * and finalised with the epoch's logs, validation included. A target unknown in the first epoch
 * is the number of steps seen from then on.
 */
public class ProgbarLogger extends Callback {
  private Progbar progbar;
  private Integer target;
  private int seen;
  private int epochs = 1;
  private boolean verbose = true;
  private Map<String, Double> logs = Map.of();

  @Override
  public void set_params(Map<String, Object> params) {
    super.set_params(params);
    verbose = !Integer.valueOf(0).equals(params.getOrDefault("verbose", 1));
    epochs = (Integer) params.getOrDefault("epochs", 1);
    target = (Integer) params.get("steps");
  }

  private void reset() {
    progbar = null;
    seen = 0;
    logs = Map.of();
  }

  private void maybeInit() {
    if (progbar == null) {
      progbar = new Progbar(target);
    }
  }

  @Override
  public void on_train_begin(Map<String, Double> logs) {
    reset();
  }

  @Override
  public void on_test_begin(Map<String, Double> logs) {
    if (verbose) {
      reset();
      maybeInit();
    }
  }

  @Override
  public void on_predict_begin(Map<String, Double> logs) {
    if (verbose) {
      reset();
      maybeInit();
    }
  }

  @Override
  public void on_epoch_begin(int epoch, Map<String, Double> logs) {
    reset();
    maybeInit();
    if (verbose && epochs > 1) {
      System.out.println("Epoch " + (epoch + 1) + "/" + epochs);
    }
  }

  @Override
  public void on_train_batch_end(int batch, Map<String, Double> logs) {
    update(batch, logs);
  }

  @Override
  public void on_test_batch_end(int batch, Map<String, Double> logs) {
    update(batch, logs);
  }

  @Override
  public void on_predict_batch_end(int batch, Map<String, Double> logs) {
    update(batch, Map.of());
  }

  @Override
  public void on_epoch_end(int epoch, Map<String, Double> logs) {
    finish(logs);
  }

  @Override
  public void on_test_end(Map<String, Double> logs) {
    finish(logs);
  }

  @Override
  public void on_predict_end(Map<String, Double> logs) {
    finish(this.logs);
  }

  private void update(int batch, Map<String, Double> logs) {
    maybeInit();
    this.logs = logs;
    seen = batch + 1;
    if (verbose) {
      progbar.update(seen, Progbar.entries(logs), false);
    }
  }

  private void finish(Map<String, Double> logs) {
    if (!verbose || progbar == null) {
      return;
    }
    Map<String, Double> last = logs == null || logs.isEmpty() ? this.logs : logs;
    if (target == null) {
      target = seen;
      progbar.setTarget(target);
    }
    progbar.update(target, Progbar.entries(last), true);
  }
}
