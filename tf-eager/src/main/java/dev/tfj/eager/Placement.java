package dev.tfj.eager;

import dev.tfj.devices.Device;
import dev.tfj.devices.DeviceSpec;
import dev.tfj.devices.Devices;
import dev.tfj.errors.InvalidArgumentError;
import dev.tfj.ops.Op;
import java.util.stream.Collectors;

/**
 * Chooses the device an op runs on: the scope's device when it exists and has a kernel, else
 * (soft placement, TensorFlow's eager default) the first device that has one.
 */
final class Placement {
  private Placement() {}

  static Device place(Op op, DeviceSpec scope) {
    Device requested = scope.deviceType() == null ? null : Devices.find(scope);
    if (requested != null && requested.kernel(op) != null) {
      return requested;
    }
    if (scope.deviceType() != null && !EagerConfig.softDevicePlacement()) {
      throw new InvalidArgumentError("Could not satisfy device specification '"
          + fullName(scope) + "'. enable_soft_placement=0. Supported device types ["
          + supportedTypes(op) + "]. All available devices ["
          + Devices.all().stream().map(Device::name).collect(Collectors.joining(", ")) + "].");
    }
    for (Device d : Devices.all()) {
      if (d.kernel(op) != null) {
        return d;
      }
    }
    throw new dev.tfj.errors.NotFoundError("No registered '" + op.name + "' OpKernel for any device");
  }

  private static String fullName(DeviceSpec spec) {
    return spec.over(new DeviceSpec("localhost", 0, 0, null, null)).toString();
  }

  private static String supportedTypes(Op op) {
    return Devices.all().stream().filter(d -> d.kernel(op) != null).map(Device::deviceType)
        .distinct().collect(Collectors.joining(", "));
  }
}
