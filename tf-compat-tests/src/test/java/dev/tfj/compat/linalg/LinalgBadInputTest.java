package dev.tfj.compat.linalg;

import static dev.tfj.compat.oracle.Oracle.o;
import static dev.tfj.compat.oracle.Oracle.s;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.tfj.Tensor;
import dev.tfj.compat.errors.StateGuard;
import dev.tfj.compat.oracle.Oracle;
import dev.tfj.compat.oracle.Oracle.TfFn;
import dev.tfj.compat.oracle.Oracle.Values;
import dev.tfj.compat.reductions.TensorFlowErrors;
import dev.tfj.errors.AttributeError;
import dev.tfj.errors.InvalidArgumentError;
import dev.tfj.errors.LookupError;
import dev.tfj.errors.NotFoundError;
import dev.tfj.errors.TypeError;
import dev.tfj.errors.ValueError;
import dev.tfj.tf;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Bad input to the linear algebra raises TensorFlow's error: op errors with the message
 * TensorFlow Java's eager kernel gives (plus the eager suffix), Python-level checks with
 * TensorFlow's Python text; nothing changes ({@link StateGuard}). Where TensorFlow's text depends
 * on its CPU kernel path (oneDNN or Eigen), TFJ's is pinned to the generic kernel's and TensorFlow
 * Java's must be one of the two ({@link TensorFlowErrors#genericKernelMessage}).
 */
class LinalgBadInputTest {
  static final Values A234 = Values.f32(s(2, 3, 4), new double[24]);
  static final Values A342 = Values.f32(s(3, 4, 2), new double[24]);
  static final Values V3 = Values.f32(s(3), 1, 2, 3);
  static final Values M23 = Values.f32(s(2, 3), 1, 2, 3, 4, 5, 6);
  static final Values M34 = Values.f32(s(3, 4), new double[12]);

  /** TFJ's {@code call} on {@code inputs} fails with TensorFlow's message for {@code op}. */
  static void likeTensorFlow(String opType, List<Values> inputs, TfFn op, Function<List<Tensor>, Tensor> call) {
    rejectedWith(TensorFlowErrors.message(opType, inputs, op), inputs, call);
  }

  /** TFJ's {@code call} on {@code inputs} fails with {@code message}, an op error's full text. */
  static void rejectedWith(String message, List<Values> inputs, Function<List<Tensor>, Tensor> call) {
    List<Tensor> xs = Oracle.tfj(inputs);
    StateGuard g = new StateGuard();
    g.assertRejected(InvalidArgumentError.class, message, () -> call.apply(xs), xs.toArray(new Tensor[0]));
  }

  static <T extends Throwable> void rejected(Class<T> type, String message, Function<StateGuard, Object> call) {
    StateGuard g = new StateGuard();
    g.assertRejected(type, message, () -> call.apply(g));
  }

  // ---- matmul ----

  @Test
  void batchedMatmul() {
    likeTensorFlow("BatchMatMulV2", List.of(A234, V3),
        (tf, x) -> TfLinalg.batchMatmul(tf, x.get(0), x.get(1), false, false), x -> tf.matmul(x.get(0), x.get(1)));
    likeTensorFlow("BatchMatMulV2", List.of(A234, A342),
        (tf, x) -> TfLinalg.batchMatmul(tf, x.get(0), x.get(1), false, false), x -> tf.matmul(x.get(0), x.get(1)));
    rejectedWith(TensorFlowErrors.genericKernelMessage("BatchMatMulV2", List.of(A234, A234),
            (tf, x) -> TfLinalg.batchMatmul(tf, x.get(0), x.get(1), false, false),
            "Matrix size-incompatible: In[0]: [2,3,4], In[1]: [2,3,4]",
            "Matrix size-incompatible: In[0]: [2,3,4], In[1]: [2,3,4] 0 0"),
        List.of(A234, A234), x -> tf.matmul(x.get(0), x.get(1)));
    rejectedWith(TensorFlowErrors.genericKernelMessage("BatchMatMulV2", List.of(A234, M23),
            (tf, x) -> TfLinalg.batchMatmul(tf, x.get(0), x.get(1), true, false),
            "Matrix size-incompatible: In[0]: [2,3,4], In[1]: [2,3]",
            "Matrix size-incompatible: In[0]: [2,3,4], In[1]: [2,3] 1 0"),
        List.of(A234, M23), x -> tf.matmul(x.get(0), x.get(1), false, false, true, false));
    List<Values> floatAndDouble = List.of(A234, A234.as(dev.tfj.ops.DType.FLOAT64));
    rejectedWith(TensorFlowErrors.genericKernelMessage("BatchMatMulV2", floatAndDouble,
            (tf, x) -> TfLinalg.batchMatmul(tf, x.get(0), x.get(1), false, true),
            "cannot compute BatchMatMulV2 as input #1(zero-based) was expected to be a float tensor but is a"
                + " double tensor",
            "cannot compute _MklBatchMatMulV2 as input #1(zero-based) was expected to be a float tensor but is a"
                + " double tensor"),
        floatAndDouble, x -> tf.matmul(x.get(0), x.get(1), false, true));
  }

