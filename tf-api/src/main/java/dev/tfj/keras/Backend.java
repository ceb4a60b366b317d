package dev.tfj.keras;

import java.util.HashMap;
import java.util.Map;

/**
 * {@code tf.keras.backend}: the float type, the fuzz factor, and the per-prefix counters that make
 * object names unique ({@code dense}, {@code dense_1}, ...), which {@link #clear_session} resets.
 */
public final class Backend {
  Backend() {}

  private static final Map<String, Integer> UIDS = new HashMap<>();

  public String floatx() {
    return "float32";
  }

  /** Keras's {@code backend.epsilon()}, 1e-7. */
  public double epsilon() {
    return 1e-7;
  }

  /** Resets the name counters, as Keras's {@code clear_session} does. */
  public void clear_session() {
    synchronized (UIDS) {
      UIDS.clear();
    }
  }

  /**
   * Keras's {@code uniquify}: the name itself the first time, then {@code name_1},
   * {@code name_2}, ...
   */
  public static String uniquify(String name) {
    synchronized (UIDS) {
      int uid = UIDS.getOrDefault(name, 0);
      UIDS.put(name, uid + 1);
      return uid == 0 ? name : name + "_" + uid;
    }
  }

  /**
   * Gives back an automatic name when the object is renamed right after construction (the fluent
   * {@code Dense(10).name("out")}), so the counter stands where Keras's {@code name=} keyword
   * leaves it. A name issued before a later one is kept, as its counter has moved on.
   */
  public static void release(String name, String issued) {
    synchronized (UIDS) {
      int uid = UIDS.getOrDefault(name, 0);
      String last = uid <= 1 ? name : name + "_" + (uid - 1);
      if (uid > 0 && last.equals(issued)) {
        UIDS.put(name, uid - 1);
      }
    }
  }

  /** Keras's {@code to_snake_case}: {@code BatchNormalization} is {@code batch_normalization}. */
  public static String to_snake_case(String name) {
    String s = name.replaceAll("\\W+", "");
    s = s.replaceAll("(.)([A-Z][a-z]+)", "$1_$2");
    return s.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
  }
}
