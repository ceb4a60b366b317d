package dev.tfj.compat.linalg;

import static dev.tfj.compat.oracle.Oracle.cycle;
import static dev.tfj.compat.oracle.Oracle.iota;
import static dev.tfj.compat.oracle.Oracle.o;
import static dev.tfj.compat.oracle.Oracle.s;

import dev.tfj.Tensor;
import dev.tfj.compat.ComparedWithTensorFlow;
import dev.tfj.compat.oracle.Oracle;
import dev.tfj.compat.oracle.Oracle.Values;
import dev.tfj.compat.reductions.Agreement;
import dev.tfj.ops.DType;
import dev.tfj.tf;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;

/**
 * Linear algebra against TensorFlow Java's eager ops: matmul of any rank (BatchMatMulV2 with
 * broadcast batch axes, transposes and adjoints), tensordot, norm and trace against TensorFlow
 * Python's composites built from the same ops, eye, the three diagonal ops with bands, alignments
 * and padding on every dtype, and einsum against the Einsum op on the equation TensorFlow's Python
 * resolves. Sums get an absolute tolerance, as their order of additions differs.
 */
@ComparedWithTensorFlow({"BatchMatMulV2", "MatrixDiagPartV3", "MatrixDiagV3", "MatrixSetDiagV3",
    "Einsum"})
@SuppressWarnings({"unchecked", "rawtypes"})
class LinalgValuesTest {
  static final DType F32 = DType.FLOAT32;
  static final DType F64 = DType.FLOAT64;
  static final DType I32 = DType.INT32;
  static final DType I64 = DType.INT64;
  static final double[] SIGNED = {-2.5, 0, 1, -1, 3.25, 0.5, 2, -0.75, 1.5};
  static final double[] INTS = {-3, 0, 1, -1, 7, 2, 5};

  static double[] pool(DType t) {
    return t.is_floating() ? SIGNED : INTS;
  }

  // ---- matmul ----

  /** Shape pairs (as given, before any transpose): batch axes equal, broadcast, missing, empty. */
  static final long[][][] BATCHED = {
    {s(2, 3, 4), s(2, 4, 5)}, {s(2, 3, 4), s(4, 5)}, {s(3, 4), s(2, 4, 5)},
    {s(2, 1, 3, 4), s(3, 4, 2)}, {s(1, 3, 4), s(5, 4, 2)}, {s(0, 2, 3), s(3, 4)},
    {s(2, 3, 0), s(2, 0, 4)}, {s(1, 1, 2, 2), s(2, 2)}
  };

  /** The shape to give an operand so that op(operand) has {@code shape}. */
  static long[] given(long[] shape, boolean transposed) {
    long[] out = shape.clone();
    if (transposed) {
      out[out.length - 2] = shape[shape.length - 1];
      out[out.length - 1] = shape[shape.length - 2];
    }
    return out;
  }

  @TestFactory
  Stream<DynamicTest> matmul() {
    List<Agreement> cases = new ArrayList<>();
    for (long[][] shapes : BATCHED) {
      for (DType t : List.of(F32, F64, I32, I64)) {
        for (int flags = 0; flags < 16; flags++) {
          boolean ta = (flags & 1) != 0;
          boolean tb = (flags & 2) != 0;
          boolean aa = (flags & 4) != 0 && !ta;
          boolean ab = (flags & 8) != 0 && !tb;
          List<Values> in = List.of(cycle(t, given(shapes[0], ta || aa), pool(t), 0, 1),
              cycle(t, given(shapes[1], tb || ab), pool(t), 3, 5));
          cases.add(new Agreement("matmul ta=" + ta + " tb=" + tb + " adjoint_a=" + aa + " adjoint_b=" + ab,
              in, x -> tf.matmul(x.get(0), x.get(1), ta, tb, aa, ab),
              (ops, x) -> TfLinalg.batchMatmul(ops, x.get(0), x.get(1), ta || aa, tb || ab)).summing(20));
        }
      }
    }
    // Rank 2 runs MatMul, also through tf.linalg.matmul and adjoint flags.
    List<Values> in = List.of(cycle(F32, s(3, 2), SIGNED, 0, 1), cycle(F32, s(4, 3), SIGNED, 2, 1));
    cases.add(new Agreement("linalg.matmul adjoint", in,
        x -> tf.linalg.matmul(x.get(0), x.get(1), false, false, true, true),
        (ops, x) -> ops.linalg.matMul(o(x.get(0)), o(x.get(1)),
            org.tensorflow.op.linalg.MatMul.transposeA(true),
            org.tensorflow.op.linalg.MatMul.transposeB(true))).summing(20));
    return cases.stream().map(Agreement::values);
  }