  /**
   * TensorFlow has no CPU MatMul, BatchMatMulV2 or Einsum kernel for uint8 (nor Einsum for bool):
   * NotFoundError, listing the kernels it has (TFJ's dtypes among them, in TensorFlow's order).
   */
  @Test
  void dtypesWithoutAKernel() {
    String matmulKernels = "  device='CPU'; T in [DT_INT64]\n  device='CPU'; T in [DT_INT32]\n"
        + "  device='CPU'; T in [DT_DOUBLE]\n  device='CPU'; T in [DT_FLOAT]\n";
    Tensor bytes = tf.cast(tf.constant(new int[][] {{1, 2}, {3, 4}}), tf.uint8);
    rejected(NotFoundError.class, "Could not find device for node: {{node MatMul}} = MatMul[T=DT_UINT8]\n"
        + "All kernels registered for op MatMul:\n" + matmulKernels + " [Op:MatMul]", g -> tf.matmul(bytes, bytes));
    Tensor batch = tf.reshape(bytes, 1, 2, 2);
    rejected(NotFoundError.class, "Could not find device for node: {{node BatchMatMulV2}} ="
        + " BatchMatMulV2[T=DT_UINT8]\nAll kernels registered for op BatchMatMulV2:\n" + matmulKernels
        + " [Op:BatchMatMulV2]", g -> tf.matmul(batch, bytes));
    String einsumKernels = "All kernels registered for op Einsum:\n  device='CPU'; T in [DT_INT64]\n"
        + "  device='CPU'; T in [DT_INT32]\n  device='CPU'; T in [DT_FLOAT]\n  device='CPU'; T in [DT_DOUBLE]\n"
        + " [Op:Einsum]";
    rejected(NotFoundError.class, "Could not find device for node: {{node Einsum}} = Einsum[T=DT_UINT8]\n"
        + einsumKernels, g -> tf.einsum("ij->ji", bytes));
    Tensor flags = tf.constant(new boolean[] {true, false});
    rejected(NotFoundError.class, "Could not find device for node: {{node Einsum}} = Einsum[T=DT_BOOL]\n"
        + einsumKernels, g -> tf.einsum("i,i->", flags, flags));
  }

  @Test
  void transposeAndAdjointTogether() {
    rejected(ValueError.class, "Only one of `transpose_a` and `adjoint_a` can be True. Received"
        + " `transpose_a`=True, `adjoint_a`=True.", g -> tf.matmul(g.x, g.x, true, false, true, false));
    rejected(ValueError.class, "Only one of `transpose_b` and `adjoint_b` can be True. Received"
        + " `transpose_b`=True, `adjoint_b`=True.", g -> tf.linalg.matmul(g.x, g.x, false, true, false, true));
  }

  // ---- tensordot ----

