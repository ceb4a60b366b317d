package dev.tfj;

/** TensorFlow's {@code tf.config.LogicalDevice}; {@code toString()} is its repr. */
public record LogicalDevice(String name, String device_type) {
  @Override
  public String toString() {
    return "LogicalDevice(name='" + name + "', device_type='" + device_type + "')";
  }
}
