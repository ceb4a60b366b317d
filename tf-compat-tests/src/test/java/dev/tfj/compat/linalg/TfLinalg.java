package dev.tfj.compat.linalg;

import static dev.tfj.compat.oracle.Oracle.o;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.OperationBuilder;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Max;
import org.tensorflow.op.core.Squeeze;
import org.tensorflow.op.core.Sum;
import org.tensorflow.op.linalg.Svd;

/**
 * The TensorFlow side of the linear algebra tests: ops TensorFlow Java has no typed method for,
 * built by name, and TensorFlow Python's composites (tensordot, norm, trace, eye) op for op.
 */
@SuppressWarnings({"unchecked", "rawtypes"})
final class TfLinalg {
  private TfLinalg() {}

  /** Op {@code type} on {@code inputs} with attrs given as name/value pairs (bool or string). */
  static Operand<?> op(Ops tf, String type, List<Operand<?>> inputs, Object... attrs) {
    OperationBuilder b = tf.scope().env().opBuilder(type, tf.scope().makeOpName(type), tf.scope());
    if (type.equals("Einsum")) {
      b.addInputList(inputs.stream().map(Operand::asOutput).toArray(Output[]::new));
    } else {
      inputs.forEach(i -> b.addInput(i.asOutput()));
    }
    for (int i = 0; i < attrs.length; i += 2) {
      if (attrs[i + 1] instanceof Boolean v) {
        b.setAttr((String) attrs[i], v);
      } else {
        b.setAttr((String) attrs[i], (String) attrs[i + 1]);
      }
    }
    return b.build().output(0);
  }

  static Operand<?> batchMatmul(Ops tf, Operand<?> x, Operand<?> y, boolean adjX, boolean adjY) {
    return op(tf, "BatchMatMulV2", List.of(x, y), "adj_x", adjX, "adj_y", adjY);
  }

  static Operand<?> einsum(Ops tf, String equation, List<Operand<?>> inputs) {
    return op(tf, "Einsum", inputs, "equation", equation);
  }

  static Operand<?> diagPart(Ops tf, Operand<?> x, int[] k, Operand<?> padding, String align) {
    return op(tf, "MatrixDiagPartV3", List.of(x, tf.constant(k), padding), "align", align);
  }

  static Operand<?> diag(Ops tf, Operand<?> d, int[] k, int rows, int cols, Operand<?> padding,
      String align) {
    return op(tf, "MatrixDiagV3", List.of(d, tf.constant(k), tf.constant(rows), tf.constant(cols),
        padding), "align", align);
  }

  static Operand<?> setDiag(Ops tf, Operand<?> x, Operand<?> d, int[] k, String align) {
    return op(tf, "MatrixSetDiagV3", List.of(x, d, tf.constant(k)), "align", align);
  }

  /** TensorFlow Python's tensordot: transpose, reshape to matrices, MatMul, reshape. */
  static Operand<?> tensordot(Ops tf, Operand<?> a, Operand<?> b, int[] aAxes, int[] bAxes) {
    long[] sa = a.shape().asArray();
    long[] sb = b.shape().asArray();
    Operand ma = asMatrix(tf, a, aAxes, false);
    Operand mb = asMatrix(tf, b, bAxes, true);
    long[] free = IntStream.concat(
        IntStream.range(0, sa.length).filter(d -> !contains(aAxes, d, sa.length)).map(d -> (int) sa[d]),
        IntStream.range(0, sb.length).filter(d -> !contains(bAxes, d, sb.length)).map(d -> (int) sb[d]))
        .asLongStream().toArray();
    return tf.reshape(tf.linalg.matMul(ma, mb), tf.constant(free));
  }

  private static boolean contains(int[] axes, int d, int rank) {
    return Arrays.stream(axes).anyMatch(a -> (a < 0 ? a + rank : a) == d);
  }

  private static Operand<?> asMatrix(Ops tf, Operand<?> t, int[] axes, boolean flipped) {
    long[] s = t.shape().asArray();
    int[] contracted = Arrays.stream(axes).map(a -> a < 0 ? a + s.length : a).toArray();
    int[] free = IntStream.range(0, s.length).filter(d -> !contains(axes, d, s.length)).toArray();
    long freeSize = Arrays.stream(free).mapToLong(d -> s[d]).reduce(1, (p, q) -> p * q);
    long contractedSize = Arrays.stream(contracted).mapToLong(d -> s[d]).reduce(1, (p, q) -> p * q);
    int[] perm = flipped ? IntStream.concat(Arrays.stream(contracted), Arrays.stream(free)).toArray()
        : IntStream.concat(Arrays.stream(free), Arrays.stream(contracted)).toArray();
    long[] shape = flipped ? new long[] {contractedSize, freeSize} : new long[] {freeSize, contractedSize};
    return tf.reshape(tf.linalg.transpose(o(t), tf.constant(perm)), tf.constant(shape));
  }

