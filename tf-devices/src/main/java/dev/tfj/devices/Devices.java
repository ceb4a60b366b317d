package dev.tfj.devices;

import dev.tfj.devices.cpu.CpuDevice;
import java.util.List;

/** The devices of this process. The CPU is always there; GPUs come from probing CUDA. */
public final class Devices {
  private static final CpuDevice CPU = new CpuDevice();
  private static final List<Device> ALL = List.of(CPU);

  private Devices() {}

  public static Device cpu() {
    return CPU;
  }

  public static List<Device> all() {
    return ALL;
  }

  /** The first device matching the spec, or null. */
  public static Device find(DeviceSpec spec) {
    for (Device d : ALL) {
      if (spec.matches(d)) {
        return d;
      }
    }
    return null;
  }
}
