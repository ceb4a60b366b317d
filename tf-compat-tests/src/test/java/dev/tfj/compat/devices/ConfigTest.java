package dev.tfj.compat.devices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tfj.GradientTape;
import dev.tfj.LogicalDevice;
import dev.tfj.PhysicalDevice;
import dev.tfj.Tensor;
import dev.tfj.Variable;
import dev.tfj.compat.tape.TensorFlowLog;
import dev.tfj.tf;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code tf.config} device discovery and placement settings, and {@code tf.debugging}'s placement log. */
class ConfigTest {
  static final String CPU0 = "/job:localhost/replica:0/task:0/device:CPU:0";

  @Test
  void physicalLogicalAndVisibleDevicesPrintAsTensorFlowsDo() {
    List<PhysicalDevice> physical = tf.config.list_physical_devices();
    assertEquals("[PhysicalDevice(name='/physical_device:CPU:0', device_type='CPU')]", physical.toString());
    assertEquals("/physical_device:CPU:0", physical.get(0).name());
    assertEquals("CPU", physical.get(0).device_type());
    assertEquals(physical, tf.config.list_physical_devices("CPU"));
    assertEquals(List.of(), tf.config.list_physical_devices("GPU"));
    // The type matches exactly, as in TensorFlow.
    assertEquals(List.of(), tf.config.list_physical_devices("cpu"));
    assertEquals(physical, tf.config.get_visible_devices());
    assertEquals(physical, tf.config.get_visible_devices("CPU"));
    assertEquals(List.of(), tf.config.get_visible_devices("GPU"));
    List<LogicalDevice> logical = tf.config.list_logical_devices();
    assertEquals("[LogicalDevice(name='/device:CPU:0', device_type='CPU')]", logical.toString());
    assertEquals(List.of(), tf.config.list_logical_devices("GPU"));
    assertEquals(logical, tf.config.list_logical_devices("CPU"));
  }

  @Test
  void softPlacementIsOnByDefaultAndCanBeSwitched() {
    assertTrue(tf.config.get_soft_device_placement());
    try {
      tf.config.set_soft_device_placement(false);
      assertFalse(tf.config.get_soft_device_placement());
    } finally {
      tf.config.set_soft_device_placement(true);
    }
    assertTrue(tf.config.get_soft_device_placement());
  }

  @Test
  void logDevicePlacementPrintsTensorFlowsLinePerExecutedOp() {
    Tensor a = tf.constant(new float[][] {{1, 2, 3}, {4, 5, 6}});
    Tensor b = tf.constant(new float[][] {{1, 2}, {3, 4}, {5, 6}});
    Variable v = tf.Variable(new float[] {1, 2});
    assertFalse(tf.debugging.get_log_device_placement());
    try (TensorFlowLog log = TensorFlowLog.placement()) {
      tf.matmul(a, b);
      assertEquals(List.of(), log.messages());
      tf.debugging.set_log_device_placement(true);
      assertTrue(tf.debugging.get_log_device_placement());
      try (var scope = tf.device("/GPU:1")) {
        tf.matmul(a, b);
      }
      v.assign_add(new float[] {1, 1});
      v.assign(new float[] {0, 0});
      v.value();
      tf.debugging.set_log_device_placement(false);
      tf.matmul(a, b);
      assertEquals(List.of(
          "INFO:Executing op MatMul in device " + CPU0,
          "INFO:Executing op AssignAddVariableOp in device " + CPU0,
          "INFO:Executing op AssignVariableOp in device " + CPU0,
          "INFO:Executing op ReadVariableOp in device " + CPU0), log.messages());
    } finally {
      tf.debugging.set_log_device_placement(false);
    }
  }

  @Test
  void theBackwardPassIsLoggedOpByOpToo() {
    Tensor x = tf.constant(3.0);
    GradientTape t = tf.GradientTape();
    Tensor y;
    try (t) {
      t.watch(x);
      y = x.mul(x);
    }
    try (TensorFlowLog log = TensorFlowLog.placement()) {
      tf.debugging.set_log_device_placement(true);
      t.gradient(y, x);
      tf.debugging.set_log_device_placement(false);
      assertTrue(log.messages().contains("INFO:Executing op Mul in device " + CPU0), log.messages().toString());
    } finally {
      tf.debugging.set_log_device_placement(false);
    }
  }
}
