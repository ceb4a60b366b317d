package dev.tfj.eager;

/** Process-wide settings of TensorFlow's eager context ({@code tf.config}, {@code tf.debugging}). */
public final class EagerConfig {
  private static volatile boolean softDevicePlacement = true;
  private static volatile boolean logDevicePlacement = false;

  private EagerConfig() {}

  public static boolean softDevicePlacement() {
    return softDevicePlacement;
  }

  public static void setSoftDevicePlacement(boolean enabled) {
    softDevicePlacement = enabled;
  }

  public static boolean logDevicePlacement() {
    return logDevicePlacement;
  }

  public static void setLogDevicePlacement(boolean enabled) {
    logDevicePlacement = enabled;
  }
}
