package dev.tfj.compat.elementwise;

import static dev.tfj.compat.elementwise.TensorFlowJava.constant;
import static dev.tfj.compat.elementwise.TensorFlowJava.node;
import static dev.tfj.compat.elementwise.TensorFlowJava.nodeWithAttrs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.tfj.Tensor;
import dev.tfj.compat.ComparedWithTensorFlow;
import dev.tfj.errors.ValueError;
import dev.tfj.ops.DType;
import dev.tfj.tf;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;

/**
 * The functions TensorFlow composes from ops in Python (clip_by_value, gelu,
 * sigmoid_cross_entropy_with_logits, leaky_relu of integers, add_n, where), checked against the
 * same composition of TensorFlow's ops: values, gradients and Python-level errors.
 */
@ComparedWithTensorFlow({"AddN", "SelectV2", "Where"})
class CompositeOpsTest {
  // ---- clip_by_value = maximum(minimum(t, max), min) ----

  @TestFactory
  Stream<DynamicTest> clipByValueOnEveryNumericDtype() {
    return Stream.of(DType.FLOAT32, DType.FLOAT64, DType.INT32, DType.INT64, DType.UINT8)
        .map(dtype -> dynamicTest(dtype.typeName(), () -> {
          Flat lo = Flat.scalar(dtype, dtype == DType.UINT8 ? 3 : -2);
          Flat hi = Flat.scalar(dtype, 100);
          for (Flat t : Samples.shapes(dtype)) {
            Expect.sameOutcome(TensorFlowJava.eager(tf -> TensorFlowJava.build(tf, clip(tf, t, lo, hi))),
                () -> tf.clip_by_value(t.tfj(), lo.tfj(), hi.tfj()), "Maximum", Tolerance.EXACT.anyZeroSign(),
                "clip_by_value(" + t + ")");
          }
        }));
  }

  @Test
  void clipByValueBroadcastsItsBoundsButNotTheInput() {
    Flat t = Samples.smooth(DType.FLOAT32, 2, 3);
    Flat lo = Flat.of(DType.FLOAT32, new long[] {3}, -1, 0, 1);
    Flat hi = Flat.of(DType.FLOAT32, new long[] {2, 1}, 2, 3);
    Expect.same(TensorFlowJava.eager(tf -> TensorFlowJava.build(tf, clip(tf, t, lo, hi))).value(),
        Flat.of(tf.clip_by_value(t.tfj(), lo.tfj(), hi.tfj())), Tolerance.EXACT, "clip broadcast");
    ValueError e = assertThrows(ValueError.class,
        () -> tf.clip_by_value(tf.constant(new float[] {1, 2, 3}), tf.zeros(2, 3), 1f));
    assertEquals("Shapes (3,) and (2, 3) are incompatible", e.getMessage());
  }

  /** At its bounds clip_by_value passes the gradient to t (ties go to the first argument). */
  @TestFactory
  Stream<DynamicTest> clipByValueGradientsMatchTensorFlow() {
    return Stream.of(Samples.FLOATING).map(dtype -> dynamicTest(dtype.typeName(), () -> {
      Flat t = Flat.of(dtype, new long[] {2, 4}, -3, -1, 0, 0.5, 1, 1.5, 2, 7);
      Flat lo = Flat.of(dtype, new long[] {4}, -1, -1, 0, 1);
      Flat hi = Flat.scalar(dtype, 1.5);
      Flat w = Samples.upstream(dtype, 2, 4);
      Flat[] expected = TensorFlowJava.gradients((tf, in) -> node("Maximum", node("Minimum", in[0], in[2]), in[1]),
          w, t, lo, hi);
      Tensor[] actual = TapeGradients.of(in -> tf.clip_by_value(in.get(0), in.get(1), in.get(2)), w, t, lo, hi);
      for (int k = 0; k < 3; k++) {
        Expect.same(expected[k], Flat.of(actual[k]), Tolerance.EXACT, "clip_by_value gradient " + k);
      }
    }));
  }

  private static TensorFlowJava.Node clip(Ops tf, Flat t, Flat lo, Flat hi) {
    return node("Maximum", node("Minimum", constant(tf, t), constant(tf, hi)), constant(tf, lo));
  }

  // ---- gelu ----

