package dev.tfj.devices;

import dev.tfj.devices.cpu.CpuDevice;
import java.util.List;

/**
 * The devices of this process, in TensorFlow's listing order ({@code tf.config.list_physical_devices}).
 * The CPU is always there. Each device brings its own name, kernels and buffers, so another kind
 * (a GPU) joins by being added here; placement then also needs TensorFlow's preference order
 * (GPU before CPU), which today, with the CPU alone, is this same list.
 */
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
}
