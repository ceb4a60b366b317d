package dev.tfj.compat.nn;

import static dev.tfj.compat.nn.NnOracle.assertAgree;
import static dev.tfj.compat.nn.NnOracle.assertRejected;
import static dev.tfj.compat.nn.NnOracle.of;
import static dev.tfj.compat.nn.NnOracle.tfMessage;
import static dev.tfj.compat.nn.NnOracle.tfj;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.tfj.GradientTape;
import dev.tfj.Tensor;
import dev.tfj.compat.ComparedWithTensorFlow;
import dev.tfj.compat.oracle.Oracle;
import dev.tfj.compat.oracle.Oracle.Values;
import dev.tfj.errors.InvalidArgumentError;
import dev.tfj.errors.ValueError;
import dev.tfj.ops.DType;
import dev.tfj.tf;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Gradients;
import org.tensorflow.types.TFloat32;

/**
 * tf.nn.softmax_cross_entropy_with_logits and tf.nn.sparse_softmax_cross_entropy_with_logits
 * against TensorFlow. The TensorFlow side is what TensorFlow's Python layer builds: the class
 * axis transposed last, both inputs reshaped to [batch, classes] (labels [batch]), the fused op,
 * the loss reshaped back. Gradients: TensorFlow Java's graph gradients where it has them
 * (float32 softmax cross-entropy; its C++ rule builds an ill-typed graph for float64); float64
 * and the sparse op (TensorFlow Java has no SparseSoftmaxCrossEntropyWithLogits gradient) are
 * checked against central differences in NnGradientCheckTest.
 */
@ComparedWithTensorFlow({"SoftmaxCrossEntropyWithLogits", "SparseSoftmaxCrossEntropyWithLogits"})
@SuppressWarnings({"unchecked", "rawtypes"})
class CrossEntropyTest {
  private static final List<DType> FLOATS = List.of(DType.FLOAT32, DType.FLOAT64);
  private static final double INF = Double.POSITIVE_INFINITY;

  private static final Ops tfe = NnOracle.EAGER;

  /** TensorFlow's loss for [batch, classes] logits and labels broadcastable to them. */
  static Operand<?> tfLoss(Operand<?> logits, Operand<?> labels) {
    return tfe.nn.softmaxCrossEntropyWithLogits((Operand) logits, (Operand) labels).loss();
  }

  static Operand<?> reshape(Operand<?> x, long... shape) {
    return tfe.reshape(x, tfe.constant(shape));
  }

  @Test
  void matricesMatchTensorFlow() {
    double[][] logits = {{1, 2, 3}, {-1, 0.5, 4}, {1000, 999, -1000}, {0, 0, 0}};
    double[][] labels = {{0, 1, 0}, {0.2, 0.5, 0.3}, {0.5, 0.5, 0}, {1, 0, 0}};
    for (DType dtype : FLOATS) {
      Operand<?> expected = tfLoss(NnOracle.tf(tfe, logits, dtype), NnOracle.tf(tfe, labels, dtype));
      assertAgree(of(expected), of(tf.nn.softmax_cross_entropy_with_logits(tfj(labels, dtype),
          tfj(logits, dtype))), "loss " + dtype);
    }
  }

  @Test
  void smallRowsAreBitForBitTensorFlows() {
    double[][] logits = {{1, 2, 3}, {-1, 0.5, 4}};
    double[][] labels = {{0, 1, 0}, {0.2, 0.5, 0.3}};
    NnOracle.assertBitForBit(of(tfLoss(NnOracle.tf(tfe, logits, DType.FLOAT32),
        NnOracle.tf(tfe, labels, DType.FLOAT32))),
        of(tf.nn.softmax_cross_entropy_with_logits(tfj(labels, DType.FLOAT32), tfj(logits, DType.FLOAT32))),
        "loss");
  }

  @Test
  void edgeValuesMatchTensorFlow() {
    // -inf logits with probability 0 give 0 * inf = NaN, as in TensorFlow; with all the mass on
    // them, +inf; an empty batch gives an empty loss
    double[][] logits = {{-INF, 0, 1}, {-INF, 0, 1}, {5, 5, 5}};
    double[][] labels = {{0, 0.5, 0.5}, {1, 0, 0}, {0, 0, 0}};
    for (DType dtype : FLOATS) {
      assertAgree(of(tfLoss(NnOracle.tf(tfe, logits, dtype), NnOracle.tf(tfe, labels, dtype))),
          of(tf.nn.softmax_cross_entropy_with_logits(tfj(labels, dtype), tfj(logits, dtype))), "edges " + dtype);
      Operand<?> none = tfe.zeros(tfe.constant(new int[] {0, 3}), (Class) Oracle.typeClass(dtype));
      Tensor empty = tf.zeros(new long[] {0, 3}, dtype);
      assertAgree(of(tfLoss(none, none)), of(tf.nn.softmax_cross_entropy_with_logits(empty, empty)), "empty " + dtype);
    }
  }

