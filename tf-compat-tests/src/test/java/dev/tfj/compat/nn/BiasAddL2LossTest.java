package dev.tfj.compat.nn;

import static dev.tfj.compat.nn.NnOracle.assertAgree;
import static dev.tfj.compat.nn.NnOracle.assertRejected;
import static dev.tfj.compat.nn.NnOracle.of;
import static dev.tfj.compat.nn.NnOracle.tfMessage;
import static dev.tfj.compat.nn.NnOracle.tfj;

import dev.tfj.Tensor;
import dev.tfj.compat.ComparedWithTensorFlow;
import dev.tfj.compat.oracle.Oracle;
import dev.tfj.compat.oracle.Oracle.Values;
import dev.tfj.errors.InvalidArgumentError;
import dev.tfj.errors.ValueError;
import dev.tfj.ops.DType;
import dev.tfj.tf;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.nn.BiasAdd;
import org.tensorflow.types.TUint8;

/** tf.nn.bias_add and tf.nn.l2_loss against TensorFlow: values, gradients, bad input. */
@ComparedWithTensorFlow({"BiasAdd", "L2Loss"})
@SuppressWarnings({"unchecked", "rawtypes"})
class BiasAddL2LossTest {
  private static final List<DType> FLOATS = List.of(DType.FLOAT32, DType.FLOAT64);
  private static final List<DType> NUMBERS = List.of(DType.FLOAT32, DType.FLOAT64, DType.INT32, DType.INT64);

  private static final Ops tfe = NnOracle.EAGER;

  /** value of {@code shape} holding 1, 2, 3, ... and a bias of {@code channels} 10, 20, ... */
  static Tensor ramp(long... shape) {
    long n = 1;
    for (long d : shape) {
      n *= d;
    }
    double[] v = new double[(int) n];
    for (int i = 0; i < v.length; i++) {
      v[i] = i + 1 - 0.25 * (i % 3);
    }
    return tf.reshape(tf.constant(v, tf.float64), shape);
  }

  static double[] bias(int channels) {
    double[] b = new double[channels];
    for (int i = 0; i < channels; i++) {
      b[i] = 10 * (i + 1) + 0.5;
    }
    return b;
  }

  static Operand<?> tfOf(Tensor t, DType dtype) {
    Operand<?> flat = NnOracle.tf(tfe, NnOracle.of(t).data(), dtype);
    return tfe.reshape(flat, tfe.constant(t.shape().as_list()));
  }

  private static void compare(long[] shape, String format, DType dtype) {
    int channelAxis = "NCHW".equals(format) ? 1 : shape.length - 1;
    double[] b = bias((int) shape[channelAxis]);
    Tensor value = tf.cast(ramp(shape), dtype);
    Operand<?> expected = format == null
        ? tfe.nn.biasAdd((Operand) tfOf(ramp(shape), dtype), (Operand) NnOracle.tf(tfe, b, dtype))
        : tfe.nn.biasAdd((Operand) tfOf(ramp(shape), dtype), (Operand) NnOracle.tf(tfe, b, dtype),
            BiasAdd.dataFormat(format));
    Tensor actual = format == null ? tf.nn.bias_add(value, tfj(b, dtype))
        : tf.nn.bias_add(value, tfj(b, dtype), format);
    assertAgree(of(expected), of(actual), "bias_add " + java.util.Arrays.toString(shape) + " " + format + " " + dtype);
  }

  @Test
  void channelsLastMatchesTensorFlowOnEveryRankAndDtype() {
    for (DType dtype : NUMBERS) {
      for (long[] shape : new long[][] {{2, 3}, {2, 2, 3}, {1, 2, 1, 2, 3}, {1, 1, 2, 1, 2, 3}, {0, 3}}) {
        compare(shape, null, dtype);
        compare(shape, "NHWC", dtype);
      }
    }
  }

