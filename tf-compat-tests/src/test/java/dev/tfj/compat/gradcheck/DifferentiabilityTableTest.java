package dev.tfj.compat.gradcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.tfj.ops.Op;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The op table itself: every op says how it differentiates, and every differentiable op has a
 * gradient check. Adding an op without either fails the build here.
 */
class DifferentiabilityTableTest {
  /**
   * Ops TensorFlow registers with {@code ops.NotDifferentiable} (math_grad.py, array_grad.py,
   * random_ops.py): where TFJ declares one, it must say so rather than carry a gradient. (Ops whose
   * registered gradient returns None, such as Floor or ArgMax, may do either.)
   */
  static final Set<String> NOT_DIFFERENTIABLE_IN_TENSORFLOW = Set.of(
      "Equal", "NotEqual", "Less", "LessEqual", "Greater", "GreaterEqual", "StopGradient",
      "ZerosLike", "OnesLike", "Range", "RandomStandardNormal", "RandomUniform", "Shape", "Size",
      "Rank", "LinSpace", "OneHot", "LogicalAnd", "LogicalOr", "LogicalNot", "TruncatedNormal",
      "Multinomial");

  /** Ops for which TensorFlow registers neither a gradient nor NotDifferentiable (LookupError there). */
  static final Set<String> NO_GRADIENT_IN_TENSORFLOW = Set.of("RandomShuffle");

  @Test
  void everyOpHasAGradientOrIsMarkedNotDifferentiable() {
    List<String> neither = new ArrayList<>();
    List<String> both = new ArrayList<>();
    for (Op op : Op.all()) {
      if (op.gradient() == null && !op.isNotDifferentiable() && !op.hasNoGradientRegistered()) {
        neither.add(op.name);
      }
      if (op.gradient() != null && op.isNotDifferentiable()) {
        both.add(op.name);
      }
    }
    assertEquals(List.of(), neither, "ops with neither a gradient nor notDifferentiable()");
    assertEquals(List.of(), both, "ops with a gradient that is never used because of notDifferentiable()");
  }

  @Test
  void everyDifferentiableOpHasAGradientCheck() {
    List<String> unchecked = new ArrayList<>();
    for (Op op : Op.all()) {
      if (op.gradient() != null && !op.isNotDifferentiable() && !GradientCheckTest.COVERAGE.containsKey(op.name)) {
        unchecked.add(op.name);
      }
    }
    assertEquals(List.of(), unchecked,
        "differentiable ops missing from GradientCheckTest.COVERAGE: add a gradient check and list it");
  }

  @Test
  void opsTensorFlowDoesNotDifferentiateAreNotDifferentiable() {
    List<String> wrong = new ArrayList<>();
    for (Op op : Op.all()) {
      if (NOT_DIFFERENTIABLE_IN_TENSORFLOW.contains(op.name) && !op.isNotDifferentiable()) {
        wrong.add(op.name);
      }
    }
    assertEquals(List.of(), wrong, "TensorFlow registers these as NotDifferentiable");
  }

  @Test
  void opsWithNoTensorFlowGradientAreMarkedSo() {
    List<String> marked = Op.all().stream().filter(Op::hasNoGradientRegistered).map(op -> op.name).toList();
    assertEquals(NO_GRADIENT_IN_TENSORFLOW, Set.copyOf(marked));
  }

  @Test
  void opNamesAreUnique() {
    List<String> names = Op.all().stream().map(op -> op.name).toList();
    assertEquals(names.size(), Set.copyOf(names).size(), "an op is declared twice: " + names);
    assertFalse(names.isEmpty());
  }
}