  @Test
  void tensordotAxes() {
    rejected(ValueError.class, "`axes` must be at least 0. Received: -1.", g -> tf.tensordot(g.x, g.x, -1));
    rejected(ValueError.class, "`axes` must not be larger than the number of dimensions of tensor"
        + " tf.Tensor(\n[[ 0.5  -1.    2.  ]\n [ 3.    0.25 -2.  ]], shape=(2, 3), dtype=float32).  Received 3,"
        + " vs tensor dimensions 2.", g -> tf.tensordot(g.x, g.x, 3));
    rejected(ValueError.class, "`axes` must be an integer or have length 2. Received [0, 1, 2].",
        g -> tf.tensordot(g.x, g.x, new int[] {0, 1, 2}));
    rejected(ValueError.class, "`axes` must be an integer or have length 2. Received [[0], [1], [0]].",
        g -> tf.tensordot(g.x, g.x, new int[][] {{0}, {1}, {0}}));
    rejected(ValueError.class, "Different number of contraction axes `a` and `b`, 1 != 2.",
        g -> tf.tensordot(g.x, g.x, new int[][] {{0}, {0, 1}}));
    // Python indexes the shape list with the axis: IndexError, a LookupError.
    rejected(LookupError.class, "list index out of range", g -> tf.tensordot(g.x, g.x, new int[] {2, 0}));
    likeTensorFlow("MatMul", List.of(M23, M23),
        (tf, x) -> tf.linalg.matMul(o(x.get(0)), o(x.get(1))), x -> tf.tensordot(x.get(0), x.get(1), 1));
  }

  // ---- norm ----

  @Test
  void normOrdAndAxis() {
    rejected(ValueError.class, "'ord' must be a supported vector norm, got fro", g -> tf.norm(g.x, "fro"));
    rejected(ValueError.class, "'ord' must be a supported vector norm, got -1", g -> tf.norm(g.x, -1, 0));
    rejected(ValueError.class, "'ord' must be a supported vector norm, got 0.0", g -> tf.norm(g.x, 0.0));
    rejected(ValueError.class, "'ord' must be a supported vector norm, got nuc", g -> tf.norm(g.x, "nuc"));
    rejected(ValueError.class, "'ord' must be a supported matrix norm in ['euclidean', 'fro', 1, 2, inf],"
        + " got 3", g -> tf.norm(g.x, 3, new int[] {0, 1}));
    rejected(ValueError.class, "'ord' must be a supported matrix norm in ['euclidean', 'fro', 1, 2, inf],"
        + " got -inf", g -> tf.linalg.norm(g.x, Double.NEGATIVE_INFINITY, new int[] {0, 1}, false));
    rejected(ValueError.class, "'axis' must be None, an integer, or a tuple of 2 unique integers, got"
        + " (1, 1)", g -> tf.norm(g.x, "euclidean", new int[] {1, 1}));
    rejected(ValueError.class, "'axis' must be None, an integer, or a tuple of 2 unique integers, got"
        + " [0]", g -> tf.norm(g.x, "euclidean", new int[] {0}));
    rejected(ValueError.class, "'axis' must be None, an integer, or a tuple of 2 unique integers, got"
        + " [0, 1, 2]", g -> tf.norm(g.x, 1, new int[] {0, 1, 2}));
    likeTensorFlow("Sum", List.of(M23), (tf, x) -> tf.sum(tf.math.mul(o(x.get(0)), o(x.get(0))),
        tf.constant(new int[] {2}), org.tensorflow.op.core.Sum.keepDims(true)), x -> tf.norm(x.get(0), "euclidean", 2));
  }

