package dev.tfj;

import static dev.tfj.Ops.RUN;
import static dev.tfj.Ops.binary;
import static dev.tfj.Ops.handle;
import static dev.tfj.Ops.unary;

import dev.tfj.errors.TypeError;
import dev.tfj.ops.DType;
import dev.tfj.ops.Operand;

/** {@code tf.math}: the same ops as their top-level aliases in {@code tf}. */
public final class MathNamespace {
  MathNamespace() {}

  public Tensor add(Object x, Object y) {
    return tf.add(x, y);
  }

  public Tensor subtract(Object x, Object y) {
    return tf.subtract(x, y);
  }

  public Tensor multiply(Object x, Object y) {
    return tf.multiply(x, y);
  }

  public Tensor divide(Object x, Object y) {
    return tf.divide(x, y);
  }

  public Tensor pow(Object x, Object y) {
    return tf.pow(x, y);
  }

  public Tensor negative(Object x) {
    return tf.negative(x);
  }

  public Tensor square(Object x) {
    return tf.square(x);
  }

  public Tensor sqrt(Object x) {
    return tf.sqrt(x);
  }

  public Tensor exp(Object x) {
    return tf.exp(x);
  }

  public Tensor log(Object x) {
    return tf.log(x);
  }

  // ---- elementwise math (issue 3) ----

  public Tensor abs(Object x) {
    return tf.abs(x);
  }

  public Tensor sign(Object x) {
    return tf.sign(x);
  }

  public Tensor sin(Object x) {
    return tf.sin(x);
  }

  public Tensor cos(Object x) {
    return tf.cos(x);
  }

  public Tensor tan(Object x) {
    return tf.tan(x);
  }

  public Tensor asin(Object x) {
    return tf.asin(x);
  }

  public Tensor acos(Object x) {
    return tf.acos(x);
  }

  public Tensor atan(Object x) {
    return tf.atan(x);
  }

  public Tensor sinh(Object x) {
    return tf.sinh(x);
  }

  public Tensor cosh(Object x) {
    return tf.cosh(x);
  }

  public Tensor tanh(Object x) {
    return tf.tanh(x);
  }

  public Tensor sigmoid(Object x) {
    return tf.sigmoid(x);
  }

  public Tensor floor(Object x) {
    return tf.floor(x);
  }

  public Tensor round(Object x) {
    return tf.round(x);
  }

  public Tensor logical_not(Object x) {
    return tf.logical_not(x);
  }

  public Tensor maximum(Object x, Object y) {
    return tf.maximum(x, y);
  }

  public Tensor minimum(Object x, Object y) {
    return tf.minimum(x, y);
  }

  public Tensor logical_and(Object x, Object y) {
    return tf.logical_and(x, y);
  }

  public Tensor logical_or(Object x, Object y) {
    return tf.logical_or(x, y);
  }

  public Tensor add_n(java.util.List<?> inputs) {
    return tf.add_n(inputs);
  }

  // tf.math only

  /** Floating dtypes only: TensorFlow has no integer CPU kernel (NotFoundError). */
  public Tensor reciprocal(Object x) {
    return unary(x, RUN::reciprocal);
  }

  public Tensor rsqrt(Object x) {
    return unary(x, RUN::rsqrt);
  }

  public Tensor expm1(Object x) {
    return unary(x, RUN::expm1);
  }

  public Tensor log1p(Object x) {
    return unary(x, RUN::log1p);
  }

  public Tensor erf(Object x) {
    return unary(x, RUN::erf);
  }

  /** Its gradient is None, as TensorFlow registers it. */
  public Tensor ceil(Object x) {
    return unary(x, RUN::ceil);
  }

  public Tensor is_nan(Object x) {
    return unary(x, RUN::isNan);
  }

  public Tensor is_finite(Object x) {
    return unary(x, RUN::isFinite);
  }

  /** Also {@code tf.nn.softplus}: log(exp(x) + 1). */
  public Tensor softplus(Object features) {
    return unary(features, RUN::softplus);
  }

  /** Python's {@code //}: rounds toward negative infinity; integer division by zero fails. Gradient None. */
  public Tensor floordiv(Object x, Object y) {
    return binary(x, y, RUN::floorDiv);
  }