  @Test
  void channelsFirstMatchesTensorFlowOnEveryRankAndDtype() {
    // for a matrix, axis 1 is also the last axis
    for (DType dtype : NUMBERS) {
      for (long[] shape : new long[][] {{2, 3}, {1, 3, 2}, {2, 3, 2, 2}, {1, 2, 1, 2, 1, 2}, {0, 3, 2}}) {
        compare(shape, "NCHW", dtype);
      }
    }
  }

  @Test
  void formatsAreReadAsTensorFlowsPythonLayerReadsThem() {
    // "NC..." means channels first, else "N...C" channels last: "NC2C" is channels first
    Tensor value = ramp(2, 3, 3);
    double[] b = bias(3);
    for (String first : new String[] {"NC", "NCW", "NCDHW", "NC2C"}) {
      assertAgree(of(tf.nn.bias_add(value, b, "NCHW")), of(tf.nn.bias_add(value, b, first)), first);
    }
    for (String last : new String[] {"NWC", "NDHWC", "N2C"}) {
      assertAgree(of(tf.nn.bias_add(value, b, "NHWC")), of(tf.nn.bias_add(value, b, last)), last);
    }
  }

  @Test
  void uint8WrapsAroundAsInTensorFlow() {
    Operand<?> value = tfe.dtypes.cast(tfe.constant(new int[][] {{250, 2, 3}}), TUint8.class);
    Operand<?> b = tfe.dtypes.cast(tfe.constant(new int[] {10, 255, 3}), TUint8.class);
    Tensor actual = tf.nn.bias_add(tf.cast(tf.constant(new int[][] {{250, 2, 3}}), tf.uint8),
        tf.cast(tf.constant(new int[] {10, 255, 3}), tf.uint8));
    assertAgree(of(tfe.nn.biasAdd((Operand) value, (Operand) b)), of(actual), "uint8");
  }

  @Test
  void aJavaBiasTakesTheValuesDtype() {
    Tensor value = tf.constant(new double[][] {{1, 2}, {3, 4}}, tf.float64);
    Tensor out = tf.nn.bias_add(value, new double[] {0.1, 0.2});
    assertAgree(of(tfe.nn.biasAdd(tfe.constant(new double[][] {{1, 2}, {3, 4}}), tfe.constant(new double[] {0.1, 0.2}))),
        of(out), "float64 value, Java bias");
  }

  @Test
  void biasAddGradientsMatchTensorFlow() {
    for (DType dtype : FLOATS) {
      for (String format : new String[] {"NHWC", "NCHW"}) {
        double[][][] value = SoftmaxTest.ramp(2, 3, 2);
        double[] b = bias(format.equals("NCHW") ? 3 : 2);
        NnOracle.assertGradientsAgree(List.of(NnOracle.values(value, dtype), NnOracle.values(b, dtype)),
            xs -> tf.nn.bias_add(xs.get(0), xs.get(1), format),
            (t, xs) -> t.nn.biasAdd((Operand) xs.get(0), (Operand) xs.get(1), BiasAdd.dataFormat(format)),
            "bias_add " + format + " " + dtype);
      }
    }
  }

  @Test
  void l2LossMatchesTensorFlow() {
    Object[] cases = {
      new double[] {1, 2, 3},
      SoftmaxTest.ramp(2, 3, 4),
      new double[][] {{-1e3, 1e-3}, {0, 7}},
      2.5,
      SoftmaxTest.ramp(3, 7, 11),
    };
    for (DType dtype : FLOATS) {
      for (Object c : cases) {
        assertAgree(of(tfe.nn.l2Loss((Operand) NnOracle.tf(tfe, c, dtype))), of(tf.nn.l2_loss(tfj(c, dtype))),
            "l2_loss " + dtype);
      }
      Operand<?> none = tfe.zeros(tfe.constant(new int[] {0, 3}), (Class) Oracle.typeClass(dtype));
      assertAgree(of(tfe.nn.l2Loss((Operand) none)), of(tf.nn.l2_loss(tf.zeros(new long[] {0, 3}, dtype))), "empty");
    }
    NnOracle.assertBitForBit(of(tfe.nn.l2Loss(tfe.constant(new float[] {1, 2, 3.5f}))),
        of(tf.nn.l2_loss(new float[] {1, 2, 3.5f})), "small float32 sums are TensorFlow's to the bit");
  }

