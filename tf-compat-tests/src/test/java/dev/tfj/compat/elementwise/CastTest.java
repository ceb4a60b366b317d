package dev.tfj.compat.elementwise;

import static dev.tfj.compat.elementwise.TensorFlowJava.nodeWithAttrs;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.tfj.Tensor;
import dev.tfj.compat.ComparedWithTensorFlow;
import dev.tfj.ops.DType;
import dev.tfj.tf;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * tf.cast between every pair of TFJ dtypes against TensorFlow's Cast kernel, on each dtype's
 * edge values: floats truncate toward zero, NaN and out-of-range floats give the most negative
 * integer (x86's conversion), uint8 keeps the low byte, integers wrap, anything nonzero (NaN
 * too) is true.
 */
@ComparedWithTensorFlow({"Cast"})
class CastTest {
  @TestFactory
  Stream<DynamicTest> everyPairOfDtypes() {
    List<DynamicTest> tests = new ArrayList<>();
    for (DType from : Samples.ALL_DTYPES) {
      for (DType to : Samples.ALL_DTYPES) {
        tests.add(dynamicTest(from.typeName() + " to " + to.typeName(), () -> {
          for (Flat x : Samples.shapes(from)) {
            if (from.is_floating() && to == DType.UINT8) {
              x = inUint8Range(x);
            }
            Flat in = x;
            Expect.sameOutcome(TensorFlowJava.eager("Cast", new Object[] {"DstT", to, "Truncate", false}, in),
                () -> tf.cast(in.tfj(), to), "Cast", Tolerance.EXACT, "cast " + in + " to " + to);
          }
        }));
      }
    }
    return tests.stream();
  }

  /**
   * Floats out of uint8's range convert differently in TensorFlow's vectorized kernel (saturating,
   * float64 through int16, as TFJ does) and in its scalar tail (keeping the low byte): small
   * tensors, all tail, are checked on values in range, and a large tensor's leading elements on
   * values out of range.
   */
  private static Flat inUint8Range(Flat x) {
    double[] v = x.reals().clone();
    for (int i = 0; i < v.length; i++) {
      v[i] = Double.isFinite(v[i]) && (v[i] <= -1 || v[i] >= 256) ? Math.abs(v[i]) % 256 : v[i];
    }
    return Flat.of(x.dtype(), x.shape(), v);
  }

  @TestFactory
  Stream<DynamicTest> floatsOutOfUint8RangeSaturateInLargeTensors() {
    return Stream.of(Samples.FLOATING).map(from -> dynamicTest(from.typeName(), () -> {
      double[] pattern = {-1, -1.5, -300, 300.5, 255.9, 256, 1e20, -1e20, 3e9, Double.NaN,
          Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 100.7, 32767, 32768, -32769, 65535, 0.5};
      double[] v = new double[64];
      for (int i = 0; i < v.length; i++) {
        v[i] = pattern[i % pattern.length];
      }
      Flat x = Flat.of(from, new long[] {64}, v);
      Flat expected = TensorFlowJava.eager("Cast", new Object[] {"DstT", DType.UINT8, "Truncate", false}, x)
          .value().take(new long[] {32}, 32);
      Flat actual = Flat.of(tf.cast(x.tfj(), tf.uint8)).take(new long[] {32}, 32);
      Expect.same(expected, actual, Tolerance.EXACT, "cast to uint8 of " + x);
    }));
  }

  @Test
  void castToTheSameDtypeReturnsTheTensorItself() {
    Tensor x = tf.constant(new float[] {1.5f});
    assertSame(x, tf.cast(x, tf.float32));
  }

  @TestFactory
  Stream<DynamicTest> gradientBetweenFloatingDtypes() {
    List<DynamicTest> tests = new ArrayList<>();
    for (DType from : Samples.FLOATING) {
      for (DType to : Samples.FLOATING) {
        tests.add(dynamicTest(from.typeName() + " to " + to.typeName(), () -> {
          Flat x = Samples.smooth(from, 3, 4);
          Flat w = Samples.upstream(to, 3, 4);
          Flat expected = TensorFlowJava.gradients(
              in -> nodeWithAttrs("Cast", new Object[] {"DstT", to, "Truncate", false}, in[0]), w, x)[0];
          Expect.same(expected, Flat.of(TapeGradients.of1(t -> tf.cast(t, to), w, x)), Tolerance.EXACT,
              "cast gradient");
        }));
      }
    }
    return tests.stream();
  }

  @Test
  void gradientThroughAnIntegerCastIsNone() {
    Flat x = Samples.smooth(DType.FLOAT32, 3);
    Tensor g = TapeGradients.of1(t -> tf.cast(tf.cast(t, tf.int32), tf.float32),
        Samples.upstream(DType.FLOAT32, 3), x);
    assertNull(g);
  }
}