  @TestFactory
  Stream<DynamicTest> geluIsTensorFlowsComposite() {
    List<DynamicTest> tests = new ArrayList<>();
    for (DType dtype : Samples.FLOATING) {
      for (boolean approximate : new boolean[] {false, true}) {
        tests.add(dynamicTest(dtype.typeName() + (approximate ? " approximate" : ""), () -> {
          for (Flat x : Samples.shapes(dtype)) {
            Expect.sameOutcome(TensorFlowJava.eager(tf -> TensorFlowJava.build(tf, gelu(tf, constant(tf, x),
                dtype, approximate))), () -> tf.nn.gelu(x.tfj(), approximate), "Mul", Tolerance.ulps(8).fromOne(),
                "gelu(" + x + ")");
          }
          Flat x = Samples.smooth(dtype, 3, 4);
          Flat w = Samples.upstream(dtype, 3, 4);
          Flat expected = TensorFlowJava.gradients((tf, in) -> gelu(tf, in[0], dtype, approximate), w, x)[0];
          // 1 - tanh(z)^2 near |z| = 7 keeps a few bits: TensorFlow's float tanh, a few ulps off,
          // moves the approximate form's gradient by up to ~12 ulps of 1.
          Expect.same(expected, Flat.of(TapeGradients.of1(t -> tf.nn.gelu(t, approximate), w, x)),
              Tolerance.ulps(16).fromOne(), "gelu'(" + x + ")");
        }));
      }
    }
    return tests.stream();
  }

  /** nn_ops.gelu: constants cast from float32 (math_ops.cast of a Python float). */
  private static TensorFlowJava.Node gelu(Ops tf, Operand<?> x, DType dtype, boolean approximate) {
    Object inner = approximate
        ? node("Tanh", node("Mul", constant(tf, Flat.scalar(dtype, 0.7978845608028654)),
            node("AddV2", x, node("Mul", fromFloat32(tf, 0.044715, dtype),
                node("Pow", x, constant(tf, Flat.scalar(dtype, 3)))))))
        : node("Erf", node("RealDiv", x, fromFloat32(tf, 1.4142135623730951, dtype)));
    return node("Mul", node("Mul", constant(tf, Flat.scalar(dtype, 0.5)), x),
        node("AddV2", constant(tf, Flat.scalar(dtype, 1)), inner));
  }

  private static Object fromFloat32(Ops tf, double value, DType dtype) {
    Operand<?> f = constant(tf, Flat.scalar(DType.FLOAT32, value));
    return dtype == DType.FLOAT32 ? f : nodeWithAttrs("Cast", new Object[] {"DstT", dtype, "Truncate", false}, f);
  }

  @Test
  void geluRejectsIntegerFeatures() {
    ValueError e = assertThrows(ValueError.class, () -> tf.nn.gelu(tf.constant(new int[] {1})));
    assertEquals("`features.dtype` must be a floating point tensor.Received:features.dtype=<dtype: 'int32'>",
        e.getMessage());
  }

  // ---- sigmoid_cross_entropy_with_logits ----

  @TestFactory
  Stream<DynamicTest> sigmoidCrossEntropyIsTensorFlowsComposite() {
    return Stream.of(Samples.FLOATING).map(dtype -> dynamicTest(dtype.typeName(), () -> {
      Flat logits = Samples.allPairs(dtype)[0];
      double[] z = new double[logits.size()];
      for (int i = 0; i < z.length; i++) {
        z[i] = new double[] {0, 1, 0.3}[i % 3];
      }
      Flat labels = Flat.of(dtype, logits.shape(), z);
      Expect.sameOutcome(TensorFlowJava.eager(tf -> TensorFlowJava.build(tf,
              sigmoidXent(constant(tf, labels), constant(tf, logits)))),
          () -> tf.nn.sigmoid_cross_entropy_with_logits(labels.tfj(), logits.tfj()), "AddV2",
          Tolerance.ulps(4), "sigmoid_cross_entropy_with_logits");
      Flat x = Samples.smooth(dtype, 3, 4);
      Flat zs = Flat.of(dtype, x.shape(), 0, 1, 0.3, 1, 0, 0.5, 1, 1, 0, 0.25, 0.75, 1);
      Flat w = Samples.upstream(dtype, 3, 4);
      Flat[] expected = TensorFlowJava.gradients(in -> sigmoidXent(in[0], in[1]), w, zs, x);
      Tensor[] actual = TapeGradients.of(in -> tf.nn.sigmoid_cross_entropy_with_logits(in.get(0), in.get(1)),
          w, zs, x);
      for (int k = 0; k < 2; k++) {
        Expect.same(expected[k], Flat.of(actual[k]), Tolerance.ulps(4).fromOne(), "xent gradient " + k);
      }
    }));
  }

  private static TensorFlowJava.Node sigmoidXent(Operand<?> labels, Operand<?> logits) {
    TensorFlowJava.Node zeros = node("ZerosLike", logits);
    TensorFlowJava.Node positive = node("GreaterEqual", logits, zeros);
    return node("AddV2",
        node("Sub", node("SelectV2", positive, logits, zeros), node("Mul", logits, labels)),
        node("Log1p", node("Exp", node("SelectV2", positive, node("Neg", logits), logits))));
  }

