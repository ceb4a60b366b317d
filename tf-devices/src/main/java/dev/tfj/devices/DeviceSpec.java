package dev.tfj.devices;

import dev.tfj.errors.ValueError;
import java.util.Locale;
import java.util.Set;

/**
 * A full or partial device name, parsed as TensorFlow's {@code DeviceSpec.from_string} parses it:
 * {@code /job:localhost/replica:0/task:0/device:CPU:0}, {@code /device:GPU:1}, {@code GPU:0},
 * {@code /cpu:0}, {@code cpu}. Null fields are unspecified.
 */
public record DeviceSpec(String job, Integer replica, Integer task, String deviceType, Integer index) {
  public static final DeviceSpec ANY = new DeviceSpec(null, null, null, null, null);

  private static final Set<String> KNOWN_TYPES = Set.of("CPU", "GPU", "TPU", "CUSTOM", "EPU");

  public static DeviceSpec parse(String spec) {
    String job = null;
    Integer replica = null;
    Integer task = null;
    String type = null;
    Integer index = null;
    for (String part : spec.split("/", -1)) {
      String[] y = part.split(":", -1);
      if (y.length == 2 && y[0].equals("job")) {
        job = y[1];
      } else if (y.length == 2 && y[0].equals("replica")) {
        replica = number(y[1], spec);
      } else if (y.length == 2 && y[0].equals("task")) {
        task = number(y[1], spec);
      } else if (y.length <= 2 && KNOWN_TYPES.contains(y[0].toUpperCase(Locale.ROOT))) {
        if (type != null) {
          throw multipleTypes(spec);
        }
        type = y[0].toUpperCase(Locale.ROOT);
        index = y.length == 2 && !y[1].equals("*") ? number(y[1], spec) : null;
      } else if (y.length == 3 && y[0].equals("device")) {
        if (type != null) {
          throw multipleTypes(spec);
        }
        type = y[1].equals("cpu") || y[1].equals("gpu") ? y[1].toUpperCase(Locale.ROOT) : y[1];
        index = y[2].equals("*") ? null : number(y[2], spec);
      } else if (!y[0].isEmpty()) {
        throw new ValueError("Unknown attribute '" + y[0]
            + "' is encountered while parsing the device spec: '" + spec + "'.");
      }
    }
    return new DeviceSpec(job, replica, task, type, index);
  }

  private static ValueError multipleTypes(String spec) {
    return new ValueError("Multiple device types are not allowed while parsing the device spec: "
        + spec + ".");
  }

  private static Integer number(String text, String spec) {
    try {
      return Integer.valueOf(text);
    } catch (NumberFormatException e) {
      throw new ValueError("invalid literal for int() with base 10: '" + text + "'");
    }
  }

  /**
   * This spec inside an outer scope, as TensorFlow's {@code make_merged_spec}: each field set
   * here wins, each field left unset comes from {@code outer} (the index too, on its own:
   * {@code "GPU"} inside {@code "CPU:0"} is {@code GPU:0}).
   */
  public DeviceSpec over(DeviceSpec outer) {
    return new DeviceSpec(job != null ? job : outer.job, replica != null ? replica : outer.replica,
        task != null ? task : outer.task, deviceType != null ? deviceType : outer.deviceType,
        index != null ? index : outer.index);
  }

  /** The full spec of a device: {@code /job:localhost/replica:0/task:0/device:CPU:0}. */
  public static DeviceSpec of(Device device) {
    return new DeviceSpec("localhost", 0, 0, device.deviceType(), device.index());
  }

  /** The same spec with no device type or index: what soft placement falls back to. */
  public DeviceSpec withoutDevice() {
    return new DeviceSpec(job, replica, task, null, null);
  }

  /** Whether a device with this type and index satisfies the spec. */
  public boolean matches(Device device) {
    return (deviceType == null || deviceType.equals(device.deviceType()))
        && (index == null || index == device.index())
        && (job == null || job.equals("localhost"))
        && (replica == null || replica == 0)
        && (task == null || task == 0);
  }

  /** TensorFlow's string form of a (partial) spec: {@code /job:localhost/device:GPU:0}. */
  @Override
  public String toString() {
    StringBuilder s = new StringBuilder();
    if (job != null) {
      s.append("/job:").append(job);
    }
    if (replica != null) {
      s.append("/replica:").append(replica);
    }
    if (task != null) {
      s.append("/task:").append(task);
    }
    if (deviceType != null) {
      s.append("/device:").append(deviceType).append(':').append(index == null ? "*" : index);
    }
    return s.toString();
  }
}