  // ---- tensordot ----

  record Contraction(long[] a, long[] b, int[] aAxes, int[] bAxes, java.util.function.BiFunction<Tensor,
      Tensor, Tensor> call) {}

  @TestFactory
  Stream<DynamicTest> tensordot() {
    List<Contraction> contractions = List.of(
        new Contraction(s(2, 3), s(3, 4), new int[] {1}, new int[] {0}, (a, b) -> tf.tensordot(a, b, 1)),
        new Contraction(s(2, 3), s(4, 5), new int[] {}, new int[] {}, (a, b) -> tf.tensordot(a, b, 0)),
        new Contraction(s(2, 3, 4), s(3, 4, 5), new int[] {1, 2}, new int[] {0, 1},
            (a, b) -> tf.linalg.tensordot(a, b, 2)),
        new Contraction(s(3, 2, 4), s(4, 5, 3), new int[] {0, 2}, new int[] {2, 0},
            (a, b) -> tf.tensordot(a, b, new int[][] {{0, 2}, {2, 0}})),
        new Contraction(s(2, 3, 4), s(5, 4), new int[] {-1}, new int[] {-1},
            (a, b) -> tf.tensordot(a, b, new int[] {-1, -1})),
        new Contraction(s(3), s(3), new int[] {0}, new int[] {0}, (a, b) -> tf.tensordot(a, b, 1)),
        new Contraction(s(2, 3), s(2, 3), new int[] {0, 1}, new int[] {0, 1}, (a, b) -> tf.tensordot(a, b, 2)));
    List<Agreement> cases = new ArrayList<>();
    for (Contraction c : contractions) {
      for (DType t : List.of(F32, F64, I32)) {
        List<Values> in = List.of(cycle(t, c.a, pool(t), 0, 1), cycle(t, c.b, pool(t), 2, 3));
        cases.add(new Agreement("tensordot " + Arrays.toString(c.aAxes) + Arrays.toString(c.bAxes), in,
            x -> c.call.apply(x.get(0), x.get(1)),
            (ops, x) -> TfLinalg.tensordot(ops, x.get(0), x.get(1), c.aAxes, c.bAxes)).summing(20));
      }
    }
    return cases.stream().map(Agreement::values);
  }

  // ---- norm and trace ----

  @TestFactory
  Stream<DynamicTest> norm() {
    List<Agreement> cases = new ArrayList<>();
    List<Object> vectorOrds = List.of("euclidean", 1, 2, 2.0, Double.POSITIVE_INFINITY, 3, 0.5);
    List<Object> matrixOrds = List.of("euclidean", "fro", 1, Double.POSITIVE_INFINITY);
    for (DType t : List.of(F32, F64)) {
      Values x = cycle(t, s(2, 3, 4), SIGNED, 0, 1);
      for (boolean keep : new boolean[] {false, true}) {
        for (Object ord : vectorOrds) {
          cases.add(new Agreement("norm ord=" + ord + " axis=None", List.of(x),
              in -> tf.norm(in.get(0), ord, null, keep),
              (ops, in) -> TfLinalg.norm(ops, in.get(0), ord, null, keep)).summing(10));
          for (int axis : new int[] {0, -1}) {
            cases.add(new Agreement("norm ord=" + ord + " axis=" + axis, List.of(x),
                in -> tf.norm(in.get(0), ord, axis, keep),
                (ops, in) -> TfLinalg.norm(ops, in.get(0), ord, new int[] {axis}, keep)).summing(10));
          }
        }
        for (Object ord : matrixOrds) {
          for (int[] axis : new int[][] {{0, 1}, {2, 0}, {-1, -2}}) {
            cases.add(new Agreement("norm ord=" + ord + " axis=" + Arrays.toString(axis), List.of(x),
                in -> tf.linalg.norm(in.get(0), ord, axis, keep),
                (ops, in) -> TfLinalg.norm(ops, in.get(0), ord, axis, keep)).summing(10));
          }
        }
      }
      Values zeros = Values.of(t, s(2, 2), 0, 0, 0, 0);
      cases.add(new Agreement("norm of zeros", List.of(zeros), in -> tf.norm(in.get(0)),
          (ops, in) -> TfLinalg.norm(ops, in.get(0), "euclidean", null, false)).exact());
    }
    return cases.stream().map(Agreement::values);
  }