  @Test
  void sigmoidCrossEntropyNeedsEqualShapes() {
    ValueError e = assertThrows(ValueError.class, () -> tf.nn.sigmoid_cross_entropy_with_logits(
        tf.constant(new float[] {1, 0}), tf.constant(new float[][] {{1, 0}, {2, 3}})));
    assertEquals("`logits` and `labels` must have the same shape, received ((2, 2) vs (2,)).", e.getMessage());
  }

  // ---- leaky_relu of integers, add_n ----

  @TestFactory
  Stream<DynamicTest> leakyReluCastsIntegersToFloat32() {
    return Stream.of(DType.INT32, DType.INT64, DType.UINT8).map(dtype -> dynamicTest(dtype.typeName(), () -> {
      Flat x = Samples.edges(dtype);
      Expect.sameOutcome(TensorFlowJava.eager(tf -> TensorFlowJava.build(tf, nodeWithAttrs("LeakyRelu",
              new Object[] {"alpha", 0.2f}, nodeWithAttrs("Cast", new Object[] {"DstT", DType.FLOAT32,
                  "Truncate", false}, constant(tf, x))))),
          () -> tf.nn.leaky_relu(x.tfj()), "LeakyRelu", Tolerance.EXACT, "leaky_relu(" + x + ")");
    }));
  }

  @TestFactory
  Stream<DynamicTest> addNOnEveryNumericDtype() {
    return Stream.of(DType.FLOAT32, DType.FLOAT64, DType.INT32, DType.INT64, DType.UINT8)
        .map(dtype -> dynamicTest(dtype.typeName(), () -> {
          for (Flat x : Samples.shapes(dtype)) {
            Flat[] three = {x, x, x};
            Expect.sameOutcome(TensorFlowJava.eager(tf -> TensorFlowJava.build(tf,
                    node("AddN", List.of(TensorFlowJava.constants(tf, three))))),
                () -> tf.add_n(List.of(x.tfj(), x.tfj(), x.tfj())), "AddN", Tolerance.EXACT, "add_n(" + x + ")");
          }
        }));
  }

  @Test
  void addNOfOneReturnsItAndOfNoneFails() {
    Tensor x = tf.constant(new float[] {1, 2});
    assertSame(x, tf.add_n(List.of(x)));
    ValueError e = assertThrows(ValueError.class, () -> tf.add_n(List.of()));
    assertEquals("Inputs must be an iterable of at least one Tensor/IndexedSlices with the same dtype"
        + " and shape.", e.getMessage());
  }

  @Test
  void addNErrorsAreTensorFlows() {
    Flat a = Samples.smooth(DType.FLOAT32, 2);
    Flat b = Samples.smooth(DType.FLOAT32, 3);
    Flat c = Samples.smooth(DType.FLOAT64, 2);
    for (Flat[] pair : new Flat[][] {{a, b}, {a, c}}) {
      Expect.sameOutcome(TensorFlowJava.eager(tf -> TensorFlowJava.build(tf,
              node("AddN", List.of(TensorFlowJava.constants(tf, pair))))),
          () -> tf.add_n(List.of(pair[0].tfj(), pair[1].tfj())), "AddN", Tolerance.EXACT, "add_n");
    }
  }

  @Test
  void addNGradientGoesToEveryInput() {
    Flat x = Samples.smooth(DType.FLOAT64, 2, 3);
    Flat y = Samples.smooth(DType.FLOAT64, 2, 3);
    Flat w = Samples.upstream(DType.FLOAT64, 2, 3);
    Flat[] expected = TensorFlowJava.gradients(in -> node("AddN", List.of(in[0], in[1], in[0])), w, x, y);
    Tensor[] actual = TapeGradients.of(in -> tf.add_n(List.of(in.get(0), in.get(1), in.get(0))), w, x, y);
    for (int k = 0; k < 2; k++) {
      Expect.same(expected[k], Flat.of(actual[k]), Tolerance.EXACT, "add_n gradient " + k);
    }
  }

  // ---- where ----

  @TestFactory
  Stream<DynamicTest> whereWithOneArgumentGivesCoordinates() {
    return Stream.of(Samples.ALL_DTYPES).map(dtype -> dynamicTest(dtype.typeName(), () -> {
      Flat all = Samples.edges(dtype);
      List<Flat> inputs = new ArrayList<>(Samples.shapes(dtype));
      inputs.add(all.take(new long[] {1, 2, 3}, 6));
      inputs.add(all.take(new long[] {1, 1, 1, 1, 1, 1, 1, 1, 1}, 1));
      for (Flat x : inputs) {
        Expect.sameOutcome(TensorFlowJava.eager("Where", new Object[0], x), () -> tf.where(x.tfj()), "Where",
            Tolerance.EXACT, "where(" + x + ")");
      }
    }));
  }