  /**
   * The matrix 2-norm runs Svd after a transpose: a tensor of rank below 2 or out-of-range axes
   * fail at the transpose, an integer tensor at Svd's dtype check; Svd itself needs rank 2.
   */
  @Test
  void svdAndTheMatrixTwoNorm() {
    likeTensorFlow("Svd", List.of(V3), (tf, x) -> TfLinalg.svd(tf, x.get(0), true, false).s(),
        x -> tf.linalg.svd(x.get(0)).get(0));
    Values scalar = Values.f32(s(), 1);
    likeTensorFlow("Svd", List.of(scalar), (tf, x) -> TfLinalg.svd(tf, x.get(0), false, false).s(),
        x -> tf.linalg.svd(x.get(0), false, false).get(0));
    Values ints = Values.i32(s(2, 2), 1, 2, 3, 4);
    likeTensorFlow("Svd", List.of(ints), (tf, x) -> TfLinalg.op(tf, "Svd", List.of(x.get(0)), "compute_uv", false),
        x -> tf.norm(x.get(0), 2, new int[] {0, 1}));
    likeTensorFlow("Svd", List.of(ints), (tf, x) -> TfLinalg.op(tf, "Svd", List.of(x.get(0))),
        x -> tf.linalg.svd(x.get(0)).get(0));
    likeTensorFlow("Transpose", List.of(V3), (tf, x) -> TfLinalg.norm(tf, x.get(0), 2, new int[] {0, 1}, false),
        x -> tf.norm(x.get(0), 2, new int[] {0, 1}));
    likeTensorFlow("Transpose", List.of(M23), (tf, x) -> TfLinalg.norm(tf, x.get(0), 2, new int[] {0, 5}, false),
        x -> tf.norm(x.get(0), 2, new int[] {0, 5}));
    likeTensorFlow("Transpose", List.of(M23), (tf, x) -> TfLinalg.norm(tf, x.get(0), 2, new int[] {0, -2}, false),
        x -> tf.norm(x.get(0), 2.0, new int[] {0, -2}));
  }

  // ---- diagonals ----

  @Test
  void diagonals() {
    likeTensorFlow("MatrixDiagPartV3", List.of(V3),
        (tf, x) -> TfLinalg.diagPart(tf, x.get(0), new int[] {0}, tf.constant(0f), "RIGHT_LEFT"),
        x -> tf.linalg.trace(x.get(0)));
    for (int[] k : new int[][] {{5}, {-3}, {1, 9}, {1, 0}, {0, 1, 2}}) {
      likeTensorFlow("MatrixDiagPartV3", List.of(M34),
          (tf, x) -> TfLinalg.diagPart(tf, x.get(0), k, tf.constant(0f), "RIGHT_LEFT"),
          x -> tf.linalg.diag_part(x.get(0), k));
      likeTensorFlow("MatrixSetDiagV3", List.of(M34, V3),
          (tf, x) -> TfLinalg.setDiag(tf, x.get(0), x.get(1), k, "RIGHT_LEFT"),
          x -> tf.linalg.set_diag(x.get(0), x.get(1), k));
    }
    likeTensorFlow("MatrixDiagPartV3", List.of(M34),
        (tf, x) -> TfLinalg.diagPart(tf, x.get(0), new int[] {0}, tf.constant(0f), "UP"),
        x -> tf.linalg.diag_part(x.get(0), new int[] {0}, 0, "UP"));
    likeTensorFlow("MatrixSetDiagV3", List.of(M34, M23),
        (tf, x) -> TfLinalg.setDiag(tf, x.get(0), x.get(1), new int[] {0}, "RIGHT_LEFT"),
        x -> tf.linalg.set_diag(x.get(0), x.get(1)));
    likeTensorFlow("MatrixSetDiagV3", List.of(M34, M23),
        (tf, x) -> TfLinalg.setDiag(tf, x.get(0), x.get(1), new int[] {-1, 1}, "RIGHT_LEFT"),
        x -> tf.linalg.set_diag(x.get(0), x.get(1), new int[] {-1, 1}));
    Values scalar = Values.f32(s(), 1);
    for (int[] rowsCols : new int[][] {{2, -1}, {-1, 3}, {5, 5}}) {
      likeTensorFlow("MatrixDiagV3", List.of(V3),
          (tf, x) -> TfLinalg.diag(tf, x.get(0), new int[] {1}, rowsCols[0], rowsCols[1], tf.constant(0f),
              "RIGHT_LEFT"),
          x -> tf.linalg.diag(x.get(0), new int[] {1}, rowsCols[0], rowsCols[1]));
    }
    likeTensorFlow("MatrixDiagV3", List.of(V3),
        (tf, x) -> TfLinalg.diag(tf, x.get(0), new int[] {0, 1}, -1, -1, tf.constant(0f), "RIGHT_LEFT"),
        x -> tf.linalg.diag(x.get(0), new int[] {0, 1}));
    likeTensorFlow("MatrixDiagV3", List.of(scalar),
        (tf, x) -> TfLinalg.diag(tf, x.get(0), new int[] {0}, -1, -1, tf.constant(0f), "RIGHT_LEFT"),
        x -> tf.linalg.diag(x.get(0)));
  }

