package dev.tfj.keras.callbacks;

/** {@code tf.keras.callbacks}. */
public final class Callbacks {
  public Callbacks() {}

  public EarlyStopping EarlyStopping() {
    return new EarlyStopping();
  }

  public EarlyStopping EarlyStopping(String monitor) {
    return new EarlyStopping(monitor);
  }

  public EarlyStopping EarlyStopping(String monitor, double min_delta, int patience) {
    return new EarlyStopping(monitor, min_delta, patience);
  }

  public CSVLogger CSVLogger(String filename) {
    return new CSVLogger(filename);
  }

  public CSVLogger CSVLogger(String filename, String separator, boolean append) {
    return new CSVLogger(filename, separator, append);
  }

  public History History() {
    return new History();
  }

  public ProgbarLogger ProgbarLogger() {
    return new ProgbarLogger();
  }
}
