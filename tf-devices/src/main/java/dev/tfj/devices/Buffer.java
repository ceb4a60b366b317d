package dev.tfj.devices;

/**
 * A tensor's elements in some device's memory. Buffers are immutable once a kernel has filled
 * them, so handles, reshapes and variable reads share them without copying.
 */
public interface Buffer {
  Device device();
}