  @Test
  void eyeOfNegativeSize() {
    likeTensorFlow("Fill", List.of(), (tf, x) -> tf.fill(tf.constant(new int[] {-1}), tf.constant(1f)),
        x -> tf.eye(-1));
  }

  // ---- einsum ----

  @Test
  void einsumEquations() {
    rejected(ValueError.class, "Invalid character \"0\" in equation: ...i0->i.",
        g -> tf.einsum("...i0->i", g.x));
    rejected(ValueError.class, "Subscripts have incorrect format: ij.k->i", g -> tf.einsum("ij.k->i", g.x));
    rejected(ValueError.class, "Subscripts have incorrect format: ij->i->j", g -> tf.einsum("ij->i->j", g.x));
    rejected(ValueError.class, "Subscripts have incorrect format: i1->i", g -> tf.einsum("i1->i", g.x));
    rejected(ValueError.class, "Got 1 inputs for equation \"ij,jk->ik\", expecting 2",
        g -> tf.einsum("ij,jk->ik", g.x));
    rejected(ValueError.class, "Output subscripts contain a label appearing more than once: ij->ii",
        g -> tf.einsum("ij->ii", g.x));
    rejected(ValueError.class, "Output subscripts contain the label k not present in the input"
        + " subscripts.", g -> tf.einsum("ij->k", g.x));
  }

  @Test
  void einsumShapes() {
    for (String[] eq : new String[][] {{"ij,jk->ik", "ij,jk->ik"}, {"ijk->i", "ijk->i"}, {"ii", "ii->"},
        {"...ijk->...i", "...ijk->...i"}}) {
      List<Values> in = eq[0].contains(",") ? List.of(M23, M23) : List.of(M23);
      likeTensorFlow("Einsum", in, (tf, x) -> TfLinalg.einsum(tf, eq[1], x),
          x -> tf.einsum(eq[0], x.toArray()));
    }
    likeTensorFlow("Einsum", List.of(A234), (tf, x) -> TfLinalg.einsum(tf, "...ij->ij", x),
        x -> tf.einsum("...ij->ij", x.get(0)));
    Values a = Values.f32(s(2, 2, 3), new double[12]);
    Values b = Values.f32(s(3, 3, 2), new double[18]);
    rejectedWith(TensorFlowErrors.genericKernelMessage("Einsum", List.of(a, b),
            (tf, x) -> TfLinalg.einsum(tf, "...ij,...jk->...ik", x),
            "Invalid broadcasting dimensions: [2,2,3] vs. [3,3,2]",
            "In[0] and In[1] must have compatible batch dimensions: [2,2,3] vs. [3,3,2]"),
        List.of(a, b), x -> tf.einsum("...ij,...jk->...ik", x.get(0), x.get(1)));
    Values c = Values.f32(s(4, 2, 2, 3), new double[48]);
    Values d = Values.f32(s(4, 3, 3, 2), new double[72]);
    likeTensorFlow("Einsum", List.of(c, d), (tf, x) -> TfLinalg.einsum(tf, "b...ijz,b...jk->b...ik", x),
        x -> tf.einsum("b...ijz,b...jk->b...ik", x.get(0), x.get(1)));
    List<Values> floatAndDouble = List.of(M23, M23.as(dev.tfj.ops.DType.FLOAT64));
    rejectedWith(TensorFlowErrors.genericKernelMessage("Einsum", floatAndDouble,
            (tf, x) -> TfLinalg.einsum(tf, "ij,ij->", x),
            "cannot compute Einsum as input #1(zero-based) was expected to be a float tensor but is a double tensor",
            "cannot compute _MklEinsum as input #1(zero-based) was expected to be a float tensor but is a double"
                + " tensor"),
        floatAndDouble, x -> tf.einsum("ij,ij->", x.get(0), x.get(1)));
  }

