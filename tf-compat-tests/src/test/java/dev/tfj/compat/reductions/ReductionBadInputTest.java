package dev.tfj.compat.reductions;

import static dev.tfj.compat.oracle.Oracle.o;
import static dev.tfj.compat.oracle.Oracle.s;

import dev.tfj.Tensor;
import dev.tfj.compat.errors.StateGuard;
import dev.tfj.compat.oracle.Oracle;
import dev.tfj.compat.oracle.Oracle.TfFn;
import dev.tfj.compat.oracle.Oracle.Values;
import dev.tfj.errors.InvalidArgumentError;
import dev.tfj.errors.TypeError;
import dev.tfj.tf;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.tensorflow.op.math.Cumprod;
import org.tensorflow.op.math.Cumsum;
import org.tensorflow.types.TFloat32;

/**
 * Bad input to the reductions raises TensorFlow's error with TensorFlow's message (for op
 * errors, the message TensorFlow Java's eager kernel gives, plus the eager suffix) and changes
 * no tensor, variable or tape ({@link StateGuard}).
 */
class ReductionBadInputTest {
  static final Values M23 = Values.f32(s(2, 3), 1, 2, 3, 4, 5, 6);
  static final Values EMPTY = Values.f32(s(0, 3));
  static final Values FLAGS = Values.bool(s(2), 1, 0);
  static final Values SCALAR = Values.f32(s(), 3);

  /** TFJ's {@code call} on {@code input} fails exactly as TensorFlow's {@code op} does. */
  static void rejectedLikeTensorFlow(String opType, Values input, TfFn op,
      java.util.function.Function<Tensor, Tensor> call) {
    String message = TensorFlowErrors.message(opType, List.of(input), op);
    Tensor x = Oracle.tfj(input);
    StateGuard g = new StateGuard();
    g.assertRejected(InvalidArgumentError.class, message, () -> call.apply(x), x);
  }

  @Test
  void axisOutOfRange() {
    rejectedLikeTensorFlow("Max", M23, (tf, x) -> tf.max(o(x.get(0)), tf.constant(2)),
        x -> tf.reduce_max(x, 2));
    rejectedLikeTensorFlow("Min", M23, (tf, x) -> tf.min(o(x.get(0)), tf.constant(new int[] {0, -3})),
        x -> tf.reduce_min(x, new int[] {0, -3}));
    rejectedLikeTensorFlow("Prod", SCALAR, (tf, x) -> tf.prod(o(x.get(0)), tf.constant(0)),
        x -> tf.reduce_prod(x, 0));
    rejectedLikeTensorFlow("EuclideanNorm", M23,
        (tf, x) -> tf.linalg.euclideanNorm(o(x.get(0)), tf.constant(-3)),
        x -> tf.math.reduce_euclidean_norm(x, -3));
    rejectedLikeTensorFlow("All", FLAGS, (tf, x) -> tf.all(o(x.get(0)), tf.constant(1)),
        x -> tf.reduce_all(x, 1));
  }

  @Test
  void duplicateAxes() {
    rejectedLikeTensorFlow("Max", M23, (tf, x) -> tf.max(o(x.get(0)), tf.constant(new int[] {1, -1})),
        x -> tf.reduce_max(x, new int[] {1, -1}));
    rejectedLikeTensorFlow("Prod", M23, (tf, x) -> tf.prod(o(x.get(0)), tf.constant(new int[] {0, 0})),
        x -> tf.reduce_prod(x, new int[] {0, 0}));
  }

  @Test
  void dtypesTheOpsDoNotAccept() {
    rejectedLikeTensorFlow("Max", FLAGS, (tf, x) -> tf.max(o(x.get(0)), tf.constant(0)),
        x -> tf.reduce_max(x));
    rejectedLikeTensorFlow("Prod", FLAGS, (tf, x) -> tf.prod(o(x.get(0)), tf.constant(0)),
        x -> tf.reduce_prod(x));
    rejectedLikeTensorFlow("Any", M23, (tf, x) -> tf.any(o(x.get(0)), tf.constant(new int[] {0, 1})),
        x -> tf.reduce_any(x));
    rejectedLikeTensorFlow("EuclideanNorm", FLAGS,
        (tf, x) -> tf.linalg.euclideanNorm(o(x.get(0)), tf.constant(0)),
        x -> tf.math.reduce_euclidean_norm(x));
    rejectedLikeTensorFlow("Cumprod", FLAGS, (tf, x) -> tf.math.cumprod(o(x.get(0)), tf.constant(0)),
        x -> tf.math.cumprod(x));
    rejectedLikeTensorFlow("ArgMax", M23, (tf, x) -> tf.math.argMax(o(x.get(0)), tf.constant(0),
        TFloat32.class), x -> tf.argmax(x, 0, tf.float32));
  }

