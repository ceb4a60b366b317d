package dev.tfj.compat.gradcheck;

import static dev.tfj.compat.gradcheck.GradientChecker.check;
import static dev.tfj.compat.gradcheck.GradientChecker.checkSecondOrder;
import static dev.tfj.compat.gradcheck.GradientChecker.uniform;

import dev.tfj.Tensor;
import dev.tfj.tf;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The tf.nn ops' gradients against float64 central differences, first and second order (the
 * second order of the cross-entropy ops goes through their backprop output). Their values and
 * first derivatives are compared with TensorFlow in dev.tfj.compat.nn.
 */
class NnGradientCheckTest {
  static Tensor x234() {
    return uniform(new long[] {2, 3, 4}, -2, 2, 11);
  }

  @ParameterizedTest(name = "axis {0}")
  @ValueSource(ints = {-1, 0, 1, -3})
  void softmax(int axis) {
    check("softmax axis " + axis, xs -> tf.nn.softmax(xs.get(0), axis), x234()).assertRan("Softmax");
    check("log_softmax axis " + axis, xs -> tf.nn.log_softmax(xs.get(0), axis), x234()).assertRan("LogSoftmax");
  }

  @Test
  void softmaxSecondOrder() {
    Tensor x = uniform(new long[] {2, 3}, -2, 2, 12);
    checkSecondOrder("softmax", xs -> tf.nn.softmax(xs.get(0)), x).assertRan("Softmax");
    checkSecondOrder("log_softmax", xs -> tf.nn.log_softmax(xs.get(0)), x).assertRan("LogSoftmax");
  }

  /** Label vectors that sum to 1 along {@code axis}: TensorFlow's fused gradient assumes so. */
  static Tensor labels(int axis) {
    return tf.nn.softmax(uniform(new long[] {2, 3, 4}, -1, 1, 13), axis);
  }

  @ParameterizedTest(name = "axis {0}")
  @ValueSource(ints = {-1, 0, 1})
  void softmaxCrossEntropyInLogitsAndLabels(int axis) {
    check("softmax_cross_entropy axis " + axis,
        xs -> tf.nn.softmax_cross_entropy_with_logits(xs.get(1), xs.get(0), axis), x234(), labels(axis))
        .assertRan("SoftmaxCrossEntropyWithLogits");
  }

  @Test
  void softmaxCrossEntropySecondOrderInTheLogits() {
    // TensorFlow's rule gives the labels no second derivative through the backprop output (see
    // CrossEntropyTest), so the labels stay fixed here
    Tensor labels = labels(-1);
    checkSecondOrder("softmax_cross_entropy",
        xs -> tf.nn.softmax_cross_entropy_with_logits(labels, xs.get(0)), x234())
        .assertRan("SoftmaxCrossEntropyWithLogits", "Softmax");
  }

  @Test
  void sparseSoftmaxCrossEntropy() {
    int[][] labels = {{0, 3, 1}, {2, 2, 0}};
    check("sparse_softmax_cross_entropy", xs -> tf.nn.sparse_softmax_cross_entropy_with_logits(labels, xs.get(0)),
        x234()).assertRan("SparseSoftmaxCrossEntropyWithLogits");
    checkSecondOrder("sparse_softmax_cross_entropy",
        xs -> tf.nn.sparse_softmax_cross_entropy_with_logits(labels, xs.get(0)), x234())
        .assertRan("SparseSoftmaxCrossEntropyWithLogits", "Softmax");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"NHWC", "NCHW"})
  void biasAdd(String format) {
    Tensor bias = uniform(new long[] {format.equals("NHWC") ? 4 : 3}, -1, 1, 14);
    // squared, so the value's gradient depends on the bias and the bias's on every value
    check("bias_add " + format, xs -> tf.square(tf.nn.bias_add(xs.get(0), xs.get(1), format)), x234(), bias)
        .assertRan("BiasAdd");
    checkSecondOrder("bias_add " + format, xs -> tf.square(tf.nn.bias_add(xs.get(0), xs.get(1), format)),
        x234(), bias).assertRan("BiasAdd");
  }

  @Test
  void l2Loss() {
    check("l2_loss", xs -> tf.nn.l2_loss(xs.get(0)), x234()).assertRan("L2Loss");
    checkSecondOrder("l2_loss", xs -> tf.nn.l2_loss(xs.get(0)), x234()).assertRan("L2Loss");
  }

  @Test
  void moments() {
    check("moments", xs -> tf.add(tf.nn.moments(xs.get(0), new int[] {0, 2}).get(0),
        tf.multiply(tf.nn.moments(xs.get(0), new int[] {0, 2}).get(1), 2.0)), x234())
        .assertRan("Mean", "StopGradient", "Squeeze");
  }
}
