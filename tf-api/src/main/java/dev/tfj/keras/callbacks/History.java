package dev.tfj.keras.callbacks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code keras.callbacks.History}: what {@code fit} returns; {@code history.history} maps each metric to its per-epoch values. */
public class History extends Callback {
  public final List<Integer> epoch = new ArrayList<>();
  public final Map<String, List<Double>> history = new LinkedHashMap<>();

  @Override
  public void on_train_begin(Map<String, Double> logs) {
    epoch.clear();
  }

  @Override
  public void on_epoch_end(int e, Map<String, Double> logs) {
    epoch.add(e);
    logs.forEach((k, v) -> history.computeIfAbsent(k, key -> new ArrayList<>()).add(v));
  }

  public Map<String, List<Double>> history() {
    return Collections.unmodifiableMap(history);
  }
}