  @TestFactory
  Stream<DynamicTest> trace() {
    List<Agreement> cases = new ArrayList<>();
    for (long[] shape : new long[][] {s(3, 3), s(2, 3), s(4, 2), s(2, 3, 3), s(0, 2, 2), s(2, 0)}) {
      for (DType t : List.of(F32, F64, I32, I64)) {
        Values x = cycle(t, shape, pool(t), 0, 1);
        cases.add(new Agreement("linalg.trace", List.of(x), in -> tf.linalg.trace(in.get(0)),
            (ops, in) -> TfLinalg.trace(ops, in.get(0))).summing(10));
      }
    }
    return cases.stream().map(Agreement::values);
  }

  @TestFactory
  Stream<DynamicTest> eye() {
    List<Agreement> cases = new ArrayList<>();
    long[][] dims = {{3, 3}, {2, 4}, {4, 2}, {0, 0}, {1, 1}};
    for (long[] d : dims) {
      for (long[] batch : new long[][] {s(), s(2), s(2, 1)}) {
        for (DType t : List.of(F32, F64, I32, I64, DType.BOOL)) {
          // TensorFlow's composite: ones on the diagonal of zeros.
          cases.add(new Agreement("eye " + Arrays.toString(d) + " batch=" + Arrays.toString(batch) + " " + t,
              List.of(), in -> tf.eye(d[0], d[1], batch, t), (ops, in) -> eye(ops, d, batch, t)).exact());
        }
      }
    }
    cases.add(new Agreement("eye(3)", List.of(), in -> tf.eye(3),
        (ops, in) -> eye(ops, new long[] {3, 3}, s(), F32)).exact());
    cases.add(new Agreement("linalg.eye(2, float64)", List.of(), in -> tf.linalg.eye(2, tf.float64),
        (ops, in) -> eye(ops, new long[] {2, 2}, s(), F64)).exact());
    return cases.stream().map(Agreement::values);
  }

  static Operand<?> eye(Ops tf, long[] dims, long[] batch, DType t) {
    long[] diag = Arrays.copyOf(batch, batch.length + 1);
    diag[batch.length] = Math.min(dims[0], dims[1]);
    Operand ones = Oracle.constant(tf, iota(t, diag, 1, 0));
    Operand zero = Oracle.constant(tf, Values.of(t, s(), 0));
    if (dims[0] == dims[1]) {
      return TfLinalg.diag(tf, ones, new int[] {0}, -1, -1, zero, "RIGHT_LEFT");
    }
    long[] shape = Arrays.copyOf(batch, batch.length + 2);
    shape[batch.length] = dims[0];
    shape[batch.length + 1] = dims[1];
    Operand zeros = Oracle.constant(tf, iota(t, shape, 0, 0));
    return TfLinalg.setDiag(tf, zeros, ones, new int[] {0}, "RIGHT_LEFT");
  }

  // ---- the diagonal ops ----

  static final List<String> ALIGNS = List.of("RIGHT_LEFT", "LEFT_RIGHT", "LEFT_LEFT", "RIGHT_RIGHT");
  static final int[][] BANDS = {{0}, {1}, {-2}, {-1, 1}, {0, 2}, {-2, -1}};

