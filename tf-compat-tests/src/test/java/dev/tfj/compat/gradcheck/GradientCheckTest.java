package dev.tfj.compat.gradcheck;

import static dev.tfj.compat.gradcheck.GradientChecker.check;
import static dev.tfj.compat.gradcheck.GradientChecker.checkSecondOrder;
import static dev.tfj.compat.gradcheck.GradientChecker.f64;
import static dev.tfj.compat.gradcheck.GradientChecker.uniform;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tfj.Tensor;
import dev.tfj.Variable;
import dev.tfj.ops.DType;
import dev.tfj.ops.MathOps;
import dev.tfj.ops.Op;
import dev.tfj.tf;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BinaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.opentest4j.AssertionFailedError;

/**
 * Every differentiable op, through the public API (ExpandDims, which no {@code tf.*} function
 * emits yet, through the eager runtime), against float64 central differences; second order where
 * an op is only reached by a backward pass (Reciprocal, SelectV2, AddN, BroadcastTo).
 * {@link #COVERAGE} lists which test covers each op; {@link DifferentiabilityTableTest} fails the
 * build when a differentiable op is missing from it. Each test also asserts that the op it covers
 * really ran on the checked tape.
 */
class GradientCheckTest {
  /** Op type → the tests that check its gradient. Keep in step with {@code Op.all()}. */
  static final Map<String, String> COVERAGE = new TreeMap<>(Map.ofEntries(
      Map.entry("AddV2", "binaryOps[add,*], addNFromATensorUsedTwice"),
      Map.entry("Sub", "binaryOps[subtract,*]"),
      Map.entry("Mul", "binaryOps[multiply,*]"),
      Map.entry("RealDiv", "binaryOps[divide,*], secondOrderOfDivide"),
      Map.entry("Pow", "binaryOps[pow,*], powOfNegativeBaseWithIntegerExponent"),
      Map.entry("Neg", "unaryOps[negative]"),
      Map.entry("Square", "unaryOps[square], secondOrderOfUnaryOps[square]"),
      Map.entry("Sqrt", "unaryOps[sqrt], secondOrderOfUnaryOps[sqrt]"),
      Map.entry("Exp", "unaryOps[exp], secondOrderOfUnaryOps[exp]"),
      Map.entry("Log", "unaryOps[log], secondOrderOfUnaryOps[log]"),
      Map.entry("Reciprocal", "reciprocalThroughTheSecondDerivativeOfLog"),
      Map.entry("Cast", "castFloat32RoundTrip"),
      Map.entry("AddN", "addNFromATensorUsedTwice"),
      Map.entry("Sum", "reductions[reduce_sum,*]"),
      Map.entry("Mean", "reductions[reduce_mean,*]"),
      Map.entry("MatMul", "matmul[*], secondOrderOfTwoXTransposeX, secondOrderOfMatmulInBothInputs"),
      Map.entry("Identity", "unaryOps[identity]"),
      Map.entry("Reshape", "reshape[*]"),
      Map.entry("Squeeze", "norm[*] (axis given, keepdims=false)"),
      Map.entry("ExpandDims", "expandDimsThroughTheEagerRuntime"),
      Map.entry("Transpose", "transpose*"),
      Map.entry("BroadcastTo", "broadcastToThroughTheSecondDerivativeOfAReduction"),
      Map.entry("Fill", "fillValue"),
      Map.entry("SelectV2", "selectThroughTheSecondDerivativeOfPow, selectBothBranchesThroughTheEagerRuntime"),
      Map.entry("ReadVariableOp", "variableUsedTwice, variableBesideATensor"),
      Map.entry("Max", "reductions.ReductionGradientsTest (TensorFlow's gradients, second order)"),
      Map.entry("Min", "reductions.ReductionGradientsTest (TensorFlow's gradients, second order)"),
      Map.entry("Prod", "reductions.ReductionGradientsTest (TensorFlow's gradients, second order)"),
      Map.entry("EuclideanNorm", "reductions.ReductionGradientsTest.euclideanNormByCentralDifferences"),
      Map.entry("Cumsum", "reductions.ReductionGradientsTest (TensorFlow's gradients, second order)"),
      Map.entry("Cumprod", "reductions.ReductionGradientsTest.cumprodByCentralDifferences"),
      Map.entry("DivNoNan", "reductions.ReductionGradientsTest (TensorFlow's gradients, second order)"),
      Map.entry("BatchMatMulV2", "linalg.LinalgGradientsTest (TensorFlow's gradients, second order)"),
      Map.entry("Einsum", "linalg.LinalgGradientsTest (TensorFlow's gradients, second order)"),
      Map.entry("Svd", "linalg.SvdTest (float64 central differences: no Svd gradient in TensorFlow Java; second order)"),
      Map.entry("MatrixDiagPartV3", "linalg.LinalgGradientsTest.diagonalsByCentralDifferences"),
      Map.entry("MatrixDiagV3", "linalg.LinalgGradientsTest.diagonalsByCentralDifferences"),
      Map.entry("MatrixSetDiagV3", "linalg.LinalgGradientsTest.diagonalsByCentralDifferences"),
      Map.entry("Softmax", "NnGradientCheckTest.softmax*"),
      Map.entry("LogSoftmax", "NnGradientCheckTest.softmax*"),
      Map.entry("SoftmaxCrossEntropyWithLogits", "NnGradientCheckTest.softmaxCrossEntropy*"),
      Map.entry("SparseSoftmaxCrossEntropyWithLogits", "NnGradientCheckTest.sparseSoftmaxCrossEntropy"),
      Map.entry("BiasAdd", "NnGradientCheckTest.biasAdd[*]"),
      Map.entry("L2Loss", "NnGradientCheckTest.l2Loss"),
      Map.entry("ConcatV2", "shape.ShapeGradientCheckTest.concatStackUnstack"),
      Map.entry("Pack", "shape.ShapeGradientCheckTest.concatStackUnstack"),
      Map.entry("Unpack", "shape.ShapeGradientCheckTest.concatStackUnstack"),
      Map.entry("Split", "shape.ShapeGradientCheckTest.splits"),
      Map.entry("SplitV", "shape.ShapeGradientCheckTest.splits"),
      Map.entry("Slice", "shape.ShapeGradientCheckTest.slicesAndReverse"),
      Map.entry("StridedSlice", "shape.ShapeGradientCheckTest.slicesAndReverse"),
      Map.entry("StridedSliceGrad", "shape.ShapeGradientCheckTest.stridedSliceGradThroughTheSecondDerivative"),
      Map.entry("ReverseV2", "shape.ShapeGradientCheckTest.slicesAndReverse"),
      Map.entry("Pad", "shape.ShapeGradientCheckTest.padsAndTile"),
      Map.entry("PadV2", "shape.ShapeGradientCheckTest.padsAndTile"),
      Map.entry("MirrorPad", "shape.ShapeGradientCheckTest.padsAndTile"),
      Map.entry("MirrorPadGrad", "shape.ShapeGradientCheckTest.mirrorPadGradThroughTheSecondDerivative"),
      Map.entry("Tile", "shape.ShapeGradientCheckTest.padsAndTile"),
      Map.entry("GatherV2", "shape.ShapeGradientCheckTest.gathers"),
      Map.entry("GatherNd", "shape.ShapeGradientCheckTest.gathers, gatherScatterThroughTheSecondDerivative"),
      Map.entry("ScatterNd", "shape.ShapeGradientCheckTest.gathers, gatherScatterThroughTheSecondDerivative"),
      // Elementwise math and activations (issue 3), checked in compat.elementwise against
      // TensorFlow's graph gradients or *Grad kernels, and with GradientChecker to second order.
      Map.entry("Abs", "elementwise.UnaryOpsTest.gradientsMatchTensorFlow[Abs *], "
          + "elementwise.EdgeGradientsTest.pinnedValuesAtKinksAndTies, "
          + "elementwise.EdgeGradientsTest.secondDerivatives[abs]"),
      Map.entry("Sign", "elementwise.UnaryOpsTest.gradientsMatchTensorFlow[Sign *], "
          + "elementwise.EdgeGradientsTest.pinnedValuesAtKinksAndTies"),
      Map.entry("Rsqrt", "elementwise.UnaryOpsTest.gradientsMatchTensorFlow[Rsqrt *], "
          + "elementwise.EdgeGradientsTest.gradientsMatchTensorFlowsGradKernels[Rsqrt *], "
          + "elementwise.EdgeGradientsTest.secondDerivatives[rsqrt]"),
      Map.entry("Expm1", "elementwise.UnaryOpsTest.gradientsMatchTensorFlow[Expm1 *], "
          + "elementwise.EdgeGradientsTest.secondDerivatives[expm1]"),
      Map.entry("Log1p", "elementwise.UnaryOpsTest.gradientsMatchTensorFlow[Log1p *], "
          + "elementwise.EdgeGradientsTest.secondDerivatives[log1p]"),
      Map.entry("Sin", "elementwise.UnaryOpsTest.gradientsMatchTensorFlow[Sin *], "
          + "elementwise.EdgeGradientsTest.secondDerivatives[sin]"),
      Map.entry("Cos", "elementwise.UnaryOpsTest.gradientsMatchTensorFlow[Cos *], "
          + "elementwise.EdgeGradientsTest.secondDerivatives[cos]"),
      Map.entry("Tan", "elementwise.UnaryOpsTest.gradientsMatchTensorFlow[Tan *], "
          + "elementwise.EdgeGradientsTest.secondDerivatives[tan]"),
      Map.entry("Asin", "elementwise.UnaryOpsTest.gradientsMatchTensorFlow[Asin *], "
          + "elementwise.EdgeGradientsTest.secondDerivatives[asin]"),
      Map.entry("Acos", "elementwise.UnaryOpsTest.gradientsMatchTensorFlow[Acos *], "
          + "elementwise.EdgeGradientsTest.secondDerivatives[acos]"),
      Map.entry("Atan", "elementwise.UnaryOpsTest.gradientsMatchTensorFlow[Atan *], "
          + "elementwise.EdgeGradientsTest.secondDerivatives[atan]"),
      Map.entry("Sinh", "elementwise.UnaryOpsTest.gradientsMatchTensorFlow[Sinh *], "
          + "elementwise.EdgeGradientsTest.secondDerivatives[sinh]"),
      Map.entry("Cosh", "elementwise.UnaryOpsTest.gradientsMatchTensorFlow[Cosh *], "
          + "elementwise.EdgeGradientsTest.secondDerivatives[cosh]"),
      Map.entry("Tanh", "elementwise.UnaryOpsTest.gradientsMatchTensorFlow[Tanh *], "
          + "elementwise.EdgeGradientsTest.gradientsMatchTensorFlowsGradKernels[Tanh *], "
          + "elementwise.EdgeGradientsTest.secondDerivatives[tanh]"),
      Map.entry("Sigmoid", "elementwise.UnaryOpsTest.gradientsMatchTensorFlow[Sigmoid *], "
          + "elementwise.EdgeGradientsTest.gradientsMatchTensorFlowsGradKernels[Sigmoid *], "
          + "elementwise.EdgeGradientsTest.secondDerivatives[sigmoid]"),
      Map.entry("Erf", "elementwise.UnaryOpsTest.gradientsMatchTensorFlow[Erf *], "
          + "elementwise.EdgeGradientsTest.secondDerivatives[erf], "
          + "elementwise.CompositeOpsTest.geluIsTensorFlowsComposite"),
      Map.entry("Floor", "elementwise.UnaryOpsTest.gradientIsNoneWhereTensorFlowRegistersNone[Floor]"),
      Map.entry("Ceil", "elementwise.UnaryOpsTest.gradientIsNoneWhereTensorFlowRegistersNone[Ceil]"),
      Map.entry("Round", "elementwise.UnaryOpsTest.gradientIsNoneWhereTensorFlowRegistersNone[Round]"),
      Map.entry("FloorDiv", "elementwise.BinaryOpsTest.floorDivHasNoGradient"),
      Map.entry("FloorMod", "elementwise.BinaryOpsTest.floorModGradientMatchesCentralDifferences, "
          + "elementwise.EdgeGradientsTest.secondDerivatives[floormod]"),
      Map.entry("Maximum", "elementwise.BinaryOpsTest.gradientsMatchTensorFlow[Maximum *], "
          + "elementwise.EdgeGradientsTest.pinnedValuesAtKinksAndTies"),
      Map.entry("Minimum", "elementwise.BinaryOpsTest.gradientsMatchTensorFlow[Minimum *], "
          + "elementwise.EdgeGradientsTest.pinnedValuesAtKinksAndTies"),
      Map.entry("SquaredDifference", "elementwise.BinaryOpsTest.gradientsMatchTensorFlow[SquaredDifference *], "
          + "elementwise.EdgeGradientsTest.secondDerivatives[squared_difference]"),
      Map.entry("Relu", "elementwise.UnaryOpsTest.gradientsMatchTensorFlow[Relu *], "
          + "elementwise.EdgeGradientsTest.gradientsMatchTensorFlowsGradKernels[Relu *], "
          + "elementwise.EdgeGradientsTest.pinnedValuesAtKinksAndTies"),
      Map.entry("Relu6", "elementwise.UnaryOpsTest.gradientsMatchTensorFlow[Relu6 *], "
          + "elementwise.EdgeGradientsTest.gradientsMatchTensorFlowsGradKernels[Relu6 *], "
          + "elementwise.EdgeGradientsTest.pinnedValuesAtKinksAndTies"),
      Map.entry("LeakyRelu", "elementwise.UnaryOpsTest.gradientsMatchTensorFlow[LeakyRelu *], "
          + "elementwise.EdgeGradientsTest.gradientsMatchTensorFlowsGradKernels[LeakyRelu *], "
          + "elementwise.EdgeGradientsTest.pinnedValuesAtKinksAndTies"),
      Map.entry("ReluGrad", "elementwise.EdgeGradientsTest.secondDerivatives[relu], "
          + "elementwise.EdgeGradientsTest.secondDerivativesThatAreZerosOrNone"),
      Map.entry("Relu6Grad", "elementwise.EdgeGradientsTest.secondDerivatives[relu6], "
          + "elementwise.EdgeGradientsTest.secondDerivativesThatAreZerosOrNone"),
      Map.entry("LeakyReluGrad", "elementwise.EdgeGradientsTest.secondDerivatives[leaky_relu], "
          + "elementwise.EdgeGradientsTest.secondDerivativesThatAreZerosOrNone"),
      Map.entry("Elu", "elementwise.UnaryOpsTest.gradientsMatchTensorFlow[Elu *], "
          + "elementwise.EdgeGradientsTest.gradientsMatchTensorFlowsGradKernels[Elu *], "
          + "elementwise.EdgeGradientsTest.secondDerivatives[elu]"),
      Map.entry("Selu", "elementwise.UnaryOpsTest.gradientsMatchTensorFlow[Selu *], "
          + "elementwise.EdgeGradientsTest.gradientsMatchTensorFlowsGradKernels[Selu *], "
          + "elementwise.EdgeGradientsTest.secondDerivatives[selu]"),
      Map.entry("Softplus", "elementwise.UnaryOpsTest.gradientsMatchTensorFlow[Softplus *], "
          + "elementwise.EdgeGradientsTest.gradientsMatchTensorFlowsGradKernels[Softplus *], "
          + "elementwise.EdgeGradientsTest.secondDerivatives[softplus]")));

