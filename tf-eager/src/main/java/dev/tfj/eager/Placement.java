package dev.tfj.eager;

import dev.tfj.devices.Device;
import dev.tfj.devices.DeviceSpec;
import dev.tfj.devices.Devices;
import dev.tfj.errors.InvalidArgumentError;
import dev.tfj.ops.Op;
import java.util.stream.Collectors;

/**
 * Chooses the device an op runs on, as TensorFlow's eager context does: the best device that
 * matches the scope and has a kernel; failing that, with soft placement (the eager default), the
 * best one matching the scope without its device type and index; else TensorFlow's error.
 */
final class Placement {
  private Placement() {}

  static Device place(Op op, DeviceSpec scope) {
    boolean soft = EagerConfig.softDevicePlacement();
    Device device = best(op, scope);
    if (device == null && soft) {
      device = best(op, scope.withoutDevice());
    }
    if (device != null) {
      return device;
    }
    String available = Devices.all().stream().map(Device::name).collect(Collectors.joining(", "));
    if (scope.equals(DeviceSpec.ANY)) {
      throw new InvalidArgumentError("No supported device found in available devices [" + available
          + "]. enable_soft_placement=" + (soft ? 1 : 0) + ". Supported devices types ["
          + supportedTypes(op) + "].");
    }
    throw new InvalidArgumentError("Could not satisfy device specification '" + scope
        + "'. enable_soft_placement=" + (soft ? 1 : 0) + ". Supported device types ["
        + supportedTypes(op) + "]. All available devices [" + available + "].");
  }

  /** The first device in TensorFlow's preference order that matches and can run the op. */
  private static Device best(Op op, DeviceSpec spec) {
    for (Device d : Devices.all()) {
      if (spec.matches(d) && d.kernel(op) != null) {
        return d;
      }
    }
    return null;
  }

  private static String supportedTypes(Op op) {
    return Devices.all().stream().filter(d -> d.kernel(op) != null).map(Device::deviceType)
        .distinct().collect(Collectors.joining(", "));
  }
}
