package dev.tfj.compat.devices;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tfj.GradientTape;
import dev.tfj.Tensor;
import dev.tfj.Variable;
import dev.tfj.errors.InvalidArgumentError;
import dev.tfj.errors.ValueError;
import dev.tfj.tf;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * {@code tf.device} scopes on a CPU-only machine, as TensorFlow's eager context handles them:
 * names parsed and merged field by field (into the enclosing scope, or into the CPU's full name),
 * soft placement onto the CPU by default, TensorFlow's error with soft placement off (whose
 * message shows the merged specification).
 */
class DeviceScopeTest {
  static final String CPU0 = "/job:localhost/replica:0/task:0/device:CPU:0";
  static final Tensor A = tf.constant(new float[][] {{1, 2, 3}, {4, 5, 6}});
  static final Tensor B = tf.constant(new float[][] {{1, 2}, {3, 4}, {5, 6}});

  @AfterEach
  void restoreSoftPlacement() {
    tf.config.set_soft_device_placement(true);
  }

  /** The InvalidArgumentError a MatMul raises inside {@code scope} with soft placement off. */
  static String unsatisfiable(Executable inScope) {
    tf.config.set_soft_device_placement(false);
    try {
      return assertThrows(InvalidArgumentError.class, inScope).getMessage();
    } finally {
      tf.config.set_soft_device_placement(true);
    }
  }

  static String expected(String spec) {
    return "Could not satisfy device specification '" + spec + "'. enable_soft_placement=0."
        + " Supported device types [CPU]. All available devices [" + CPU0 + "]. [Op:MatMul]";
  }

  @Test
  void tensorsReportTheCanonicalDeviceName() {
    assertEquals(CPU0, A.device());
    assertEquals(CPU0, tf.matmul(A, B).device());
    assertEquals(CPU0, tf.Variable(1.0).device());
  }

  @Test
  void everyCpuSpellingRunsOnTheCpuEvenWithSoftPlacementOff() {
    tf.config.set_soft_device_placement(false);
    for (String name : new String[] {"CPU:0", "/CPU:0", "/cpu:0", "cpu", "/device:CPU:0",
        "/device:cpu:0", "/job:localhost", "/job:localhost/replica:0/task:0/device:CPU:0", "CPU:*", ""}) {
      try (var scope = tf.device(name)) {
        assertEquals(CPU0, tf.matmul(A, B).device(), name);
      }
    }
  }

  @Test
  void aGpuRequestRunsOnTheCpuUnderSoftPlacement() {
    assertEquals(true, tf.config.get_soft_device_placement());
    try (var scope = tf.device("/GPU:0")) {
      Tensor c = tf.matmul(A, B);
      assertEquals(CPU0, c.device());
      assertArrayEquals(new float[][] {{22, 28}, {49, 64}}, (float[][]) c.numpy());
    }
  }

  @Test
  void withSoftPlacementOffAGpuRequestIsTensorFlowsError() {
    assertEquals(expected("/job:localhost/replica:0/task:0/device:GPU:1"), unsatisfiable(() -> {
      try (var scope = tf.device("/GPU:1")) {
        tf.matmul(A, B);
      }
    }));
    // A partial name takes the rest from the CPU's full name: "GPU" is GPU:0.
    assertEquals(expected("/job:localhost/replica:0/task:0/device:GPU:0"), unsatisfiable(() -> {
      try (var scope = tf.device("gpu")) {
        tf.matmul(A, B);
      }
    }));
    assertEquals(expected("/job:localhost/replica:0/task:0/device:CPU:3"), unsatisfiable(() -> {
      try (var scope = tf.device("CPU:3")) {
        tf.matmul(A, B);
      }
    }));
    assertEquals(true, tf.config.get_soft_device_placement());
  }

  @Test
  void nestedScopesMergeFieldByFieldAndNullClears() {
    // Inside GPU:1, "CPU" keeps the index 1: TensorFlow merges each field on its own.
    assertEquals(expected("/job:localhost/replica:0/task:0/device:CPU:1"), unsatisfiable(() -> {
      try (var outer = tf.device("/GPU:1"); var inner = tf.device("CPU")) {
        tf.matmul(A, B);
      }
    }));
    assertEquals(expected("/job:localhost/replica:2/task:0/device:GPU:1"), unsatisfiable(() -> {
      try (var outer = tf.device("/GPU:1"); var inner = tf.device("/replica:2")) {
        tf.matmul(A, B);
      }
    }));
    tf.config.set_soft_device_placement(false);
    try (var outer = tf.device("/GPU:1")) {
      try (var cleared = tf.device(null)) {
        assertEquals(CPU0, tf.matmul(A, B).device());
      }
      try (var cpu = tf.device("CPU:0")) {
        assertEquals(CPU0, tf.matmul(A, B).device());
      }
      assertThrows(InvalidArgumentError.class, () -> tf.matmul(A, B));
    }
    assertEquals(CPU0, tf.matmul(A, B).device());
  }

  @Test
  void softPlacementKeepsTheJobAUnknownJobIsAnErrorEvenThen() {
    String message = assertThrows(InvalidArgumentError.class, () -> {
      try (var scope = tf.device("/job:worker/GPU:0")) {
        tf.matmul(A, B);
      }
    }).getMessage();
    assertEquals("Could not satisfy device specification '/job:worker/replica:0/task:0/device:GPU:0'."
        + " enable_soft_placement=1. Supported device types [CPU]. All available devices [" + CPU0
        + "]. [Op:MatMul]", message);
  }

  @Test
  void badNamesAreTensorFlowsValueErrors() {
    ValueError unknown = assertThrows(ValueError.class, () -> tf.device("XPU:0"));
    assertEquals("Unknown attribute 'XPU' is encountered while parsing the device spec: 'XPU:0'.",
        unknown.getMessage());
    ValueError two = assertThrows(ValueError.class, () -> tf.device("/GPU:0/CPU:0"));
    assertEquals("Multiple device types are not allowed while parsing the device spec: /GPU:0/CPU:0.",
        two.getMessage());
    ValueError index = assertThrows(ValueError.class, () -> tf.device("GPU:x"));
    assertEquals("invalid literal for int() with base 10: 'x'", index.getMessage());
    // A rejected name left no scope behind.
    tf.config.set_soft_device_placement(false);
    assertEquals(CPU0, tf.matmul(A, B).device());
  }

  @Test
  void identityCopiesAcrossDevicesAndTheGradientComesBack() {
    Tensor x = tf.constant(new float[] {1, 2});
    GradientTape t = tf.GradientTape();
    Tensor y;
    try (t) {
      t.watch(x);
      try (var scope = tf.device("/GPU:0")) {
        y = tf.identity(x);
      }
      y = y.mul(y);
    }
    assertEquals(CPU0, y.device());
    assertArrayEquals(new float[] {2, 4}, (float[]) t.gradient(y, x).numpy());
    try (var scope = tf.device("/device:CPU:0")) {
      Tensor copy = tf.identity(x);
      assertEquals(CPU0, copy.device());
      assertArrayEquals(new float[] {1, 2}, (float[]) copy.numpy());
    }
  }

  @Test
  void variablesCreatedUnderAGpuScopeLiveOnTheCpu() {
    Variable v;
    try (var scope = tf.device("GPU:0")) {
      v = tf.Variable(new float[] {1, 2});
      v.assign_add(new float[] {1, 1});
    }
    assertEquals(CPU0, v.device());
    assertArrayEquals(new float[] {2, 3}, (float[]) v.numpy());
  }
}