  /** Python's {@code %}: the result takes the sign of y. Also {@code tf.math.mod}. */
  public Tensor floormod(Object x, Object y) {
    return binary(x, y, RUN::floorMod);
  }

  public Tensor mod(Object x, Object y) {
    return floormod(x, y);
  }

  public Tensor squared_difference(Object x, Object y) {
    return binary(x, y, RUN::squaredDifference);
  }

  /** TensorFlow's composite: (x or y) and not (x and y). */
  public Tensor logical_xor(Object x, Object y) {
    return binary(x, y, (a, b) -> RUN.logicalAnd(RUN.logicalOr(a, b), RUN.logicalNot(RUN.logicalAnd(a, b))));
  }

  public Tensor equal(Object x, Object y) {
    return tf.equal(x, y);
  }

  public Tensor not_equal(Object x, Object y) {
    return tf.not_equal(x, y);
  }

  public Tensor less(Object x, Object y) {
    return tf.less(x, y);
  }

  public Tensor less_equal(Object x, Object y) {
    return tf.less_equal(x, y);
  }

  public Tensor greater(Object x, Object y) {
    return tf.greater(x, y);
  }

  public Tensor greater_equal(Object x, Object y) {
    return tf.greater_equal(x, y);
  }

  // ---- reductions (issue 3) ----

  public Tensor reduce_sum(Object input_tensor) {
    return tf.reduce_sum(input_tensor);
  }

  public Tensor reduce_sum(Object input_tensor, int axis) {
    return tf.reduce_sum(input_tensor, axis);
  }

  public Tensor reduce_sum(Object input_tensor, int[] axis) {
    return tf.reduce_sum(input_tensor, axis);
  }

  public Tensor reduce_sum(Object input_tensor, int axis, boolean keepdims) {
    return tf.reduce_sum(input_tensor, axis, keepdims);
  }

  public Tensor reduce_sum(Object input_tensor, int[] axis, boolean keepdims) {
    return tf.reduce_sum(input_tensor, axis, keepdims);
  }

  public Tensor reduce_mean(Object input_tensor) {
    return tf.reduce_mean(input_tensor);
  }

  public Tensor reduce_mean(Object input_tensor, int axis) {
    return tf.reduce_mean(input_tensor, axis);
  }

  public Tensor reduce_mean(Object input_tensor, int[] axis) {
    return tf.reduce_mean(input_tensor, axis);
  }

  public Tensor reduce_mean(Object input_tensor, int axis, boolean keepdims) {
    return tf.reduce_mean(input_tensor, axis, keepdims);
  }

  public Tensor reduce_mean(Object input_tensor, int[] axis, boolean keepdims) {
    return tf.reduce_mean(input_tensor, axis, keepdims);
  }

  public Tensor reduce_max(Object input_tensor) {
    return tf.reduce_max(input_tensor);
  }

  public Tensor reduce_max(Object input_tensor, int axis) {
    return tf.reduce_max(input_tensor, axis);
  }

  public Tensor reduce_max(Object input_tensor, int[] axis) {
    return tf.reduce_max(input_tensor, axis);
  }

  public Tensor reduce_max(Object input_tensor, int axis, boolean keepdims) {
    return tf.reduce_max(input_tensor, axis, keepdims);
  }

  public Tensor reduce_max(Object input_tensor, int[] axis, boolean keepdims) {
    return tf.reduce_max(input_tensor, axis, keepdims);
  }

  public Tensor reduce_min(Object input_tensor) {
    return tf.reduce_min(input_tensor);
  }

  public Tensor reduce_min(Object input_tensor, int axis) {
    return tf.reduce_min(input_tensor, axis);
  }

  public Tensor reduce_min(Object input_tensor, int[] axis) {
    return tf.reduce_min(input_tensor, axis);
  }

  public Tensor reduce_min(Object input_tensor, int axis, boolean keepdims) {
    return tf.reduce_min(input_tensor, axis, keepdims);
  }

  public Tensor reduce_min(Object input_tensor, int[] axis, boolean keepdims) {
    return tf.reduce_min(input_tensor, axis, keepdims);
  }

  public Tensor reduce_prod(Object input_tensor) {
    return tf.reduce_prod(input_tensor);
  }