  @Test
  void oneLabelRowBroadcastsOverTheBatch() {
    double[][] logits = {{1, 2, 3}, {1, 2, 5}};
    double[] labels = {0.25, 0.25, 0.5};
    for (DType dtype : FLOATS) {
      Operand<?> expected = tfLoss(NnOracle.tf(tfe, logits, dtype), reshape(NnOracle.tf(tfe, labels, dtype), 1, 3));
      assertAgree(of(expected), of(tf.nn.softmax_cross_entropy_with_logits(tfj(labels, dtype),
          tfj(logits, dtype))), "broadcast labels " + dtype);
    }
  }

  @Test
  void otherRanksAndAxesMatchTensorFlowsReshapes() {
    double[][][] logits = SoftmaxTest.ramp(2, 3, 2);
    double[][][] labels = new double[2][3][2];
    for (int i = 0; i < 2; i++) {
      for (int k = 0; k < 2; k++) {
        labels[i][(i + k) % 3][k] = 1; // one-hot along axis 1
      }
    }
    double[] vector = {0.5, -1, 2};
    double[] vectorLabels = {0, 0, 1};
    for (DType dtype : FLOATS) {
      Operand<?> x = NnOracle.tf(tfe, logits, dtype);
      Operand<?> y = NnOracle.tf(tfe, labels, dtype);
      // axis -1: classes are the last axis (size 2)
      Operand<?> last = reshape(tfLoss(reshape(x, -1, 2), reshape(y, -1, 2)), 2, 3);
      assertAgree(of(last), of(tf.nn.softmax_cross_entropy_with_logits(tfj(labels, dtype), tfj(logits, dtype))),
          "rank 3, axis -1 " + dtype);
      // axis 1: transposed to [2, 2, 3] first
      Operand perm = tfe.constant(new int[] {0, 2, 1});
      Operand<?> middle = reshape(tfLoss(reshape(tfe.linalg.transpose((Operand) x, perm), -1, 3),
          reshape(tfe.linalg.transpose((Operand) y, perm), -1, 3)), 2, 2);
      assertAgree(of(middle), of(tf.nn.softmax_cross_entropy_with_logits(tfj(labels, dtype), tfj(logits, dtype), 1)),
          "rank 3, axis 1 " + dtype);
      // a vector is one example: a scalar loss
      Operand<?> scalar = reshape(tfLoss(reshape(NnOracle.tf(tfe, vector, dtype), 1, 3),
          reshape(NnOracle.tf(tfe, vectorLabels, dtype), 1, 3)));
      assertAgree(of(scalar), of(tf.nn.softmax_cross_entropy_with_logits(tfj(vectorLabels, dtype),
          tfj(vector, dtype))), "vector " + dtype);
    }
  }

  @Test
  void integerLabelsTakeTheLogitsDtypeAndGetNoGradient() {
    int[][] labels = {{0, 1, 0}, {1, 0, 0}};
    double[][] logits = {{1, 2, 3}, {3, 1, 2}};
    Tensor x = tfj(logits, DType.FLOAT32);
    Tensor y = tf.constant(labels);
    GradientTape tape = tf.GradientTape();
    Tensor loss;
    try (tape) {
      tape.watch(x);
      tape.watch(y);
      loss = tf.nn.softmax_cross_entropy_with_logits(y, x);
    }
    assertAgree(of(tfLoss(NnOracle.tf(tfe, logits, DType.FLOAT32),
        tfe.dtypes.cast(tfe.constant(labels), TFloat32.class))), of(loss), "loss");
    assertNull(tape.gradient(loss, List.of(x, y)).get(1), "an integer source gets None");
  }