  @Test
  void l2LossGradientMatchesTensorFlow() {
    for (DType dtype : FLOATS) {
      double[][] x = {{1, -2, 3}, {0.5, 0, -4}};
      NnOracle.assertGradientsAgree(List.of(NnOracle.values(x, dtype)), xs -> tf.nn.l2_loss(xs.get(0)),
          (t, xs) -> t.nn.l2Loss((Operand) xs.get(0)), "l2_loss " + dtype);
    }
  }

  // ---- bad input ----

  @Test
  void ranksAndSizesAreCheckedAsTensorFlowsKernelChecksThem() {
    Tensor vector = tf.constant(new float[] {1, 2, 3});
    Tensor b = tf.constant(new float[] {1, 2, 3});
    assertRejected(InvalidArgumentError.class, tfMessage("BiasAdd",
        () -> tfe.nn.biasAdd(tfe.constant(new float[] {1, 2, 3}), tfe.constant(new float[] {1, 2, 3}))),
        () -> tf.nn.bias_add(vector, b), vector, b);
    Tensor value = tf.constant(new float[][] {{1, 2, 3}});
    Tensor matrixBias = tf.constant(new float[][] {{1, 2, 3}});
    assertRejected(InvalidArgumentError.class, "Biases must be 1D: [1,3] [Op:BiasAdd]",
        () -> tf.nn.bias_add(value, matrixBias), value, matrixBias);
    Tensor two = tf.constant(new float[] {1, 2});
    assertRejected(InvalidArgumentError.class, tfMessage("BiasAdd",
        () -> tfe.nn.biasAdd(tfe.constant(new float[][] {{1, 2, 3}}), tfe.constant(new float[] {1, 2}))),
        () -> tf.nn.bias_add(value, two), value, two);
    Tensor image = tf.constant(new float[][][] {{{1, 2, 3}}});
    assertRejected(InvalidArgumentError.class, tfMessage("BiasAdd",
        () -> tfe.nn.biasAdd(tfe.constant(new float[][][] {{{1, 2, 3}}}), tfe.constant(new float[] {1, 2, 3}),
            BiasAdd.dataFormat("NCHW"))),
        () -> tf.nn.bias_add(image, b, "NCHW"), image, b);
  }

  @Test
  void formatsNotOfTheFormNCOrNEndingInCAreValueErrors() {
    Tensor value = tf.constant(new float[][] {{1, 2, 3}});
    Tensor b = tf.constant(new float[] {1, 2, 3});
    assertRejected(ValueError.class, "`data_format` must be of the form `N...C` or `NC...`. Received:"
        + " data_format=HWC", () -> tf.nn.bias_add(value, b, "HWC"), value, b);
    assertRejected(ValueError.class, "`data_format` must be of the form `N...C` or `NC...`. Received:"
        + " data_format=NHW", () -> tf.nn.bias_add(value, b, "NHW"), value, b);
  }

  @Test
  void mixedDtypesAreRejected() {
    Tensor value = tf.constant(new float[][] {{1, 2, 3}});
    Tensor b = tf.constant(new double[] {1, 2, 3}, tf.float64);
    assertRejected(InvalidArgumentError.class, "cannot compute BiasAdd as input #1(zero-based) was"
        + " expected to be a float tensor but is a double tensor [Op:BiasAdd]",
        () -> tf.nn.bias_add(value, b), value, b);
  }

  @Test
  void l2LossOfIntegersIsRejectedByTheOpDefinition() {
    Tensor t = tf.constant(new int[] {1, 2, 3});
    assertRejected(InvalidArgumentError.class, tfMessage("L2Loss", () -> tfe.nn.l2Loss(tfe.constant(new int[] {1, 2, 3}))),
        () -> tf.nn.l2_loss(t), t);
  }
}
