package dev.tfj;

import dev.tfj.devices.DeviceSpec;
import dev.tfj.eager.EagerContext;

/** A {@code with tf.device(...)} block: ops and new tensors inside run on the named device. */
public final class DeviceScope implements AutoCloseable {
  private final DeviceSpec previous;

  DeviceScope(String name) {
    EagerContext ctx = EagerContext.get();
    DeviceSpec spec = name == null ? DeviceSpec.ANY : DeviceSpec.parse(name).over(ctx.deviceScope());
    previous = ctx.setDeviceScope(spec);
  }

  @Override
  public void close() {
    EagerContext.get().setDeviceScope(previous);
  }
}