  @Test
  void float32GradientsOfLogitsAndLabelsMatchTensorFlow() {
    double[][] logits = {{1, 2, 3}, {-1, 0.5, 4}, {2, 2, 2}};
    double[][] labels = {{0, 1, 0}, {0.2, 0.5, 0.3}, {0.5, 0.25, 0.25}};
    // input 1 is the labels: TF2 differentiates them too
    NnOracle.assertGradientsAgree(
        List.of(NnOracle.values(logits, DType.FLOAT32), NnOracle.values(labels, DType.FLOAT32)),
        xs -> tf.nn.softmax_cross_entropy_with_logits(xs.get(1), xs.get(0)),
        (t, xs) -> t.nn.softmaxCrossEntropyWithLogits((Operand) xs.get(0), (Operand) xs.get(1)).loss(),
        "softmax_cross_entropy_with_logits");
  }

  @Test
  void secondDerivativesMatchTensorFlowIncludingItsZeroForTheLabels() {
    double[][] logits = {{1, 2, 3}, {1, 2, 5}};
    double[][] labels = {{0.2, 0.5, 0.3}, {1, 0, 0}};
    double[][] w = {{0.5, 0.75, 1}, {1.25, 1.5, 1.75}};
    Tensor x = tfj(logits, DType.FLOAT32);
    Tensor y = tfj(labels, DType.FLOAT32);
    GradientTape outer = tf.GradientTape();
    Tensor s;
    try (outer) {
      outer.watch(List.of(x, y));
      GradientTape inner = tf.GradientTape();
      Tensor loss;
      try (inner) {
        inner.watch(List.of(x, y));
        loss = tf.reduce_sum(tf.nn.softmax_cross_entropy_with_logits(y, x));
      }
      s = tf.reduce_sum(tf.multiply(inner.gradient(loss, x), tfj(w, DType.FLOAT32)));
    }
    List<Tensor> actual = outer.gradient(s, List.of(x, y));
    try (Graph g = new Graph()) {
      Ops t = Ops.create(g);
      Operand a = NnOracle.tf(t, logits, DType.FLOAT32);
      Operand b = NnOracle.tf(t, labels, DType.FLOAT32);
      Operand loss = t.sum(t.nn.softmaxCrossEntropyWithLogits(a, b).loss(), t.constant(new int[] {0}));
      Operand one = t.constant(1f);
      Gradients first = t.gradients(loss, List.<Operand<?>>of(a), Gradients.dx(List.<Operand<?>>of(one)));
      Operand second = t.sum(t.math.mul((Operand) first.dy(0), NnOracle.tf(t, w, DType.FLOAT32)),
          t.constant(new int[] {0, 1}));
      Gradients grads = t.gradients(second, List.<Operand<?>>of(a, b), Gradients.dx(List.<Operand<?>>of(one)));
      try (Session sess = new Session(g)) {
        Session.Runner runner = sess.runner();
        grads.dy().forEach(runner::fetch);
        try (Result r = runner.run()) {
          assertAgree(Oracle.of(r.get(0)), of(actual.get(0)), "d2/dlogits");
          assertAgree(Oracle.of(r.get(1)), of(actual.get(1)), "d2/dlabels");
        }
      }
    }
  }

  // ---- sparse ----

  @Test
  void sparseMatchesTensorFlowForBothLabelTypes() {
    double[][] logits = {{2, -5, .5, -.1}, {0, 0, 1.9, 1.4}, {-100, 100, -100, -100}, {3, 3, 3, 3}};
    int[] labels = {0, 3, 1, 2};
    long[] longLabels = {0, 3, 1, 2};
    for (DType dtype : FLOATS) {
      Operand<?> x = NnOracle.tf(tfe, logits, dtype);
      Operand<?> expected = tfe.nn.sparseSoftmaxCrossEntropyWithLogits((Operand) x, tfe.constant(labels)).loss();
      assertAgree(of(expected), of(tf.nn.sparse_softmax_cross_entropy_with_logits(labels, tfj(logits, dtype))),
          "int32 labels " + dtype);
      assertAgree(of(expected), of(tf.nn.sparse_softmax_cross_entropy_with_logits(longLabels, tfj(logits, dtype))),
          "int64 labels " + dtype);
    }
    NnOracle.assertBitForBit(of(tfe.nn.sparseSoftmaxCrossEntropyWithLogits(
        (Operand) NnOracle.tf(tfe, logits, DType.FLOAT32), tfe.constant(labels)).loss()),
        of(tf.nn.sparse_softmax_cross_entropy_with_logits(labels, tfj(logits, DType.FLOAT32))),
        "float32, bit for bit (TensorFlow's documented example: 0.29750744, not the 0.29750752 its docstring shows)");
  }

