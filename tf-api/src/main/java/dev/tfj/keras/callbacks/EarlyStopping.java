package dev.tfj.keras.callbacks;

import dev.tfj.Tensor;
import dev.tfj.keras.PythonText;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code keras.callbacks.EarlyStopping(monitor="val_loss", min_delta=0, patience=0, verbose=0,
 * mode="auto", baseline=None, restore_best_weights=False, start_from_epoch=0)}: stops training
 * when the monitored value has not improved by more than {@code min_delta} for {@code patience}
 * epochs, as Keras 3 decides it ("auto" maximises names containing "acc" or "auc").
 */
public class EarlyStopping extends Callback {
  private static final Logger LOG = LoggerFactory.getLogger(EarlyStopping.class);

  private String monitor = "val_loss";
  private double min_delta;
  private int patience;
  private int verbose;
  private String mode = "auto";
  private Double baseline;
  private boolean restore_best_weights;
  private int start_from_epoch;
  private Boolean maximize;
  private int wait;
  private int stopped_epoch;
  private Double best;
  private int best_epoch;
  private List<Tensor> best_weights;

  public EarlyStopping() {}

  public EarlyStopping(String monitor) {
    this.monitor = monitor;
  }

  public EarlyStopping(String monitor, double min_delta, int patience) {
    this.monitor = monitor;
    this.min_delta = Math.abs(min_delta);
    this.patience = patience;
  }

  public EarlyStopping monitor(String monitor) {
    this.monitor = monitor;
    return this;
  }

  public EarlyStopping min_delta(double min_delta) {
    this.min_delta = Math.abs(min_delta);
    return this;
  }

  public EarlyStopping patience(int patience) {
    this.patience = patience;
    return this;
  }

  public EarlyStopping verbose(int verbose) {
    this.verbose = verbose;
    return this;
  }

  /** {@code mode=}: "auto", "min" or "max"; anything else warns and falls back to auto. */
  public EarlyStopping mode(String mode) {
    if (!List.of("auto", "min", "max").contains(mode)) {
      LOG.warn("EarlyStopping mode {} is unknown, fallback to auto mode.", mode);
      mode = "auto";
    }
    this.mode = mode;
    return this;
  }

  public EarlyStopping baseline(double baseline) {
    this.baseline = baseline;
    return this;
  }

  public EarlyStopping restore_best_weights(boolean restore) {
    this.restore_best_weights = restore;
    return this;
  }

  public EarlyStopping start_from_epoch(int start_from_epoch) {
    this.start_from_epoch = start_from_epoch;
    return this;
  }

  public int stopped_epoch() {
    return stopped_epoch;
  }

  @Override
  public void on_train_begin(Map<String, Double> logs) {
    maximize = null;
    wait = 0;
    stopped_epoch = 0;
    best = null;
    best_weights = null;
    best_epoch = 0;
  }

  /**
   * Keras's {@code _set_monitor_op}: min or max as given; for auto, a loss is minimised and a
   * compiled metric goes its own direction (accuracies up, errors down).
   */
  private boolean maximizes() {
    if (!mode.equals("auto")) {
      return mode.equals("max");
    }
    String metric = monitor.startsWith("val_") ? monitor.substring(4) : monitor;
    Boolean up = metric.equals("loss") ? Boolean.FALSE : model.metricDirection(metric);
    if (up == null) {
      throw new dev.tfj.errors.ValueError("EarlyStopping callback received monitor=" + monitor + " but Keras isn't"
          + " able to automatically determine whether that metric should be maximized or minimized. Pass"
          + " `mode='max'` in order to do early stopping based on the highest metric value, or pass"
          + " `mode='min'` in order to use the lowest value.");
    }
    return up;
  }

  private boolean improved(double value, Double reference) {
    if (reference == null) {
      return true;
    }
    return maximize ? value - min_delta > reference : value + min_delta < reference;
  }

  @Override
  public void on_epoch_end(int epoch, Map<String, Double> logs) {
    if (maximize == null) {
      maximize = maximizes();
    }
    Double current = logs.get(monitor);
    if (current == null) {
      LOG.warn("Early stopping conditioned on metric `{}` which is not available. Available metrics are: {}",
          monitor, String.join(",", logs.keySet()));
      return;
    }
    if (epoch < start_from_epoch) {
      return;
    }
    if (restore_best_weights && best_weights == null) {
      best_weights = model.get_weights();
      best_epoch = epoch;
    }
    wait += 1;
    if (improved(current, best)) {
      best = current;
      best_epoch = epoch;
      if (restore_best_weights) {
        best_weights = model.get_weights();
      }
      if (baseline == null || improved(current, baseline)) {
        wait = 0;
      }
      return;
    }
    if (wait >= patience && epoch > 0) {
      stopped_epoch = epoch;
      model.stop_training = true;
    }
  }

  @Override
  public void on_train_end(Map<String, Double> logs) {
    if (stopped_epoch > 0 && verbose > 0) {
      System.out.println("Epoch " + (stopped_epoch + 1) + ": early stopping");
    }
    if (restore_best_weights && best_weights != null) {
      if (verbose > 0) {
        System.out.println("Restoring model weights from the end of the best epoch: " + (best_epoch + 1) + ".");
      }
      model.set_weights(best_weights);
    }
  }

  /** The best value seen, as Python prints it. */
  public String best() {
    return best == null ? "None" : PythonText.repr(best);
  }
}