  /**
   * TensorFlow Python's norm: {@code ord} is "euclidean", "fro" or a number; {@code axis} null,
   * one axis, or a pair for a matrix norm.
   */
  static Operand<?> norm(Ops tf, Operand<?> x, Object ord, int[] axis, boolean keepdims) {
    boolean matrix = axis != null && axis.length == 2;
    int rank = x.shape().numDimensions();
    int[] all = axis != null ? axis : IntStream.range(0, rank).toArray();
    double p = ord instanceof Number n ? n.doubleValue() : 2;
    Operand result;
    if (matrix && ord instanceof Number && p == 2) {
      result = matrixTwoNorm(tf, x, axis);
    } else if (!(ord instanceof Number) || p == 2) {
      result = tf.math.sqrt(tf.sum(tf.math.mul(o(x), o(x)), tf.constant(all), Sum.keepDims(true)));
    } else {
      Operand abs = tf.math.abs(o(x));
      Operand first = axis == null ? tf.constant(all) : tf.constant(axis[0]);
      if (p == 1) {
        result = tf.sum(abs, first, Sum.keepDims(true));
        result = matrix ? tf.max(result, tf.constant(axis[1]), Max.keepDims(true)) : result;
      } else if (p == Double.POSITIVE_INFINITY) {
        result = matrix ? tf.sum(abs, tf.constant(axis[1]), Sum.keepDims(true)) : abs;
        result = tf.max(result, first, Max.keepDims(true));
      } else {
        Operand exponent = tf.dtypes.cast(tf.constant(p), x.type());
        Operand root = tf.dtypes.cast(tf.constant(1 / p), x.type());
        result = tf.math.pow(tf.sum(tf.math.pow(abs, exponent), tf.constant(all), Sum.keepDims(true)), root);
      }
    }
    if (keepdims) {
      return result;
    }
    return axis == null ? tf.squeeze(result)
        : tf.squeeze(result, Squeeze.axis(Arrays.stream(axis).mapToObj(a -> (long) a).toArray(Long[]::new)));
  }

  /**
   * TensorFlow Python's matrix 2-norm: the pair of axes moved last, Svd without vectors, the
   * largest absolute singular value, kept as two size-1 axes, which are moved back.
   */
  private static Operand<?> matrixTwoNorm(Ops tf, Operand<?> x, int[] axis) {
    int rank = x.shape().numDimensions();
    int[] positive = Arrays.stream(axis).map(a -> a < 0 ? a + rank : a).toArray();
    int[] before = IntStream.concat(IntStream.range(0, rank).filter(i -> i != positive[0] && i != positive[1]),
        Arrays.stream(positive)).toArray();
    // For each axis, where it went (as TensorFlow finds it, with where(perm_before == i)).
    int[] after = IntStream.range(0, rank)
        .map(i -> IntStream.range(0, before.length).filter(j -> before[j] == i).findFirst().orElse(-1)).toArray();
    Operand permed = tf.linalg.transpose(o(x), tf.constant(before));
    Operand s = tf.linalg.svd(permed, Svd.computeUv(false)).s();
    Operand largest = tf.max(tf.math.abs(s), tf.constant(-1), Max.keepDims(true));
    return tf.linalg.transpose(tf.expandDims(largest, tf.constant(-1)), tf.constant(after));
  }

  /** The Svd op (all three outputs). */
  static Svd<?> svd(Ops tf, Operand<?> x, boolean computeUv, boolean fullMatrices) {
    return tf.linalg.svd(o(x), Svd.computeUv(computeUv), Svd.fullMatrices(fullMatrices));
  }

  /** TensorFlow Python's trace: the sum of the main diagonal's elements. */
  static Operand<?> trace(Ops tf, Operand<?> x) {
    Operand zero = tf.dtypes.cast(tf.constant(0), x.type());
    return tf.sum(o(diagPart(tf, x, new int[] {0}, zero, "RIGHT_LEFT")), tf.constant(-1));
  }
}