  @Test
  void argmaxAxes() {
    rejectedLikeTensorFlow("ArgMax", M23, (tf, x) -> tf.math.argMax(o(x.get(0)), tf.constant(2)),
        x -> tf.argmax(x, 2));
    rejectedLikeTensorFlow("ArgMin", M23, (tf, x) -> tf.math.argMin(o(x.get(0)), tf.constant(-3)),
        x -> tf.argmin(x, -3));
    rejectedLikeTensorFlow("ArgMax", SCALAR, (tf, x) -> tf.math.argMax(o(x.get(0)), tf.constant(0)),
        x -> tf.argmax(x));
    rejectedLikeTensorFlow("ArgMin", EMPTY, (tf, x) -> tf.math.argMin(o(x.get(0)), tf.constant(0)),
        x -> tf.math.argmin(x, 0));
  }

  @Test
  void scanAxes() {
    rejectedLikeTensorFlow("Cumsum", M23, (tf, x) -> tf.math.cumsum(o(x.get(0)), tf.constant(2)),
        x -> tf.cumsum(x, 2));
    rejectedLikeTensorFlow("Cumprod", M23, (tf, x) -> tf.math.cumprod(o(x.get(0)), tf.constant(-3),
        Cumprod.exclusive(true)), x -> tf.math.cumprod(x, -3, true));
    rejectedLikeTensorFlow("Cumsum", SCALAR, (tf, x) -> tf.math.cumsum(o(x.get(0)), tf.constant(0),
        Cumsum.reverse(true)), x -> tf.math.cumsum(x, 0, false, true));
  }

  @Test
  void logsumexpOfIntegers() {
    // TensorFlow's composite fails at IsFinite, which has no integer kernel.
    Values ints = Values.i32(s(3), 1, 2, 3);
    String message = TensorFlowErrors.message("IsFinite", List.of(ints),
        (tf, x) -> tf.math.isFinite(o(tf.max(o(x.get(0)), tf.constant(0)))));
    Tensor x = Oracle.tfj(ints);
    StateGuard g = new StateGuard();
    g.assertRejected(InvalidArgumentError.class, message, () -> tf.reduce_logsumexp(x), x);
  }

  @Test
  void varianceOfIntegers() {
    // TensorFlow's Python check, after the mean: the mean of integers is an integer.
    Tensor x = tf.constant(new int[] {1, 2, 4});
    StateGuard g = new StateGuard();
    g.assertRejected(TypeError.class,
        "Input must be either real or complex. Received integer type <dtype: 'int32'>.",
        () -> tf.math.reduce_variance(x), x);
    Tensor bytes = tf.cast(x, tf.uint8);
    StateGuard h = new StateGuard();
    h.assertRejected(TypeError.class,
        "Input must be either real or complex. Received integer type <dtype: 'uint8'>.",
        () -> tf.math.reduce_std(bytes, 0), bytes);
  }

  @Test
  void divideNoNanDtypes() {
    Tensor flags = tf.constant(new boolean[] {true});
    StateGuard g = new StateGuard();
    g.assertRejected(TypeError.class, "Invalid dtype tf.bool in tf.math.divide_no_nan. Expected one"
        + " of {tf.uint8, tf.int8, tf.uint16, tf.int16, tf.uint32, tf.int32, tf.uint64, tf.int64,"
        + " tf.bfloat16, tf.float16, tf.float32, tf.float64, tf.complex64, tf.complex128}.",
        () -> tf.math.divide_no_nan(flags, flags), flags);
    Tensor doubles = tf.cast(g.x, tf.float64);
    StateGuard h = new StateGuard();
    h.assertRejected(TypeError.class, "`x` and `y` must have the same dtype, got tf.float32 !="
        + " tf.float64.", () -> tf.math.divide_no_nan(h.x, doubles), doubles);
  }

  @Test
  void divideNoNanShapes() {
    Values a = Values.f32(s(2), 1, 2);
    Values b = Values.f32(s(3), 1, 2, 3);
    String message = TensorFlowErrors.message("DivNoNan", List.of(a, b),
        (tf, x) -> tf.math.divNoNan(o(x.get(0)), o(x.get(1))));
    Tensor x = Oracle.tfj(a);
    Tensor y = Oracle.tfj(b);
    StateGuard g = new StateGuard();
    Executable call = () -> tf.math.divide_no_nan(x, y);
    g.assertRejected(InvalidArgumentError.class, message, call, x, y);
  }
}