  public Tensor reduce_prod(Object input_tensor, int axis) {
    return tf.reduce_prod(input_tensor, axis);
  }

  public Tensor reduce_prod(Object input_tensor, int[] axis) {
    return tf.reduce_prod(input_tensor, axis);
  }

  public Tensor reduce_prod(Object input_tensor, int axis, boolean keepdims) {
    return tf.reduce_prod(input_tensor, axis, keepdims);
  }

  public Tensor reduce_prod(Object input_tensor, int[] axis, boolean keepdims) {
    return tf.reduce_prod(input_tensor, axis, keepdims);
  }

  public Tensor reduce_any(Object input_tensor) {
    return tf.reduce_any(input_tensor);
  }

  public Tensor reduce_any(Object input_tensor, int axis) {
    return tf.reduce_any(input_tensor, axis);
  }

  public Tensor reduce_any(Object input_tensor, int[] axis) {
    return tf.reduce_any(input_tensor, axis);
  }

  public Tensor reduce_any(Object input_tensor, int axis, boolean keepdims) {
    return tf.reduce_any(input_tensor, axis, keepdims);
  }

  public Tensor reduce_any(Object input_tensor, int[] axis, boolean keepdims) {
    return tf.reduce_any(input_tensor, axis, keepdims);
  }

  public Tensor reduce_all(Object input_tensor) {
    return tf.reduce_all(input_tensor);
  }

  public Tensor reduce_all(Object input_tensor, int axis) {
    return tf.reduce_all(input_tensor, axis);
  }

  public Tensor reduce_all(Object input_tensor, int[] axis) {
    return tf.reduce_all(input_tensor, axis);
  }

  public Tensor reduce_all(Object input_tensor, int axis, boolean keepdims) {
    return tf.reduce_all(input_tensor, axis, keepdims);
  }

  public Tensor reduce_all(Object input_tensor, int[] axis, boolean keepdims) {
    return tf.reduce_all(input_tensor, axis, keepdims);
  }

  public Tensor reduce_logsumexp(Object input_tensor) {
    return tf.reduce_logsumexp(input_tensor);
  }

  public Tensor reduce_logsumexp(Object input_tensor, int axis) {
    return tf.reduce_logsumexp(input_tensor, axis);
  }

  public Tensor reduce_logsumexp(Object input_tensor, int[] axis) {
    return tf.reduce_logsumexp(input_tensor, axis);
  }

  public Tensor reduce_logsumexp(Object input_tensor, int axis, boolean keepdims) {
    return tf.reduce_logsumexp(input_tensor, axis, keepdims);
  }

  public Tensor reduce_logsumexp(Object input_tensor, int[] axis, boolean keepdims) {
    return tf.reduce_logsumexp(input_tensor, axis, keepdims);
  }

  public Tensor reduce_euclidean_norm(Object input_tensor) {
    return reduce_euclidean_norm(input_tensor, null, false);
  }

  public Tensor reduce_euclidean_norm(Object input_tensor, int axis) {
    return reduce_euclidean_norm(input_tensor, new int[] {axis}, false);
  }

  public Tensor reduce_euclidean_norm(Object input_tensor, int[] axis) {
    return reduce_euclidean_norm(input_tensor, axis, false);
  }

  public Tensor reduce_euclidean_norm(Object input_tensor, int axis, boolean keepdims) {
    return reduce_euclidean_norm(input_tensor, new int[] {axis}, keepdims);
  }

  /** The EuclideanNorm op: {@code sqrt(sum(x * x))}; for integers the root is truncated. */
  public Tensor reduce_euclidean_norm(Object input_tensor, int[] axis, boolean keepdims) {
    return unary(input_tensor, h -> RUN.euclideanNorm(h, axis, keepdims));
  }

  public Tensor reduce_variance(Object input_tensor) {
    return reduce_variance(input_tensor, null, false);
  }

  public Tensor reduce_variance(Object input_tensor, int axis) {
    return reduce_variance(input_tensor, new int[] {axis}, false);
  }

  public Tensor reduce_variance(Object input_tensor, int[] axis) {
    return reduce_variance(input_tensor, axis, false);
  }

  public Tensor reduce_variance(Object input_tensor, int axis, boolean keepdims) {
    return reduce_variance(input_tensor, new int[] {axis}, keepdims);
  }