  @TestFactory
  Stream<DynamicTest> diagonals() {
    List<Agreement> cases = new ArrayList<>();
    for (long[] shape : new long[][] {s(3, 4), s(2, 4, 3), s(3, 3)}) {
      for (DType t : List.of(F32, F64, I32, I64, DType.BOOL)) {
        Values x = cycle(t, shape, pool(t), 1, 1);
        for (int[] k : BANDS) {
          for (String align : ALIGNS) {
            Values pad = Values.of(t, s(), t == DType.BOOL ? 1 : 9);
            String how = " k=" + Arrays.toString(k) + " " + align;
            cases.add(new Agreement("linalg.diag_part" + how, List.of(x, pad),
                in -> tf.linalg.diag_part(in.get(0), k, in.get(1), align),
                (ops, in) -> TfLinalg.diagPart(ops, in.get(0), k, in.get(1), align)).exact());
          }
        }
      }
    }
    for (DType t : List.of(F32, I32, DType.BOOL)) {
      for (int[] k : BANDS) {
        for (String align : ALIGNS) {
          int count = k[k.length - 1] - k[0] + 1;
          long[] diagShape = count > 1 ? s(2, count, 3) : s(2, 3);
          Values d = cycle(t, diagShape, pool(t), 0, 1);
          Values pad = Values.of(t, s(), t == DType.BOOL ? 0 : -7);
          String how = " k=" + Arrays.toString(k) + " " + align;
          cases.add(new Agreement("linalg.diag" + how, List.of(d, pad),
              in -> tf.linalg.diag(in.get(0), k, -1, -1, in.get(1), align),
              (ops, in) -> TfLinalg.diag(ops, in.get(0), k, -1, -1, in.get(1), align)).exact());
          int rows = 3 - Math.min(k[k.length - 1], 0) + 1;
          cases.add(new Agreement("linalg.diag rows=" + rows + how, List.of(d, pad),
              in -> tf.linalg.diag(in.get(0), k, rows, -1, in.get(1), align),
              (ops, in) -> TfLinalg.diag(ops, in.get(0), k, rows, -1, in.get(1), align)).exact());
          Values x = cycle(t, s(2, 4, 5), pool(t), 2, 1);
          long length = Math.min(4 + Math.min(k[k.length - 1], 0), 5 - Math.max(k[0], 0));
          Values diagonals = cycle(t, count > 1 ? s(2, count, length) : s(2, length), pool(t), 5, 1);
          cases.add(new Agreement("linalg.set_diag" + how, List.of(x, diagonals),
              in -> tf.linalg.set_diag(in.get(0), in.get(1), k, align),
              (ops, in) -> TfLinalg.setDiag(ops, in.get(0), in.get(1), k, align)).exact());
        }
      }
    }
    Values m = cycle(F32, s(3, 3), SIGNED, 0, 1);
    cases.add(new Agreement("linalg.diag_part defaults", List.of(m), in -> tf.linalg.diag_part(in.get(0)),
        (ops, in) -> TfLinalg.diagPart(ops, in.get(0), new int[] {0}, ops.constant(0f), "RIGHT_LEFT")).exact());
    cases.add(new Agreement("linalg.diag k=1", List.of(Values.f32(s(3), 1, 2, 3)),
        in -> tf.linalg.diag(in.get(0), 1),
        (ops, in) -> TfLinalg.diag(ops, in.get(0), new int[] {1}, -1, -1, ops.constant(0f), "RIGHT_LEFT")).exact());
    cases.add(new Agreement("linalg.set_diag defaults", List.of(m, Values.f32(s(3), 7, 8, 9)),
        in -> tf.linalg.set_diag(in.get(0), in.get(1)),
        (ops, in) -> TfLinalg.setDiag(ops, in.get(0), in.get(1), new int[] {0}, "RIGHT_LEFT")).exact());
    return cases.stream().map(Agreement::values);
  }

  // ---- einsum ----

  /** An equation as the user writes it, what TensorFlow's Python resolves it to, and shapes. */
  record Equation(String written, String resolved, long[]... shapes) {}

