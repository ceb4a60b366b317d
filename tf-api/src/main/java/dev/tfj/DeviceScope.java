package dev.tfj;

import dev.tfj.devices.DeviceSpec;
import dev.tfj.devices.Devices;
import dev.tfj.eager.EagerContext;

/**
 * A {@code with tf.device(...)} block: ops inside run on the named device (or, with soft
 * placement, on one that can run them). As in TensorFlow's eager context, a name is merged field
 * by field into the enclosing scope, or into the first device's full name when there is none, so
 * {@code "GPU"} means {@code /job:localhost/replica:0/task:0/device:GPU:0}; null clears the scope.
 */
public final class DeviceScope implements Scope {
  private final DeviceSpec previous;

  DeviceScope(String name) {
    EagerContext ctx = EagerContext.get();
    DeviceSpec outer = ctx.deviceScope();
    DeviceSpec base = outer.equals(DeviceSpec.ANY) ? DeviceSpec.of(Devices.all().get(0)) : outer;
    previous = ctx.setDeviceScope(name == null ? DeviceSpec.ANY : DeviceSpec.parse(name).over(base));
  }

  @Override
  public void close() {
    EagerContext.get().setDeviceScope(previous);
  }
}
