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
 * Chooses the device an op runs on, as TensorFlow's eager context does: the best device that
 * matches the scope and has a kernel for the call's dtype; failing that, with soft placement (the
 * eager default), the best one matching the scope without its device type and index; else
 * TensorFlow's error.
 */
final class Placement {
  private Placement() {}

  /** {@code t} is the dtype of the op's attr T, which kernels may be restricted to (null: none). */
  static Device place(Op op, DType t, DeviceSpec scope) {
    boolean soft = EagerConfig.softDevicePlacement();
    Device device = best(op, t, scope);
    if (device == null && soft) {
      device = best(op, t, scope.withoutDevice());
    }
    if (device != null) {
      return device;
    }
    if (Devices.all().stream().anyMatch(d -> d.kernel(op) != null && !d.kernel(op).accepts(t))
        && Devices.all().stream().noneMatch(d -> runs(d, op, t))) {
      throw new NotFoundError(noKernelForType(op, t));
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
  private static Device best(Op op, DType t, DeviceSpec spec) {
    for (Device d : Devices.all()) {
      if (spec.matches(d) && runs(d, op, t)) {
        return d;
      }
    }
    return null;
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

  private static String supportedTypes(Op op) {
    return Devices.all().stream().filter(d -> d.kernel(op) != null).map(Device::deviceType)
        .distinct().collect(Collectors.joining(", "));
  }
}
