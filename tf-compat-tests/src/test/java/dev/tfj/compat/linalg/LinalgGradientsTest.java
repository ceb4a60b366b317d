package dev.tfj.compat.linalg;

import static dev.tfj.compat.gradcheck.GradientChecker.check;
import static dev.tfj.compat.gradcheck.GradientChecker.checkSecondOrder;
import static dev.tfj.compat.gradcheck.GradientChecker.uniform;
import static dev.tfj.compat.oracle.Oracle.cycle;
import static dev.tfj.compat.oracle.Oracle.s;

import dev.tfj.Tensor;
import dev.tfj.compat.oracle.Oracle.Values;
import dev.tfj.compat.reductions.Agreement;
import dev.tfj.ops.DType;
import dev.tfj.tf;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Gradients of the linear algebra. Against TensorFlow's own (graph mode) for BatchMatMulV2
 * (including the sums over broadcast batch axes), Einsum, tensordot and norm; TensorFlow Java has
 * no gradient for the MatrixDiag*V3 ops, so those (and trace, which runs MatrixDiagPartV3) are
 * checked against float64 central differences, to second order.
 */
class LinalgGradientsTest {
  static final DType F32 = DType.FLOAT32;
  static final DType F64 = DType.FLOAT64;
  static final double[] SIGNED = {-2.5, 1, -1, 3.25, 0.5, 2, -0.75, 1.5};

  @TestFactory
  Stream<DynamicTest> againstTensorFlow() {
    List<Agreement> cases = new ArrayList<>();
    for (DType t : List.of(F32, F64)) {
      for (long[][] shapes : LinalgValuesTest.BATCHED) {
        for (int flags = 0; flags < 4; flags++) {
          boolean ta = (flags & 1) != 0;
          boolean tb = (flags & 2) != 0;
          List<Values> in = List.of(cycle(t, LinalgValuesTest.given(shapes[0], ta), SIGNED, 0, 1),
              cycle(t, LinalgValuesTest.given(shapes[1], tb), SIGNED, 3, 5));
          cases.add(new Agreement("matmul ta=" + ta + " tb=" + tb, in,
              x -> tf.matmul(x.get(0), x.get(1), ta, tb),
              (ops, x) -> TfLinalg.batchMatmul(ops, x.get(0), x.get(1), ta, tb)).summing(20));
        }
      }
      for (LinalgValuesTest.Equation e : LinalgValuesTest.EQUATIONS) {
        List<Values> in = new ArrayList<>();
        for (int i = 0; i < e.shapes().length; i++) {
          in.add(cycle(t, e.shapes()[i], SIGNED, 2 * i, 1));
        }
        cases.add(new Agreement("einsum " + e.written(), in, x -> tf.einsum(e.written(), x.toArray()),
            (ops, x) -> TfLinalg.einsum(ops, e.resolved(), x)).summing(20));
      }
      List<Values> ab = List.of(cycle(t, s(3, 2, 4), SIGNED, 0, 1), cycle(t, s(4, 5, 3), SIGNED, 1, 1));
      cases.add(new Agreement("tensordot", ab, x -> tf.tensordot(x.get(0), x.get(1), new int[][] {{0, 2}, {2, 0}}),
          (ops, x) -> TfLinalg.tensordot(ops, x.get(0), x.get(1), new int[] {0, 2}, new int[] {2, 0}))
          .summing(20));
      Values x = cycle(t, s(2, 3, 4), SIGNED, 0, 1);
      for (Object ord : List.of("euclidean", 1, Double.POSITIVE_INFINITY, 3)) {
        for (int[] axis : new int[][] {null, {1}}) {
          cases.add(new Agreement("norm ord=" + ord + " axis=" + Arrays.toString(axis), List.of(x),
              in -> axis == null ? tf.norm(in.get(0), ord, null, false) : tf.norm(in.get(0), ord, axis[0], false),
              (ops, in) -> TfLinalg.norm(ops, in.get(0), ord, axis, false)).summing(10));
        }
      }
      for (Object ord : List.of("fro", 1, Double.POSITIVE_INFINITY)) {
        cases.add(new Agreement("matrix norm ord=" + ord, List.of(x),
            in -> tf.norm(in.get(0), ord, new int[] {2, 0}, true),
            (ops, in) -> TfLinalg.norm(ops, in.get(0), ord, new int[] {2, 0}, true)).summing(10));
      }
    }
    return cases.stream().map(Agreement::gradients);
  }

  @Test
  void diagonalsByCentralDifferences() {
    Tensor x = uniform(s(2, 4, 3), -2, 2, 21);
    for (int[] k : LinalgValuesTest.BANDS) {
      for (String align : LinalgValuesTest.ALIGNS) {
        check("diag_part k=" + Arrays.toString(k) + " " + align,
            xs -> tf.linalg.diag_part(xs.get(0), k, 0, align), x).assertRan("MatrixDiagPartV3");
        int count = k[k.length - 1] - k[0] + 1;
        Tensor d = uniform(count > 1 ? s(2, count, 3) : s(2, 3), -1, 1, 22);
        check("diag k=" + Arrays.toString(k) + " " + align,
            xs -> tf.linalg.diag(xs.get(0), k, -1, -1, 0, align), d).assertRan("MatrixDiagV3");
        long length = Math.min(4 + Math.min(k[k.length - 1], 0), 3 - Math.max(k[0], 0));
        Tensor diagonals = uniform(count > 1 ? s(2, count, length) : s(2, length), -1, 1, 23);
        check("set_diag k=" + Arrays.toString(k) + " " + align,
            xs -> tf.linalg.set_diag(xs.get(0), xs.get(1), k, align), x, diagonals)
            .assertRan("MatrixSetDiagV3");
      }
    }
  }

  @Test
  void secondOrder() {
    Tensor a = uniform(s(2, 3, 3), -2, 2, 31);
    Tensor b = uniform(s(3, 2), -2, 2, 32);
    checkSecondOrder("trace(x @ x)", xs -> tf.linalg.trace(tf.matmul(xs.get(0), xs.get(0))), a)
        .assertRan("MatrixDiagPartV3", "MatrixDiagV3", "BatchMatMulV2");
    checkSecondOrder("square(a @ b)", xs -> tf.square(tf.matmul(xs.get(0), xs.get(1), true, false)), a, b)
        .assertRan("BatchMatMulV2");
    checkSecondOrder("set_diag(x, diag_part(x)^2)",
        xs -> tf.linalg.set_diag(xs.get(0), tf.square(tf.linalg.diag_part(xs.get(0)))), a)
        .assertRan("MatrixSetDiagV3", "MatrixDiagPartV3");
    checkSecondOrder("diag(v)^2", xs -> tf.square(tf.linalg.diag(xs.get(0), new int[] {-1, 0})),
        uniform(s(2, 2, 3), -1, 1, 33)).assertRan("MatrixDiagV3", "MatrixDiagPartV3");
    checkSecondOrder("einsum bij,jk->bik squared",
        xs -> tf.square(tf.einsum("bij,jk->bik", xs.get(0), xs.get(1))), a, b).assertRan("Einsum");
    checkSecondOrder("einsum ii->i cubed", xs -> tf.pow(tf.einsum("...ii->...i", xs.get(0)), 3), a)
        .assertRan("Einsum");
    checkSecondOrder("norm", xs -> tf.norm(xs.get(0), "euclidean", 1), a).assertRan("Sqrt");
  }
}