  /** TensorFlow's composite: {@code reduce_mean(square(x - reduce_mean(x, axis, keepdims=True)), axis)}. */
  public Tensor reduce_variance(Object input_tensor, int[] axis, boolean keepdims) {
    Operand x = handle(input_tensor);
    Operand means = RUN.reduceMean(x, axis, true);
    if (means.dtype().is_integer()) {
      throw new TypeError("Input must be either real or complex. Received integer type <dtype: '"
          + means.dtype().typeName() + "'>.");
    }
    return Tensor.wrap(RUN.reduceMean(RUN.square(RUN.sub(x, means)), axis, keepdims));
  }

  public Tensor reduce_std(Object input_tensor) {
    return reduce_std(input_tensor, null, false);
  }

  public Tensor reduce_std(Object input_tensor, int axis) {
    return reduce_std(input_tensor, new int[] {axis}, false);
  }

  public Tensor reduce_std(Object input_tensor, int[] axis) {
    return reduce_std(input_tensor, axis, false);
  }

  public Tensor reduce_std(Object input_tensor, int axis, boolean keepdims) {
    return reduce_std(input_tensor, new int[] {axis}, keepdims);
  }

  /** The square root of {@link #reduce_variance}. */
  public Tensor reduce_std(Object input_tensor, int[] axis, boolean keepdims) {
    return tf.sqrt(reduce_variance(input_tensor, axis, keepdims));
  }

  public Tensor argmax(Object input) {
    return tf.argmax(input);
  }

  public Tensor argmax(Object input, int axis) {
    return tf.argmax(input, axis);
  }

  public Tensor argmax(Object input, int axis, DType output_type) {
    return tf.argmax(input, axis, output_type);
  }

  public Tensor argmin(Object input) {
    return tf.argmin(input);
  }

  public Tensor argmin(Object input, int axis) {
    return tf.argmin(input, axis);
  }

  public Tensor argmin(Object input, int axis, DType output_type) {
    return tf.argmin(input, axis, output_type);
  }

  public Tensor cumsum(Object x) {
    return tf.cumsum(x);
  }

  public Tensor cumsum(Object x, int axis) {
    return tf.cumsum(x, axis);
  }

  public Tensor cumsum(Object x, int axis, boolean exclusive) {
    return tf.cumsum(x, axis, exclusive);
  }

  public Tensor cumsum(Object x, int axis, boolean exclusive, boolean reverse) {
    return tf.cumsum(x, axis, exclusive, reverse);
  }

  public Tensor cumprod(Object x) {
    return cumprod(x, 0, false, false);
  }

  public Tensor cumprod(Object x, int axis) {
    return cumprod(x, axis, false, false);
  }

  public Tensor cumprod(Object x, int axis, boolean exclusive) {
    return cumprod(x, axis, exclusive, false);
  }

  /** The running product along {@code axis}; exclusive starts from 1, reverse runs from the end. */
  public Tensor cumprod(Object x, int axis, boolean exclusive, boolean reverse) {
    return unary(x, h -> RUN.cumprod(h, axis, exclusive, reverse));
  }

  /** {@code x / y}, and 0 wherever {@code y} is 0; integers divide as floats, as in tf.divide. */
  public Tensor divide_no_nan(Object x, Object y) {
    return Ops.trueDivide(x, y, RUN::divNoNan, "tf.math.divide_no_nan. Expected one of {tf.uint8,"
        + " tf.int8, tf.uint16, tf.int16, tf.uint32, tf.int32, tf.uint64, tf.int64, tf.bfloat16,"
        + " tf.float16, tf.float32, tf.float64, tf.complex64, tf.complex128}.");
  }

  // ---- softmax (tf.nn's, also filed under tf.math; issue 3) ----

  public Tensor softmax(Object logits) {
    return tf.nn.softmax(logits);
  }

  public Tensor softmax(Object logits, int axis) {
    return tf.nn.softmax(logits, axis);
  }

  public Tensor log_softmax(Object logits) {
    return tf.nn.log_softmax(logits);
  }

  public Tensor log_softmax(Object logits, int axis) {
    return tf.nn.log_softmax(logits, axis);
  }
}