  static Tensor x23() {
    return uniform(new long[] {2, 3}, -2, 2, 1);
  }

  static Tensor positive(long... shape) {
    return uniform(shape, 0.5, 2.5, 2);
  }

  static Tensor x(List<Tensor> xs) {
    return xs.get(0);
  }

  static Tensor y(List<Tensor> xs) {
    return xs.get(1);
  }

  // ---------------------------------------------------------------- the checker can fail

  @Test
  void theCheckerRejectsAWrongGradient() {
    // stop_gradient(x) * x has tape gradient x but true derivative 2x: the checker must say so.
    AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> check("half-stopped square",
        xs -> tf.multiply(tf.stop_gradient(x(xs)), x(xs)), f64(new long[] {2}, 1.5, -0.5)));
    assertTrue(e.getMessage().startsWith("half-stopped square: d/dx0 at element [0] (flat 0): tape gave"),
        e.getMessage());
    assertTrue(e.getMessage().contains("central difference gave"), e.getMessage());
  }

  @Test
  void theCheckerRejectsANullGradient() {
    AssertionFailedError e = assertThrows(AssertionFailedError.class,
        () -> check("stopped", xs -> tf.stop_gradient(x(xs)), f64(new long[] {2}, 1, 2)));
    assertTrue(e.getMessage().contains("null gradient for input #0"), e.getMessage());
  }

  @Test
  void theSecondOrderCheckerRejectsAWrongSecondDerivative() {
    // f = x * stop_gradient(x) * x: the tape's first derivative 2 s x (s = stop_gradient(x)) is
    // connected but its recorded derivative is 2 s, where the derivative of TFJ's own first
    // derivative (as a function of x) is 4 x: the checker must fail.
    AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> checkSecondOrder("stopped cube",
        xs -> tf.multiply(x(xs), tf.multiply(tf.stop_gradient(x(xs)), x(xs))), f64(new long[] {2}, 1.5, 2)));
    assertTrue(e.getMessage().startsWith("stopped cube: d(v.dL/dx)/dx0 at element [0] (flat 0): tape gave"),
        e.getMessage());
  }

  // ---------------------------------------------------------------- elementwise unary

  static Stream<Arguments> unary() {
    return Stream.of(
        Arguments.of("negative", "Neg", false),
        Arguments.of("square", "Square", false),
        Arguments.of("sqrt", "Sqrt", true),
        Arguments.of("exp", "Exp", false),
        Arguments.of("log", "Log", true),
        Arguments.of("identity", "Identity", false));
  }

  static Tensor applyUnary(String name, Tensor x) {
    return switch (name) {
      case "negative" -> tf.negative(x);
      case "square" -> tf.square(x);
      case "sqrt" -> tf.sqrt(x);
      case "exp" -> tf.exp(x);
      case "log" -> tf.log(x);
      case "identity" -> tf.identity(x);
      default -> throw new IllegalArgumentException(name);
    };
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("unary")
  void unaryOps(String name, String opType, boolean positiveOnly) {
    Tensor x = positiveOnly ? positive(2, 3) : x23();
    check(name, xs -> applyUnary(name, x(xs)), x).assertRan(opType);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("unary")
  void unaryOpsOnAScalar(String name, String opType, boolean positiveOnly) {
    check(name + " of a scalar", xs -> applyUnary(name, x(xs)), f64(new long[0], 1.25)).assertRan(opType);
  }

  // ---------------------------------------------------------------- elementwise binary, with broadcasting

  static final Map<String, BinaryOperator<Tensor>> BINARY = Map.of(
      "add", tf::add, "subtract", tf::subtract, "multiply", tf::multiply, "divide", tf::divide, "pow", tf::pow);
  static final Map<String, String> BINARY_OP_TYPE = Map.of(
      "add", "AddV2", "subtract", "Sub", "multiply", "Mul", "divide", "RealDiv", "pow", "Pow");

  /** Shape pairs: equal, [2,3] op [3], [3] op [2,3], [2,1] op [1,3], scalar op matrix, matrix op scalar. */
  static final long[][][] BROADCASTS = {
      {{2, 3}, {2, 3}}, {{2, 3}, {3}}, {{3}, {2, 3}}, {{2, 1}, {1, 3}}, {{}, {2, 3}}, {{2, 3}, {}}};

  static Stream<Arguments> binary() {
    List<Arguments> cases = new ArrayList<>();
    for (String op : List.of("add", "subtract", "multiply", "divide", "pow")) {
      for (long[][] shapes : BROADCASTS) {
        cases.add(Arguments.of(op, Arrays.toString(shapes[0]) + " op "
            + Arrays.toString(shapes[1]), shapes[0], shapes[1]));
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("binary")
  void binaryOps(String op, String shapes, long[] xShape, long[] yShape) {
    // Bases and divisors stay away from 0 (pow's exponent gradient takes log(x)); exponents and
    // numerators take both signs.
    boolean positiveX = op.equals("pow");
    boolean positiveY = op.equals("divide");
    Tensor x = positiveX ? uniform(xShape, 0.5, 2.5, 3) : uniform(xShape, -2, 2, 3);
    Tensor y = positiveY ? uniform(yShape, 0.5, 2.5, 4) : uniform(yShape, -2, 2, 4);
    check(op + " " + shapes, xs -> BINARY.get(op).apply(x(xs), y(xs)), x, y).assertRan(BINARY_OP_TYPE.get(op));
  }

  @Test
  void powOfNegativeBaseWithIntegerExponent() {
    check("pow(x<0, 3)", xs -> tf.pow(x(xs), 3.0), uniform(new long[] {2, 3}, -2.5, -0.5, 5)).assertRan("Pow");
  }

  @Test
  void secondOrderOfDivide() {
    checkSecondOrder("divide", xs -> tf.divide(x(xs), y(xs)), x23(), positive(2, 3)).assertRan("RealDiv");
  }

  // ---------------------------------------------------------------- matmul

  static Stream<Arguments> transposes() {
    return Stream.of(Arguments.of(false, false), Arguments.of(false, true),
        Arguments.of(true, false), Arguments.of(true, true));
  }

  @ParameterizedTest(name = "transpose_a={0}, transpose_b={1}")
  @MethodSource("transposes")
  void matmul(boolean ta, boolean tb) {
    Tensor a = uniform(ta ? new long[] {3, 2} : new long[] {2, 3}, -2, 2, 6);
    Tensor b = uniform(tb ? new long[] {4, 3} : new long[] {3, 4}, -2, 2, 7);
    check("matmul(ta=" + ta + ", tb=" + tb + ")", xs -> tf.matmul(x(xs), y(xs), ta, tb), a, b).assertRan("MatMul");
  }

  @ParameterizedTest(name = "transpose_a={0}, transpose_b={1}")
  @MethodSource("transposes")
  void secondOrderOfMatmulInBothInputs(boolean ta, boolean tb) {
    Tensor a = uniform(ta ? new long[] {3, 2} : new long[] {2, 3}, -2, 2, 6);
    Tensor b = uniform(tb ? new long[] {4, 3} : new long[] {3, 4}, -2, 2, 7);
    checkSecondOrder("matmul(ta=" + ta + ", tb=" + tb + ")", xs -> tf.matmul(x(xs), y(xs), ta, tb), a, b)
        .assertRan("MatMul");
  }

  // ---------------------------------------------------------------- shapes

  @Test
  void transposeWithAPermutation() {
    check("transpose perm {2,0,1}", xs -> tf.transpose(x(xs), new int[] {2, 0, 1}),
        uniform(new long[] {2, 3, 4}, -2, 2, 8)).assertRan("Transpose");
  }

  @Test
  void transposeDefaultReversesAxes() {
    check("transpose", xs -> tf.multiply(tf.transpose(x(xs)), tf.transpose(x(xs))), x23()).assertRan("Transpose");
  }

  static Stream<Arguments> reshapes() {
    return Stream.of(Arguments.of("(3, 2)", new long[] {3, 2}), Arguments.of("(-1,)", new long[] {-1}),
        Arguments.of("(3, -1)", new long[] {3, -1}), Arguments.of("(1, 6, 1)", new long[] {1, 6, 1}),
        Arguments.of("(-1, 2, 1)", new long[] {-1, 2, 1}));
  }

  @ParameterizedTest(name = "reshape to {0}")
  @MethodSource("reshapes")
  void reshape(String label, long[] shape) {
    // Squared after the reshape, so each element's gradient depends on its own value.
    check("reshape " + label, xs -> tf.square(tf.reshape(x(xs), shape)), x23()).assertRan("Reshape");
  }

  @Test
  void reshapeToAScalar() {
    check("reshape (1,) to ()", xs -> tf.exp(tf.reshape(x(xs))), f64(new long[] {1}, 0.75)).assertRan("Reshape");
  }

  // ---------------------------------------------------------------- reductions

  static Stream<Arguments> reductions() {
    List<Arguments> cases = new ArrayList<>();
    int[][] axes = {null, {0}, {1}, {2}, {-1}, {0, 2}};
    for (String op : List.of("reduce_sum", "reduce_mean")) {
      for (int[] axis : axes) {
        for (boolean keepdims : new boolean[] {false, true}) {
          cases.add(Arguments.of(op, axis == null ? "None" : Arrays.toString(axis), axis, keepdims));
        }
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}(axis={1}, keepdims={3})")
  @MethodSource("reductions")
  void reductions(String op, String label, int[] axis, boolean keepdims) {
    Tensor x = uniform(new long[] {2, 3, 4}, -2, 2, 9);
    // Squared before reducing so the gradient differs per element.
    GradientChecker.Fn f = op.equals("reduce_sum")
        ? xs -> tf.reduce_sum(tf.square(x(xs)), axis, keepdims)
        : xs -> tf.reduce_mean(tf.square(x(xs)), axis, keepdims);
    check(op + "(axis=" + label + ", keepdims=" + keepdims + ")", f, x)
        .assertRan(op.equals("reduce_sum") ? "Sum" : "Mean");
  }

  @Test
  void reductionsWithTheIntAxisOverloads() {
    check("reduce_sum(x, 1)", xs -> tf.reduce_sum(tf.square(x(xs)), 1), x23()).assertRan("Sum");
    check("reduce_mean(x, 0, true)", xs -> tf.reduce_mean(tf.square(x(xs)), 0, true), x23()).assertRan("Mean");
    check("reduce_mean(x)", xs -> tf.reduce_mean(tf.square(x(xs))), x23()).assertRan("Mean");
  }

  // ---------------------------------------------------------------- norm

  static Stream<Arguments> norms() {
    return Stream.of(
        Arguments.of("norm(x)", (GradientChecker.Fn) xs -> tf.norm(x(xs)), false),
        Arguments.of("norm(x, axis=None, keepdims=True)",
            (GradientChecker.Fn) xs -> tf.norm(x(xs), "euclidean", null, true), false),
        Arguments.of("norm(x, axis=0)", (GradientChecker.Fn) xs -> tf.norm(x(xs), "euclidean", 0), true),
        Arguments.of("norm(x, axis=1)", (GradientChecker.Fn) xs -> tf.norm(x(xs), "euclidean", 1), true),
        Arguments.of("norm(x, axis=-1)", (GradientChecker.Fn) xs -> tf.norm(x(xs), "euclidean", -1), true),
        Arguments.of("norm(x, axis=1, keepdims=True)",
            (GradientChecker.Fn) xs -> tf.norm(x(xs), "euclidean", 1, true), false),
        Arguments.of("norm(x, axis=(0, 1))",
            (GradientChecker.Fn) xs -> tf.norm(x(xs), "euclidean", new int[] {0, 1}), true),
        Arguments.of("norm(x, 'fro', axis=(1, 0), keepdims=True)",
            (GradientChecker.Fn) xs -> tf.norm(x(xs), "fro", new int[] {1, 0}, true), false),
        Arguments.of("norm(x, 'fro', axis=(-2, -1))",
            (GradientChecker.Fn) xs -> tf.norm(x(xs), "fro", new int[] {-2, -1}), true));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("norms")
  void norm(String name, GradientChecker.Fn f, boolean squeezes) {
    GradientChecker.Report r = check(name, f, x23()).assertRan("Mul", "Sum", "Sqrt");
    if (squeezes) {
      r.assertRan("Squeeze");
    }
  }

  @Test
  void normOfAVector() {
    check("norm(vector)", xs -> tf.norm(x(xs)), f64(new long[] {4}, 3, -4, 0.5, 1)).assertRan("Sqrt");
  }

  // ---------------------------------------------------------------- cast, fill, identity paths

  @Test
  void castFloat64ToFloat64IsTheInputItself() {
    // As in TensorFlow, tf.cast to the tensor's own dtype returns the tensor: no Cast op.
    Tensor x = x23();
    assertSame(x, tf.cast(x, tf.float64));
    GradientChecker.Report r = check("cast(x, float64) * x", xs -> tf.multiply(tf.cast(x(xs), tf.float64), x(xs)), x);
    assertFalse(r.ops().contains("Cast"), "no Cast op: " + r.ops());
  }

  @Test
  void castFloat32RoundTrip() {
    // float64 -> float32 -> float64: the numbers pass through float32, so a wider step and tolerance.
    GradientChecker.DEFAULT.withStep(1e-2).withTolerance(1e-4, 1e-5).checkFirstOrder("cast round trip",
        xs -> tf.cast(tf.square(tf.cast(x(xs), tf.float32)), tf.float64), x23()).assertRan("Cast");
  }

  @Test
  void fillValue() {
    check("fill([2,3], value)", xs -> tf.multiply(tf.fill(new long[] {2, 3}, x(xs)), x23()),
        f64(new long[0], 1.5)).assertRan("Fill");
  }

  // ---------------------------------------------------------------- ops reached by backward passes

  @Test
  void reciprocalThroughTheSecondDerivativeOfLog() {
    checkSecondOrder("log", xs -> tf.log(x(xs)), positive(2, 3)).assertRan("Log", "Reciprocal");
  }

  @Test
  void selectThroughTheSecondDerivativeOfPow() {
    checkSecondOrder("pow(x, y)", xs -> tf.pow(x(xs), y(xs)), positive(2, 3), uniform(new long[] {2, 3}, -1.5, 2.5, 10))
        .assertRan("Pow", "SelectV2");
    checkSecondOrder("pow(x, y) broadcast", xs -> tf.pow(x(xs), y(xs)), positive(2, 3), f64(new long[] {3}, 0.5, 2, -1))
        .assertRan("Pow", "SelectV2");
  }

  @Test
  void selectBothBranchesThroughTheEagerRuntime() {
    // Pow's gradient only sends gradients into select's condition-true branch (its false
    // branches are zeros_like/ones_like), and there is no public tf.where yet: check both
    // branches, with broadcasting, on the eager runtime.
    double[] x = GradientChecker.flat(x23());
    assertTrue(Arrays.stream(x).anyMatch(v -> v > 0) && Arrays.stream(x).anyMatch(v -> v <= 0),
        "both branches are taken: " + Arrays.toString(x));
    GradientChecker.DEFAULT.checkEager("select(x > 0, x * y, exp(y))",
        (o, xs) -> o.select(o.compare(MathOps.GREATER, xs.get(0), o.scalar(DType.FLOAT64, 0)),
            o.mul(xs.get(0), xs.get(1)), o.exp(xs.get(1))),
        new long[][] {{2, 3}, {2, 3}}, x, GradientChecker.flat(positive(2, 3))).assertRan("SelectV2");
    // The condition from a constant (a condition gets no gradient): y and z broadcast to [2,3].
    GradientChecker.DEFAULT.checkEager("select(c[2,3], y[3]^2, exp(z[]))",
        (o, xs) -> o.select(o.compare(MathOps.GREATER, o.constant(DType.FLOAT64, new long[] {2, 3}, x.clone()),
            o.scalar(DType.FLOAT64, 0)), o.square(xs.get(0)), o.exp(xs.get(1))),
        new long[][] {{3}, {}}, new double[] {0.5, -1.5, 2}, new double[] {0.25}).assertRan("SelectV2");
  }

  @Test
  void addNFromATensorUsedTwice() {
    GradientChecker.Fn f = xs -> tf.add(tf.multiply(x(xs), x(xs)), x(xs));
    check("x*x + x", f, x23()).assertRan("Mul", "AddV2", "AddN");
    checkSecondOrder("x*x + x", f, x23()).assertRan("AddN");
  }

  @Test
  void broadcastToThroughTheSecondDerivativeOfAReduction() {
    checkSecondOrder("square(reduce_sum(x, 1))", xs -> tf.square(tf.reduce_sum(x(xs), 1)), x23())
        .assertRan("Sum", "BroadcastTo", "Reshape");
    checkSecondOrder("exp(reduce_mean(x, 0, keepdims))", xs -> tf.exp(tf.reduce_mean(x(xs), 0, true)), x23())
        .assertRan("Mean", "BroadcastTo");
  }

  @Test
  void secondOrderThroughBroadcasting() {
    checkSecondOrder("x[2,3] * y[3] * x", xs -> tf.multiply(tf.multiply(x(xs), y(xs)), x(xs)),
        x23(), f64(new long[] {3}, 0.5, -1, 2)).assertRan("Mul");
  }

  @Test
  void expandDimsThroughTheEagerRuntime() {
    // No tf.expand_dims in the public API yet: run the op itself on the eager runtime.
    for (int axis : new int[] {0, 1, 2, -1}) {
      GradientChecker.DEFAULT.checkEager("expand_dims(x, " + axis + ")",
          (o, xs) -> o.square(o.expandDims(xs.get(0), axis)),
          new long[][] {{2, 3}}, GradientChecker.flat(x23())).assertRan("ExpandDims");
    }
  }

  // ---------------------------------------------------------------- variables

  @Test
  void variableUsedTwice() {
    Variable v = tf.Variable(x23());
    check("v * v + exp(v)", xs -> tf.add(tf.multiply(x(xs), x(xs)), tf.exp(x(xs))), v)
        .assertRan("ReadVariableOp", "AddN");
    assertEquals(Arrays.toString(GradientChecker.flat(x23())),
        Arrays.toString(GradientChecker.flat(v)), "the checker restores the variable");
  }

  @Test
  void variableBesideATensor() {
    Variable w = tf.Variable(uniform(new long[] {3, 2}, -1, 1, 11));
    check("matmul(x, w) + reduce_sum(w, 0)", xs -> tf.add(tf.matmul(x(xs), y(xs)), tf.reduce_sum(y(xs), 0)),
        x23(), w).assertRan("ReadVariableOp", "MatMul");
  }

  @Test
  void secondOrderOfAVariable() {
    checkSecondOrder("v^3", xs -> tf.multiply(tf.multiply(x(xs), x(xs)), x(xs)), tf.Variable(x23()))
        .assertRan("ReadVariableOp");
  }

  // ---------------------------------------------------------------- second order, named cases

  static Stream<Arguments> secondOrderUnary() {
    return Stream.of(
        Arguments.of("x^3 (pow)", (GradientChecker.Fn) xs -> tf.pow(x(xs), 3.0), false),
        Arguments.of("x^3 (x*x*x)", (GradientChecker.Fn) xs -> tf.multiply(tf.multiply(x(xs), x(xs)), x(xs)), false),
        Arguments.of("exp", (GradientChecker.Fn) xs -> tf.exp(x(xs)), false),
        Arguments.of("log", (GradientChecker.Fn) xs -> tf.log(x(xs)), true),
        Arguments.of("sqrt", (GradientChecker.Fn) xs -> tf.sqrt(x(xs)), true),
        Arguments.of("square", (GradientChecker.Fn) xs -> tf.square(x(xs)), false),
        Arguments.of("negative * x", (GradientChecker.Fn) xs -> tf.multiply(tf.negative(x(xs)), x(xs)), false),
        Arguments.of("reduce_mean(x^2)", (GradientChecker.Fn) xs -> tf.reduce_mean(tf.square(x(xs))), false),
        Arguments.of("norm", (GradientChecker.Fn) xs -> tf.norm(x(xs), "euclidean", 1), false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("secondOrderUnary")
  void secondOrderOfUnaryOps(String name, GradientChecker.Fn f, boolean positiveOnly) {
    checkSecondOrder(name, f, positiveOnly ? positive(2, 3) : x23());
  }

  @Test
  void secondOrderOfTwoXTransposeX() {
    // The notebook's y = 2 x^T x with x of shape (4, 1): d2y/dx2 = 4 I.
    checkSecondOrder("2 x^T x", xs -> tf.multiply(2.0, tf.matmul(tf.transpose(x(xs)), x(xs))),
        f64(new long[] {4, 1}, 0, 1, 2, 3)).assertRan("MatMul", "Transpose");
  }

  // ---------------------------------------------------------------- the coverage list itself

  @Test
  void coverageListNamesOnlyDifferentiableOps() {
    List<String> stale = new ArrayList<>();
    for (String name : COVERAGE.keySet()) {
      boolean differentiable = Op.all().stream()
          .anyMatch(op -> op.name.equals(name) && op.gradient() != null && !op.isNotDifferentiable());
      if (!differentiable) {
        stale.add(name);
      }
    }
    assertEquals(List.of(), stale, "COVERAGE names ops that are not differentiable ops of Op.all()");
  }
}
