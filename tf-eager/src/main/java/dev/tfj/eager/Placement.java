package dev.tfj.eager;

import dev.tfj.devices.Device;
import dev.tfj.devices.DeviceSpec;
import dev.tfj.devices.Devices;
import dev.tfj.devices.Kernel;
import dev.tfj.errors.InvalidArgumentError;
import dev.tfj.errors.NotFoundError;
import dev.tfj.ops.DType;
import dev.tfj.ops.Op;
import java.util.stream.Collectors;

/**
 * Chooses the device an op runs on: the scope's device when it exists and has a kernel for the
 * call's dtype, else (soft placement, TensorFlow's eager default) the first device that has one.
 */
final class Placement {
  private Placement() {}

  /** {@code t} is the dtype of the op's attr T, which kernels may be restricted to (null: none). */
  static Device place(Op op, DType t, DeviceSpec scope) {
    Device requested = scope.deviceType() == null ? null : Devices.find(scope);
    if (requested != null && runs(requested, op, t)) {
      return requested;
    }
    if (scope.deviceType() != null && !EagerConfig.softDevicePlacement()) {
      throw new InvalidArgumentError("Could not satisfy device specification '"
          + fullName(scope) + "'. enable_soft_placement=0. Supported device types ["
          + supportedTypes(op) + "]. All available devices ["
          + Devices.all().stream().map(Device::name).collect(Collectors.joining(", ")) + "].");
    }
    for (Device d : Devices.all()) {
      if (runs(d, op, t)) {
        return d;
      }
    }
    if (Devices.all().stream().anyMatch(d -> d.kernel(op) != null)) {
      throw new NotFoundError(noKernelForType(op, t)).withOpName(op.name);
    }
    throw new NotFoundError("No registered '" + op.name + "' OpKernel for any device");
  }

  private static boolean runs(Device d, Op op, DType t) {
    Kernel k = d.kernel(op);
    return k != null && k.accepts(t);
  }

  /** TensorFlow's message when kernels exist for the op but none for this dtype. */
  private static String noKernelForType(Op op, DType t) {
    StringBuilder s = new StringBuilder("Could not find device for node: {{node ").append(op.name)
        .append("}} = ").append(op.name).append("[T=").append(t.proto().name()).append("]\n")
        .append("All kernels registered for op ").append(op.name).append(":\n");
    for (Device d : Devices.all()) {
      Kernel k = d.kernel(op);
      if (k != null) {
        for (DType registered : k.typeConstraint()) {
          s.append("  device='").append(d.deviceType()).append("'; T in [")
              .append(registered.proto().name()).append("]\n");
        }
      }
    }
    return s.toString();
  }

  private static String fullName(DeviceSpec spec) {
    return spec.over(new DeviceSpec("localhost", 0, 0, null, null)).toString();
  }

  private static String supportedTypes(Op op) {
    return Devices.all().stream().filter(d -> d.kernel(op) != null).map(Device::deviceType)
        .distinct().collect(Collectors.joining(", "));
  }
}