  // ---- None (null) arguments ----

  static final String NONE_TO_TENSOR = "Attempt to convert a value (None) with an unsupported type"
      + " (<class 'NoneType'>) to a Tensor.";

  @Test
  void noneArguments() {
    // einsum reads each operand's shape, then calls equation.replace.
    rejected(AttributeError.class, "'NoneType' object has no attribute 'replace'", g -> tf.einsum(null, g.x));
    rejected(AttributeError.class, "'NoneType' object has no attribute 'shape'",
        g -> tf.einsum("ij->ji", (Object) null));
    rejected(AttributeError.class, "'NoneType' object has no attribute 'shape'", g -> tf.einsum(null, (Object[]) null));
    // tensordot converts axes it cannot read as ints or pairs; len() of a None pair member fails.
    rejected(ValueError.class, NONE_TO_TENSOR, g -> tf.tensordot(g.x, g.x, (int[]) null));
    rejected(ValueError.class, NONE_TO_TENSOR, g -> tf.linalg.tensordot(g.x, g.x, (int[][]) null));
    rejected(TypeError.class, "object of type 'NoneType' has no len()",
        g -> tf.tensordot(g.x, g.x, new int[][] {null, {0}}));
    // norm(ord=None): the vector check compares None <= 0 (np.isreal(None) holds); the matrix one lists.
    rejected(TypeError.class, "'<=' not supported between instances of 'NoneType' and 'int'", g -> tf.norm(g.x, null));
    rejected(ValueError.class, "'ord' must be a supported matrix norm in ['euclidean', 'fro', 1, 2, inf], got None",
        g -> tf.linalg.norm(g.x, null, new int[] {0, 1}));
    rejected(TypeError.class, "Cannot convert the argument `type_value`: None to a TensorFlow DType.",
        g -> tf.linalg.eye(2, 3, new long[0], null));
    rejected(ValueError.class, NONE_TO_TENSOR, g -> tf.linalg.diag_part(g.x, null));
    rejected(ValueError.class, NONE_TO_TENSOR, g -> tf.linalg.set_diag(g.x, new float[] {1, 2}, null));
  }

  @Test
  void paddingValuesThatAreNotScalars() {
    // MatrixDiagV3 wants a scalar; MatrixDiagPartV3 any one element (checked before the band's bounds).
    Values none = Values.f32(s(0));
    likeTensorFlow("MatrixDiagV3", List.of(V3, none),
        (tf, x) -> TfLinalg.diag(tf, x.get(0), new int[] {1}, 3, -1, x.get(1), "RIGHT_LEFT"),
        x -> tf.linalg.diag(x.get(0), new int[] {1}, 3, -1, x.get(1)));
    likeTensorFlow("MatrixDiagV3", List.of(V3, Values.f32(s(1), 0)),
        (tf, x) -> TfLinalg.diag(tf, x.get(0), new int[] {0}, -1, -1, x.get(1), "RIGHT_LEFT"),
        x -> tf.linalg.diag(x.get(0), new int[] {0}, -1, -1, x.get(1)));
    Values cube = Values.f32(s(2, 2, 2), new double[8]);
    likeTensorFlow("MatrixDiagPartV3", List.of(cube, Values.f32(s(2, 0))),
        (tf, x) -> TfLinalg.diagPart(tf, x.get(0), new int[] {5, 1}, x.get(1), "RIGHT_LEFT"),
        x -> tf.linalg.diag_part(x.get(0), new int[] {5, 1}, x.get(1)));
    Tensor m = tf.constant(new float[][] {{1, 2}, {3, 4}});
    assertArrayEquals(new float[] {1, 4}, (float[]) tf.linalg.diag_part(m, new int[] {0}, new float[] {9}).numpy());
  }
}
