package dev.tfj;

import dev.tfj.eager.EagerConfig;

/**
 * {@code tf.debugging}. With device placement logging on, every executed op logs TensorFlow's line
 * {@code Executing op MatMul in device /job:localhost/replica:0/task:0/device:CPU:0} at INFO on
 * the slf4j logger {@code dev.tfj.eager.Eager} (TensorFlow prints it from its C++ runtime at INFO,
 * apart from its Python warnings, which TFJ logs on {@code tensorflow}).
 */
public final class DebuggingNamespace {
  DebuggingNamespace() {}

  public void set_log_device_placement(boolean enabled) {
    EagerConfig.setLogDevicePlacement(enabled);
  }

  public boolean get_log_device_placement() {
    return EagerConfig.logDevicePlacement();
  }
}