  @Test
  void sparseOtherRanksAreFlattenedAsTensorFlowFlattensThem() {
    double[][][] logits = SoftmaxTest.ramp(2, 2, 3);
    int[][] labels = {{0, 2}, {1, 1}};
    double[] vector = {0.5, -1, 2};
    for (DType dtype : FLOATS) {
      Operand<?> flat = tfe.nn.sparseSoftmaxCrossEntropyWithLogits(
          (Operand) reshape(NnOracle.tf(tfe, logits, dtype), -1, 3),
          tfe.reshape(tfe.constant(labels), tfe.constant(new long[] {-1}))).loss();
      assertAgree(of(reshape(flat, 2, 2)), of(tf.nn.sparse_softmax_cross_entropy_with_logits(labels,
          tfj(logits, dtype))), "rank 3 " + dtype);
      Operand<?> one = tfe.nn.sparseSoftmaxCrossEntropyWithLogits(
          (Operand) reshape(NnOracle.tf(tfe, vector, dtype), 1, 3), tfe.constant(new int[] {2})).loss();
      assertAgree(of(reshape(one)), of(tf.nn.sparse_softmax_cross_entropy_with_logits(2, tfj(vector, dtype))),
          "vector " + dtype);
      Operand none = tfe.zeros(tfe.constant(new int[] {0, 3}), (Class) Oracle.typeClass(dtype));
      assertAgree(of(tfe.nn.sparseSoftmaxCrossEntropyWithLogits(none, tfe.constant(new int[0])).loss()),
          of(tf.nn.sparse_softmax_cross_entropy_with_logits(new int[0], tf.zeros(new long[] {0, 3}, dtype))),
          "empty " + dtype);
    }
  }

  // ---- bad input ----

  @Test
  void shapesThatDoNotBroadcastAreRejectedByTheKernel() {
    Tensor logits = tf.constant(new float[][] {{1, 2, 3}, {1, 2, 3}});
    Tensor labels = tf.constant(new float[][] {{0, 1, 0, 1}, {1, 0, 0, 0}});
    assertRejected(InvalidArgumentError.class, tfMessage("SoftmaxCrossEntropyWithLogits",
        () -> tfLoss(tfe.constant(new float[][] {{1, 2, 3}, {1, 2, 3}}), tfe.constant(new float[][] {{0, 1, 0, 1}, {1, 0, 0, 0}}))),
        () -> tf.nn.softmax_cross_entropy_with_logits(labels, logits), logits, labels);
    Tensor threeRows = tf.constant(new float[][] {{0, 1, 0}, {1, 0, 0}, {0, 0, 1}});
    assertRejected(InvalidArgumentError.class, "logits and labels must be broadcastable:"
        + " logits_size=[2,3] labels_size=[3,3] [Op:SoftmaxCrossEntropyWithLogits]",
        () -> tf.nn.softmax_cross_entropy_with_logits(threeRows, logits), logits, threeRows);
  }

  @Test
  void axesOutsideZeroToRankAreRejectedByTranspose() {
    // TensorFlow's Python layer builds range(axis) + range(axis + 1, rank) + [axis]: any axis
    // but -1 outside [0, rank) gives a permutation of the wrong length
    Tensor logits = tf.constant(new float[][] {{1, 2}, {3, 4}, {5, 6}});
    Tensor labels = tf.constant(new float[][] {{0, 1}, {1, 0}, {0, 0}});
    assertRejected(InvalidArgumentError.class, tfMessage("Transpose",
        () -> tfe.linalg.transpose(tfe.constant(new float[][] {{1}}), tfe.constant(new int[] {-1, 0, 1, -2}))),
        () -> tf.nn.softmax_cross_entropy_with_logits(labels, logits, -2), logits, labels);
    assertRejected(InvalidArgumentError.class,
        "transpose expects a vector of size 2. But input(1) is a vector of size 3 [Op:Transpose]",
        () -> tf.nn.softmax_cross_entropy_with_logits(labels, logits, 2), logits, labels);
  }

  @Test
  void scalarLogitsFailWhereTensorFlowSlicesTheirShape() {
    Tensor x = tf.constant(1f);
    assertRejected(InvalidArgumentError.class, tfMessage("Slice", () -> tfe.slice(tfe.constant(new int[0]),
        tfe.constant(new int[] {-1}), tfe.constant(new int[] {1}))),
        () -> tf.nn.softmax_cross_entropy_with_logits(x, x), x);
  }