  static final List<Equation> EQUATIONS = List.of(
      new Equation("ij,jk->ik", "ij,jk->ik", s(2, 3), s(3, 4)),
      new Equation("bij,bjk->bik", "bij,bjk->bik", s(2, 2, 3), s(2, 3, 4)),
      new Equation("i,j->ij", "i,j->ij", s(3), s(4)),
      new Equation("i,i->", "i,i->", s(5), s(5)),
      new Equation("ij->ji", "ij->ji", s(2, 3)),
      new Equation("ij->", "ij->", s(2, 3)),
      new Equation("ij,ij->ij", "ij,ij->ij", s(2, 3), s(2, 3)),
      new Equation("ii->", "ii->", s(3, 3)),
      new Equation("ii->i", "ii->i", s(3, 3)),
      new Equation("ij,jk", "ij,jk->ik", s(2, 3), s(3, 4)),
      new Equation("ba", "ba->ab", s(2, 3)),
      new Equation(" i j , j k -> i k ", "ij,jk->ik", s(2, 3), s(3, 4)),
      new Equation("...ij,...jk->...ik", "...ij,...jk->...ik", s(2, 1, 2, 3), s(3, 3, 2)),
      new Equation("...ij,jk->...ik", "...ij,jk->...ik", s(2, 2, 3), s(3, 4)),
      new Equation("...ij", "...ij->...ij", s(2, 2, 3)),
      new Equation("ij...->j", "ij...->j", s(2, 3)),
      new Equation("iij,jk->ik", "iij,jk->ik", s(3, 3, 2), s(2, 4)),
      new Equation("abc,cd->ad", "abc,cd->ad", s(2, 3, 4), s(4, 5)),
      new Equation("aabbcd->ca", "aabbcd->ca", s(2, 2, 3, 3, 4, 2)),
      new Equation("bi,bi->b", "bi,bi->b", s(4, 3), s(4, 3)),
      new Equation("Ij,jK->IK", "Ij,jK->IK", s(2, 3), s(3, 2)),
      new Equation(",->", ",->", s(), s()),
      new Equation(",i->i", ",i->i", s(), s(3)),
      new Equation("ij,kl->ijkl", "ij,kl->ijkl", s(2, 2), s(1, 3)),
      new Equation("ij,jk->ik", "ij,jk->ik", s(2, 0), s(0, 3)));

  @TestFactory
  Stream<DynamicTest> einsum() {
    List<Agreement> cases = new ArrayList<>();
    for (Equation e : EQUATIONS) {
      for (DType t : List.of(F32, F64, I32, I64)) {
        List<Values> in = new ArrayList<>();
        for (int i = 0; i < e.shapes.length; i++) {
          in.add(cycle(t, e.shapes[i], pool(t), 2 * i, 1));
        }
        cases.add(new Agreement("einsum " + e.written, in, x -> tf.einsum(e.written, x.toArray()),
            (ops, x) -> TfLinalg.einsum(ops, e.resolved, x)).summing(20));
      }
    }
    // Three operands contract pairwise: the same numbers as two matmuls.
    for (DType t : List.of(F32, F64)) {
      List<Values> in = List.of(cycle(t, s(2, 3), SIGNED, 0, 1), cycle(t, s(3, 4), SIGNED, 1, 1),
          cycle(t, s(4, 2), SIGNED, 2, 1));
      cases.add(new Agreement("einsum ij,jk,kl->il", in,
          x -> tf.linalg.einsum("ij,jk,kl->il", x.get(0), x.get(1), x.get(2)),
          (ops, x) -> ops.linalg.matMul(ops.linalg.matMul(o(x.get(0)), o(x.get(1))), o(x.get(2))))
          .summing(20));
      List<Values> vectors = List.of(cycle(t, s(3), SIGNED, 0, 1), cycle(t, s(3), SIGNED, 1, 1),
          cycle(t, s(3), SIGNED, 2, 1));
      cases.add(new Agreement("einsum i,i,i", vectors, x -> tf.einsum("i,i,i", x.toArray()),
          (ops, x) -> ops.sum(ops.math.mul(ops.math.mul(o(x.get(0)), o(x.get(1))), o(x.get(2))),
              ops.constant(0))).summing(20));
    }
    return cases.stream().map(Agreement::values);
  }
}
