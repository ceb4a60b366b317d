package dev.tfj;

/** TensorFlow's {@code tf.config.PhysicalDevice}; {@code toString()} is its repr. */
public record PhysicalDevice(String name, String device_type) {
  @Override
  public String toString() {
    return "PhysicalDevice(name='" + name + "', device_type='" + device_type + "')";
  }
}