  @Test
  void integerLogitsAreRejectedByTheOpDefinition() {
    Tensor logits = tf.constant(new int[][] {{1, 2, 3}});
    Tensor labels = tf.constant(new float[][] {{0, 1, 0}});
    assertRejected(InvalidArgumentError.class, tfMessage("SoftmaxCrossEntropyWithLogits",
        () -> tfLoss(tfe.constant(new int[][] {{1, 2, 3}}), tfe.constant(new int[][] {{0, 1, 0}}))),
        () -> tf.nn.softmax_cross_entropy_with_logits(labels, logits), logits, labels);
  }

  @Test
  void sparseLabelsOutOfRangeAreRejectedByTheCpuKernel() {
    Tensor logits = tf.constant(new float[][] {{1, 2, 3}, {1, 2, 3}, {1, 1, 1}});
    Tensor tooBig = tf.constant(new int[] {0, 5, 2});
    assertRejected(InvalidArgumentError.class, "Received a label value of 5 which is outside the"
        + " valid range of [0, 3).  Label values: 0 5 2 [Op:SparseSoftmaxCrossEntropyWithLogits]",
        () -> tf.nn.sparse_softmax_cross_entropy_with_logits(tooBig, logits), logits, tooBig);
    Tensor negative = tf.constant(new long[] {-1, 5, 3});
    assertRejected(InvalidArgumentError.class, tfMessage("SparseSoftmaxCrossEntropyWithLogits",
        () -> tfe.nn.sparseSoftmaxCrossEntropyWithLogits(tfe.constant(new float[][] {{1, 2, 3}, {1, 2, 3}, {1, 1, 1}}),
            tfe.constant(new long[] {-1, 5, 3}))),
        () -> tf.nn.sparse_softmax_cross_entropy_with_logits(negative, logits), logits, negative);
  }

  @Test
  void sparseShapeErrorsAreThePythonLayersValueErrors() {
    Tensor scalar = tf.constant(1f);
    Tensor zero = tf.constant(0);
    assertRejected(ValueError.class, "`logits` cannot be a scalar. Received"
        + " logits=tf.Tensor(1.0, shape=(), dtype=float32)`",
        () -> tf.nn.sparse_softmax_cross_entropy_with_logits(zero, scalar), zero, scalar);
    Tensor labels = tf.constant(new int[][] {{0, 2}});
    Tensor logits = tf.constant(new float[][] {{0, 1}, {2, 3}, {2, 3}});
    assertRejected(ValueError.class, "`labels.shape.rank` must equal `logits.shape.rank - 1`."
        + " Received: labels.shape=(1, 2) of rank 2 and logits.shape=(3, 2) of rank 2",
        () -> tf.nn.sparse_softmax_cross_entropy_with_logits(labels, logits), labels, logits);
    Tensor two = tf.constant(new int[] {0, 1});
    assertRejected(ValueError.class, "`labels.shape` must equal `logits.shape` except for the last"
        + " dimension. Received: labels.shape=(2,) and logits.shape=(3, 2)",
        () -> tf.nn.sparse_softmax_cross_entropy_with_logits(two, logits), two, logits);
  }

  @Test
  void sparseKernelChecksMatchTensorFlow() {
    Tensor floatLabels = tf.constant(new float[] {0});
    Tensor logits = tf.constant(new float[][] {{1, 2, 3}});
    assertRejected(InvalidArgumentError.class, tfMessage("SparseSoftmaxCrossEntropyWithLogits",
        () -> tfe.nn.sparseSoftmaxCrossEntropyWithLogits(tfe.constant(new float[][] {{1, 2, 3}}), tfe.constant(new float[] {0}))),
        () -> tf.nn.sparse_softmax_cross_entropy_with_logits(floatLabels, logits), floatLabels, logits);
    Tensor noClasses = tf.zeros(new long[] {2, 0}, tf.float32);
    Tensor labels = tf.constant(new int[] {0, 1});
    assertRejected(InvalidArgumentError.class, tfMessage("SparseSoftmaxCrossEntropyWithLogits",
        () -> tfe.nn.sparseSoftmaxCrossEntropyWithLogits(tfe.zeros(tfe.constant(new int[] {2, 0}), TFloat32.class),
            tfe.constant(new int[] {0, 1}))),
        () -> tf.nn.sparse_softmax_cross_entropy_with_logits(labels, noClasses), labels, noClasses);
  }
}
