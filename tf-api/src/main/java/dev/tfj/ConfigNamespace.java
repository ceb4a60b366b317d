package dev.tfj;

import dev.tfj.devices.Device;
import dev.tfj.devices.Devices;
import dev.tfj.eager.EagerConfig;
import java.util.List;
import java.util.function.Function;

/**
 * {@code tf.config}: the devices of this process and the placement settings. A device type
 * filters by exact match, as in TensorFlow ({@code "cpu"} finds nothing).
 */
public final class ConfigNamespace {
  ConfigNamespace() {}

  /** {@code [PhysicalDevice(name='/physical_device:CPU:0', device_type='CPU')]}. */
  public List<PhysicalDevice> list_physical_devices() {
    return list_physical_devices(null);
  }

  public List<PhysicalDevice> list_physical_devices(String device_type) {
    return devices(device_type, ConfigNamespace::physical);
  }

  /** Every device is visible: TFJ has no {@code set_visible_devices}. */
  public List<PhysicalDevice> get_visible_devices() {
    return list_physical_devices(null);
  }

  public List<PhysicalDevice> get_visible_devices(String device_type) {
    return list_physical_devices(device_type);
  }

  /** {@code [LogicalDevice(name='/device:CPU:0', device_type='CPU')]}. */
  public List<LogicalDevice> list_logical_devices() {
    return list_logical_devices(null);
  }

  public List<LogicalDevice> list_logical_devices(String device_type) {
    return devices(device_type,
        d -> new LogicalDevice("/device:" + d.deviceType() + ":" + d.index(), d.deviceType()));
  }

  /** On by default: an op asked for a device that cannot run it runs where it can. */
  public void set_soft_device_placement(boolean enabled) {
    EagerConfig.setSoftDevicePlacement(enabled);
  }

  public boolean get_soft_device_placement() {
    return EagerConfig.softDevicePlacement();
  }

  private static PhysicalDevice physical(Device d) {
    return new PhysicalDevice("/physical_device:" + d.deviceType() + ":" + d.index(), d.deviceType());
  }

  private static <T> List<T> devices(String deviceType, Function<Device, T> describe) {
    return Devices.all().stream()
        .filter(d -> deviceType == null || d.deviceType().equals(deviceType))
        .map(describe).toList();
  }
}