  @Test
  void whereWithThreeArgumentsBroadcastsAll() {
    Flat c = Flat.of(new long[] {2, 1}, true, false);
    Flat x = Samples.smooth(DType.FLOAT32, 3);
    Flat y = Flat.scalar(DType.FLOAT32, -1);
    Flat[][] cases = {{c, x, y}, {x, c, y}, {Flat.of(new long[] {2}, true, false), x, y},
        {c, x, Flat.of(DType.FLOAT64, new long[] {3}, 1, 2, 3)}};
    for (Flat[] in : cases) {
      Expect.sameOutcome(TensorFlowJava.eager("SelectV2", new Object[0], in),
          () -> tf.where(in[0].tfj(), in[1].tfj(), in[2].tfj()), "SelectV2", Tolerance.EXACT, "where");
    }
    Flat w = Samples.upstream(DType.FLOAT32, 2, 3);
    Flat[] expected = TensorFlowJava.gradients((tf, in) -> node("SelectV2", constant(tf, c), in[0], in[1]),
        w, x, y);
    Tensor[] actual = TapeGradients.of(in -> tf.where(in.get(0), in.get(1), in.get(2)), w, c, x, y);
    assertEquals(null, actual[0]);
    for (int k = 1; k < 3; k++) {
      Expect.same(expected[k - 1], Flat.of(actual[k]), Tolerance.EXACT, "where gradient " + k);
    }
    ValueError e = assertThrows(ValueError.class, () -> tf.where(c.tfj(), x.tfj(), null));
    assertEquals("x and y must both be non-None or both be None.", e.getMessage());
  }

  // ---- aliases ----

  @Test
  void aliasesAreTheSameFunctions() {
    Tensor x = Samples.smooth(DType.FLOAT32, 2, 3).tfj();
    Tensor y = Samples.upstream(DType.FLOAT32, 2, 3).tfj();
    List<Tensor[]> pairs = List.of(
        new Tensor[] {tf.abs(x), tf.math.abs(x)}, new Tensor[] {tf.sign(x), tf.math.sign(x)},
        new Tensor[] {tf.sin(x), tf.math.sin(x)}, new Tensor[] {tf.cos(x), tf.math.cos(x)},
        new Tensor[] {tf.tan(x), tf.math.tan(x)}, new Tensor[] {tf.asin(y), tf.math.asin(y)},
        new Tensor[] {tf.acos(y), tf.math.acos(y)}, new Tensor[] {tf.atan(x), tf.math.atan(x)},
        new Tensor[] {tf.sinh(x), tf.math.sinh(x)}, new Tensor[] {tf.cosh(x), tf.math.cosh(x)},
        new Tensor[] {tf.tanh(x), tf.math.tanh(x)}, new Tensor[] {tf.tanh(x), tf.nn.tanh(x)},
        new Tensor[] {tf.sigmoid(x), tf.math.sigmoid(x)}, new Tensor[] {tf.sigmoid(x), tf.nn.sigmoid(x)},
        new Tensor[] {tf.math.softplus(x), tf.nn.softplus(x)}, new Tensor[] {tf.floor(x), tf.math.floor(x)},
        new Tensor[] {tf.round(x), tf.math.round(x)}, new Tensor[] {tf.maximum(x, y), tf.math.maximum(x, y)},
        new Tensor[] {tf.minimum(x, y), tf.math.minimum(x, y)},
        new Tensor[] {tf.math.floormod(x, y), tf.math.mod(x, y)},
        new Tensor[] {tf.add_n(List.of(x, y)), tf.math.add_n(List.of(x, y))},
        new Tensor[] {tf.logical_not(tf.greater(x, y)), tf.math.logical_not(tf.greater(x, y))},
        new Tensor[] {tf.logical_and(tf.greater(x, y), tf.less(x, 1)),
            tf.math.logical_and(tf.greater(x, y), tf.less(x, 1))},
        new Tensor[] {tf.logical_or(tf.greater(x, y), tf.less(x, 1)),
            tf.math.logical_or(tf.greater(x, y), tf.less(x, 1))});
    for (Tensor[] p : pairs) {
      Expect.same(Flat.of(p[0]), Flat.of(p[1]), Tolerance.EXACT, p[0].toString());
    }
  }
}
