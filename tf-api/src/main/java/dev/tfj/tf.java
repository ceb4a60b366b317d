package dev.tfj;

import static dev.tfj.Ops.RUN;
import static dev.tfj.Ops.binary;
import static dev.tfj.Ops.compare;
import static dev.tfj.Ops.handle;
import static dev.tfj.Ops.unary;

import dev.tfj.eager.EagerContext;
import dev.tfj.eager.TensorHandle;
import dev.tfj.errors.ValueError;
import dev.tfj.ops.DType;
import dev.tfj.ops.MathOps;
import dev.tfj.ops.Operand;
import dev.tfj.ops.PythonNone;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * TensorFlow's {@code tf} module. Names, argument order and behaviour follow TensorFlow 2;
 * keyword arguments are overloads in TensorFlow's positional order; namespaces are fields
 * ({@code tf.random.normal}, {@code tf.math.exp}, {@code tf.linalg.matmul}).
 */
@SuppressWarnings("checkstyle:TypeName")
public final class tf {
  private tf() {}

  public static final DType float32 = DType.FLOAT32;
  public static final DType float64 = DType.FLOAT64;
  public static final DType int32 = DType.INT32;
  public static final DType int64 = DType.INT64;
  public static final DType uint8 = DType.UINT8;
  public static final DType bool = DType.BOOL;

  public static final RandomNamespace random = new RandomNamespace();
  public static final MathNamespace math = new MathNamespace();
  public static final LinalgNamespace linalg = new LinalgNamespace();
  public static final NnNamespace nn = new NnNamespace();
  public static final dev.tfj.keras.KerasNamespace keras = new dev.tfj.keras.KerasNamespace();
  /** {@code tf.losses}, TensorFlow 2's alias of {@code tf.keras.losses}. */
  public static final dev.tfj.keras.losses.Losses losses = keras.losses;
  public static final dev.tfj.data.DataNamespace data = new dev.tfj.data.DataNamespace();

  // ---- tensors, variables, tapes, devices ----

  public static final ConfigNamespace config = new ConfigNamespace();
  public static final DebuggingNamespace debugging = new DebuggingNamespace();

  public static Tensor constant(Object value) {
    return convert_to_tensor(value);
  }

  public static Tensor constant(Object value, DType dtype) {
    if (value instanceof Tensor t && dtype != null && t.dtype() != dtype) {
      throw new dev.tfj.errors.TypeError("Expected tensor " + t.numpy() + " with dtype " + dtype
          + ", but got dtype " + t.dtype() + ".");
    }
    return convert_to_tensor(value, dtype);
  }

  public static Tensor convert_to_tensor(Object value) {
    return value instanceof Tensor t && !(t instanceof Variable) ? t : Tensor.wrap(handle(value));
  }

  /** A null dtype is TensorFlow's None: the value's own (a tensor is returned as it is). */
  public static Tensor convert_to_tensor(Object value, DType dtype) {
    return dtype == null ? convert_to_tensor(value) : Tensor.wrap(Convert.toHandle(value, dtype));
  }

  // tf.Variable(initial_value, trainable=None, ..., name=None, ..., dtype=None): the positional
  // order, then the keyword forms people write. A Supplier is TensorFlow's callable initial value.

  public static Variable Variable(Object initial_value) {
    return Variable(initial_value, true, null, null);
  }

  public static Variable Variable(Object initial_value, boolean trainable) {
    return Variable(initial_value, trainable, null, null);
  }

  public static Variable Variable(Object initial_value, boolean trainable, String name) {
    return Variable(initial_value, trainable, name, null);
  }

  public static Variable Variable(Object initial_value, DType dtype) {
    return Variable(initial_value, true, null, dtype);
  }

  public static Variable Variable(Object initial_value, String name) {
    return Variable(initial_value, true, name, null);
  }

  /**
   * {@code tf.Variable(initial_value, trainable=..., name=..., dtype=...)}. The value converts as
   * {@code tf.convert_to_tensor(initial_value, dtype)} does (a tensor of another dtype is a
   * ValueError), with every tape paused, as TensorFlow's {@code init_scope} does. A null name
   * is {@code "Variable"}, under the current {@link #name_scope}; names are not made unique.
   */
  public static Variable Variable(Object initial_value, boolean trainable, String name, DType dtype) {
    if (initial_value == null) {
      throw new ValueError("The `initial_value` arg to `tf.Variable` must be specified except when you are"
          + " not providing a `variable_def`. You provided neither.");
    }
    TensorHandle value = EagerContext.get().withoutTapes(() -> Convert.toHandle(
        initial_value instanceof Supplier<?> init ? init.get() : initial_value, dtype));
    return new Variable(value, trainable, NameScope.variableName(name));
  }

  public static Variable Variable(Supplier<?> initial_value) {
    return Variable((Object) initial_value, true, null, null);
  }

  public static Variable Variable(Supplier<?> initial_value, boolean trainable) {
    return Variable((Object) initial_value, trainable, null, null);
  }

  public static Variable Variable(Supplier<?> initial_value, boolean trainable, String name) {
    return Variable((Object) initial_value, trainable, name, null);
  }

  public static Variable Variable(Supplier<?> initial_value, DType dtype) {
    return Variable((Object) initial_value, true, null, dtype);
  }

  public static Variable Variable(Supplier<?> initial_value, String name) {
    return Variable((Object) initial_value, true, name, null);
  }

  public static Variable Variable(Supplier<?> initial_value, boolean trainable, String name, DType dtype) {
    return Variable((Object) initial_value, trainable, name, dtype);
  }

  public static GradientTape GradientTape() {
    return new GradientTape(false, true);
  }

  public static GradientTape GradientTape(boolean persistent) {
    return new GradientTape(persistent, true);
  }

  public static GradientTape GradientTape(boolean persistent, boolean watch_accessed_variables) {
    return new GradientTape(persistent, watch_accessed_variables);
  }

  /** {@code tf.UnconnectedGradients}: what a gradient is where a source is not connected. */
  public enum UnconnectedGradients {
    NONE, ZERO;

    /** TensorFlow's strings {@code "none"} and {@code "zero"}. */
    static UnconnectedGradients of(String value) {
      if ("none".equals(value)) {
        return NONE;
      } else if ("zero".equals(value)) {
        return ZERO;
      }
      throw new ValueError("Unknown value for unconnected_gradients: "
          + (value == null ? "None" : "'" + value + "'"));
    }
  }

  /**
   * {@code @tf.custom_gradient}: {@code f} returns the result and its gradient function (see
   * {@link CustomGradient}); the function returned computes {@code f} and records one op whose
   * gradient is that function.
   */
  public static Function<Tensor, Tensor> custom_gradient(Function<Tensor, CustomGradient> f) {
    return x -> CustomGradient.call(List.of(x), () -> f.apply(x));
  }

  /** {@code @tf.custom_gradient} for two arguments; the gradient function returns a List of two. */
  public static BiFunction<Tensor, Tensor, Tensor> custom_gradient(BiFunction<Tensor, Tensor, CustomGradient> f) {
    return (x, y) -> CustomGradient.call(List.of(x, y), () -> f.apply(x, y));
  }

  /**
   * {@code tf.recompute_grad}: {@code f} runs unrecorded, and its gradient runs {@code f} again
   * under a tape, so its intermediate values are not kept between the forward and backward passes.
   */
  public static Function<Tensor, Tensor> recompute_grad(Function<Tensor, Tensor> f) {
    return CustomGradient.recomputing(f);
  }


  /** {@code with tf.name_scope(name):} as try-with-resources; variables made inside are named under it. */
  public static NameScope name_scope(String name) {
    return new NameScope(name);
  }

  /** {@code with tf.device(name):} as try-with-resources; null clears the scope. */
  public static DeviceScope device(String name) {
    return new DeviceScope(name);
  }

  // ---- array ops ----

  public static Tensor identity(Object x) {
    return unary(x, RUN::identity);
  }

  public static Tensor stop_gradient(Object x) {
    return unary(x, RUN::stopGradient);
  }

  /** Reshapes; one dimension may be -1. */
  public static Tensor reshape(Object x, long... shape) {
    return unary(x, h -> RUN.reshape(h, shape));
  }

  /** Reverses the axes. */
  public static Tensor transpose(Object x) {
    Operand h = handle(x);
    int[] perm = new int[h.shape().length];
    for (int i = 0; i < perm.length; i++) {
      perm[i] = perm.length - 1 - i;
    }
    return Tensor.wrap(RUN.transpose(h, perm));
  }

  /** {@code perm} null reverses the axes, as with no perm. */
  public static Tensor transpose(Object x, int[] perm) {
    return perm == null ? transpose(x) : unary(x, h -> RUN.transpose(h, perm));
  }

  public static Tensor zeros(long... shape) {
    return zeros(shape, float32);
  }

  public static Tensor zeros(long[] shape, DType dtype) {
    return Tensor.wrap(RUN.fill(shape, RUN.scalar(dtype, 0)));
  }

  public static Tensor ones(long... shape) {
    return ones(shape, float32);
  }

  public static Tensor ones(long[] shape, DType dtype) {
    return Tensor.wrap(RUN.fill(shape, RUN.scalar(dtype, 1)));
  }

  public static Tensor zeros_like(Object x) {
    return unary(x, RUN::zerosLike);
  }

  public static Tensor ones_like(Object x) {
    return unary(x, RUN::onesLike);
  }

  public static Tensor fill(long[] dims, Object value) {
    return unary(value, v -> RUN.fill(dims, v));
  }

  public static Tensor range(Object limit) {
    return range(limit, null, 1, null);
  }

  public static Tensor range(Object start, Object limit) {
    return range(start, limit, 1, null);
  }

  public static Tensor range(Object start, Object limit, Object delta) {
    return range(start, limit, delta, null);
  }

  /**
   * As math_ops.range: a null limit makes {@code start} the limit and 0 the start
   * ({@code tf.range(3, null, 1, tf.float32)} is {@code [0., 1., 2.]}); with no dtype, the widest
   * of the three in the order int32, int64, float32, float64.
   */
  public static Tensor range(Object start, Object limit, Object delta, DType dtype) {
    if (limit == null) {
      limit = start;
      start = 0;
    }
    TensorHandle[] args = {handleOf(start, dtype), handleOf(limit, dtype), handleOf(delta, dtype)};
    DType widest = dtype;
    if (widest == null) {
      java.util.List<DType> order = java.util.List.of(int32, int64, float32, float64);
      for (TensorHandle a : args) {
        widest = widest == null || order.indexOf(a.dtype) > order.indexOf(widest) ? a.dtype : widest;
      }
    }
    Operand[] cast = new Operand[3];
    for (int i = 0; i < 3; i++) {
      cast[i] = args[i].dtype == widest ? args[i] : RUN.cast(args[i], widest);
    }
    return Tensor.wrap(RUN.range(cast[0], cast[1], cast[2]));
  }

  private static TensorHandle handleOf(Object x, DType dtype) {
    return Convert.toHandle(x, x instanceof Tensor ? null : dtype);
  }

  public static Tensor cast(Object x, DType dtype) {
    PythonNone.dtype(dtype);
    TensorHandle h = Convert.toHandle(x, null);
    return h.dtype == dtype && x instanceof Tensor t ? t : Tensor.wrap(RUN.cast(h, dtype));
  }

  // ---- shape and indexing (issue 3) ----

  /** {@code tf.newaxis} (Python's None) in an index: a new axis of size 1. See {@link Tensor#get}. */
  public static final Object newaxis = Indexing.Marker.NEWAXIS;

  /** Python's {@code ...} in an index: as many full slices as the other items leave. */
  public static final Object ellipsis = Indexing.Marker.ELLIPSIS;

  /** Python's {@code slice(stop)}: {@code :stop}; {@code tf.slice_(null)} is {@code :}. */
  public static Slice slice_(Integer stop) {
    return new Slice(null, stop, null);
  }

  /** Python's {@code slice(start, stop)}: {@code start:stop}; null is None. */
  public static Slice slice_(Integer start, Integer stop) {
    return new Slice(start, stop, null);
  }

  /** Python's {@code slice(start, stop, step)}: {@code start:stop:step}; null is None. */
  public static Slice slice_(Integer start, Integer stop, Integer step) {
    return new Slice(start, stop, step);
  }

  public static Tensor expand_dims(Object input, int axis) {
    return unary(input, h -> RUN.expandDims(h, axis));
  }

  /** Removes every dimension of size 1. */
  public static Tensor squeeze(Object input) {
    return squeeze(input, new int[0]);
  }

  public static Tensor squeeze(Object input, int axis) {
    return squeeze(input, new int[] {axis});
  }

  /** Removes the given dimensions, which must have size 1 (an empty list or null removes all of size 1). */
  public static Tensor squeeze(Object input, int[] axis) {
    return unary(input, h -> RUN.squeeze(h, axis));
  }

  public static Tensor concat(java.util.List<?> values, int axis) {
    return ArrayFunctions.concat(values, axis);
  }

  public static Tensor stack(java.util.List<?> values) {
    return ArrayFunctions.stack(values, 0);
  }

  public static Tensor stack(java.util.List<?> values, int axis) {
    return ArrayFunctions.stack(values, axis);
  }

  public static java.util.List<Tensor> unstack(Object value) {
    return ArrayFunctions.unstack(value, null, 0);
  }

  /** {@code num} null means the size of the axis. */
  public static java.util.List<Tensor> unstack(Object value, Integer num) {
    return ArrayFunctions.unstack(value, num, 0);
  }

  public static java.util.List<Tensor> unstack(Object value, Integer num, int axis) {
    return ArrayFunctions.unstack(value, num, axis);
  }

  /** Splits along axis 0 into {@code num_or_size_splits} equal parts. */
  public static java.util.List<Tensor> split(Object value, int num_or_size_splits) {
    return split(value, num_or_size_splits, 0);
  }

  public static java.util.List<Tensor> split(Object value, int num_or_size_splits, int axis) {
    return ArrayFunctions.wrapAll(RUN.split(handle(value), num_or_size_splits, axis));
  }

  /** Splits along axis 0 into parts of the given sizes; one size may be -1 (the rest). */
  public static java.util.List<Tensor> split(Object value, int[] num_or_size_splits) {
    return ArrayFunctions.split(value, num_or_size_splits, 0, null);
  }

  public static java.util.List<Tensor> split(Object value, int[] num_or_size_splits, int axis) {
    return ArrayFunctions.split(value, num_or_size_splits, axis, null);
  }

  public static java.util.List<Tensor> split(Object value, int[] num_or_size_splits, int axis,
      Integer num) {
    return ArrayFunctions.split(value, num_or_size_splits, axis, num);
  }

  /** {@code size[i] == -1} takes everything from {@code begin[i]} on. */
  public static Tensor slice(Object input_, int[] begin, int[] size) {
    return unary(input_, h -> RUN.slice(h, longs(begin), longs(size)));
  }

  public static Tensor strided_slice(Object input_, int[] begin, int[] end) {
    return strided_slice(input_, begin, end, null, 0, 0, 0, 0, 0);
  }

  /** {@code strides} null means all ones. */
  public static Tensor strided_slice(Object input_, int[] begin, int[] end, int[] strides) {
    return strided_slice(input_, begin, end, strides, 0, 0, 0, 0, 0);
  }

  public static Tensor strided_slice(Object input_, int[] begin, int[] end, int[] strides,
      int begin_mask) {
    return strided_slice(input_, begin, end, strides, begin_mask, 0, 0, 0, 0);
  }

  public static Tensor strided_slice(Object input_, int[] begin, int[] end, int[] strides,
      int begin_mask, int end_mask) {
    return strided_slice(input_, begin, end, strides, begin_mask, end_mask, 0, 0, 0);
  }

  public static Tensor strided_slice(Object input_, int[] begin, int[] end, int[] strides,
      int begin_mask, int end_mask, int ellipsis_mask) {
    return strided_slice(input_, begin, end, strides, begin_mask, end_mask, ellipsis_mask, 0, 0);
  }

  public static Tensor strided_slice(Object input_, int[] begin, int[] end, int[] strides,
      int begin_mask, int end_mask, int ellipsis_mask, int new_axis_mask) {
    return strided_slice(input_, begin, end, strides, begin_mask, end_mask, ellipsis_mask,
        new_axis_mask, 0);
  }

  /**
   * TensorFlow's strided slice with all five masks; bit i of a mask refers to entry i of
   * begin/end/strides. {@link Tensor#get} is the NumPy-style spelling of the same op.
   */
  public static Tensor strided_slice(Object input_, int[] begin, int[] end, int[] strides,
      int begin_mask, int end_mask, int ellipsis_mask, int new_axis_mask, int shrink_axis_mask) {
    int[] steps = strides != null ? strides : new int[PythonNone.tensorValue(begin).length];
    if (strides == null) {
      java.util.Arrays.fill(steps, 1);
    }
    return unary(input_, h -> RUN.stridedSlice(h, RUN.int32s(begin), RUN.int32s(end),
        RUN.int32s(steps), dev.tfj.ops.OpRunner.sliceMasks(begin_mask, end_mask, ellipsis_mask,
            new_axis_mask, shrink_axis_mask)));
  }

  public static Tensor gather(Object params, Object indices) {
    return ArrayFunctions.gather(params, indices, null, 0);
  }

  /**
   * TensorFlow's {@code tf.gather(params, indices, axis=axis)}. (Its deprecated
   * {@code validate_indices}, which TensorFlow ignores, is left out of the Java overloads.)
   */
  public static Tensor gather(Object params, Object indices, int axis) {
    return ArrayFunctions.gather(params, indices, axis, 0);
  }

  /**
   * {@code axis} null means {@code batch_dims}. The gradient for params is dense, where
   * TensorFlow returns {@code tf.IndexedSlices} for axis 0: the same values as
   * {@code tf.convert_to_tensor} of them (rows of repeated indices summed).
   */
  public static Tensor gather(Object params, Object indices, Integer axis, int batch_dims) {
    return ArrayFunctions.gather(params, indices, axis, batch_dims);
  }

  public static Tensor gather_nd(Object params, Object indices) {
    return ArrayFunctions.gatherNd(params, indices, 0);
  }

  public static Tensor gather_nd(Object params, Object indices, int batch_dims) {
    return ArrayFunctions.gatherNd(params, indices, batch_dims);
  }

  /** Zeros of {@code shape} with {@code updates} added at {@code indices} (repeats sum). */
  public static Tensor scatter_nd(Object indices, Object updates, long... shape) {
    TensorHandle i = Convert.toHandle(indices, null);
    return Tensor.wrap(RUN.scatterNd(i, handle(updates), RUN.indexVector(i.dtype, shape)));
  }

  public static Tensor tile(Object input, int[] multiples) {
    return unary(input, h -> RUN.tile(h, RUN.int32s(multiples)));
  }

  public static Tensor broadcast_to(Object input, long... shape) {
    return unary(input, h -> RUN.broadcastTo(h, shape));
  }

  /** {@code paddings[d]} is {before, after} for dimension d; pads with zeros. */
  public static Tensor pad(Object tensor, int[][] paddings) {
    return ArrayFunctions.pad(tensor, paddings, "CONSTANT", 0);
  }

  /** {@code mode}: "CONSTANT", "REFLECT" or "SYMMETRIC", in any case. */
  public static Tensor pad(Object tensor, int[][] paddings, String mode) {
    return ArrayFunctions.pad(tensor, paddings, mode, 0);
  }

  public static Tensor pad(Object tensor, int[][] paddings, String mode, Object constant_values) {
    return ArrayFunctions.pad(tensor, paddings, mode, constant_values);
  }

  public static Tensor reverse(Object tensor, int[] axis) {
    return unary(tensor, h -> RUN.reverse(h, RUN.int32s(axis)));
  }

  public static Tensor one_hot(Object indices, int depth) {
    return ArrayFunctions.oneHot(indices, depth, null, null, -1, null);
  }

  /** {@code on_value}/{@code off_value} null mean TensorFlow's defaults (1 and 0). */
  public static Tensor one_hot(Object indices, int depth, Object on_value, Object off_value) {
    return ArrayFunctions.oneHot(indices, depth, on_value, off_value, -1, null);
  }

  /** {@code axis} -1 (TensorFlow's None) puts the new axis last. */
  public static Tensor one_hot(Object indices, int depth, Object on_value, Object off_value,
      int axis) {
    return ArrayFunctions.oneHot(indices, depth, on_value, off_value, axis, null);
  }

  public static Tensor one_hot(Object indices, int depth, Object on_value, Object off_value,
      int axis, DType dtype) {
    return ArrayFunctions.oneHot(indices, depth, on_value, off_value, axis, dtype);
  }

  /** {@code num} evenly spaced values from start to stop, both included. */
  public static Tensor linspace(Object start, Object stop, Object num) {
    return ArrayFunctions.linspace(start, stop, num, 0);
  }

  public static Tensor linspace(Object start, Object stop, Object num, int axis) {
    return ArrayFunctions.linspace(start, stop, num, axis);
  }

  /** {@code tf.meshgrid(*args)} with indexing 'xy'. */
  public static java.util.List<Tensor> meshgrid(Object... args) {
    return ArrayFunctions.meshgrid(java.util.Arrays.asList(args == null ? new Object[] {null} : args), "xy");
  }

  /** {@code tf.meshgrid(*args, indexing=indexing)}: 'xy' (the default) or 'ij'. */
  public static java.util.List<Tensor> meshgrid(java.util.List<?> args, String indexing) {
    return ArrayFunctions.meshgrid(args, indexing);
  }

  /** The shape as an int32 vector. */
  public static Tensor shape(Object input) {
    return shape(input, int32);
  }

  public static Tensor shape(Object input, DType out_type) {
    return unary(input, h -> RUN.shape(h, out_type));
  }

  /** The number of elements, as an int32 scalar. */
  public static Tensor size(Object input) {
    return size(input, int32);
  }

  public static Tensor size(Object input, DType out_type) {
    return unary(input, h -> RUN.size(h, out_type));
  }

  /** The number of dimensions, as an int32 scalar. */
  public static Tensor rank(Object input) {
    return unary(input, RUN::rank);
  }

  private static long[] longs(int[] values) {
    return java.util.Arrays.stream(PythonNone.tensorValue(values)).asLongStream().toArray();
  }

  // ---- math ----

  public static Tensor add(Object x, Object y) {
    return binary(x, y, RUN::add);
  }

  public static Tensor subtract(Object x, Object y) {
    return binary(x, y, RUN::sub);
  }

  public static Tensor multiply(Object x, Object y) {
    return binary(x, y, RUN::mul);
  }

  /** Python's {@code x / y}: int32 and int64 divide as float64. */
  public static Tensor divide(Object x, Object y) {
    return Ops.trueDivide(x, y);
  }

  public static Tensor pow(Object x, Object y) {
    return binary(x, y, RUN::pow);
  }

  public static Tensor negative(Object x) {
    return unary(x, RUN::neg);
  }

  public static Tensor square(Object x) {
    return unary(x, RUN::square);
  }

  public static Tensor sqrt(Object x) {
    return unary(x, RUN::sqrt);
  }

  public static Tensor exp(Object x) {
    return unary(x, RUN::exp);
  }

  public static Tensor log(Object x) {
    return unary(x, RUN::log);
  }

  public static Tensor equal(Object x, Object y) {
    return compare(MathOps.EQUAL, x, y);
  }

  public static Tensor not_equal(Object x, Object y) {
    return compare(MathOps.NOT_EQUAL, x, y);
  }

  public static Tensor less(Object x, Object y) {
    return compare(MathOps.LESS, x, y);
  }

  public static Tensor less_equal(Object x, Object y) {
    return compare(MathOps.LESS_EQUAL, x, y);
  }

  public static Tensor greater(Object x, Object y) {
    return compare(MathOps.GREATER, x, y);
  }

  public static Tensor greater_equal(Object x, Object y) {
    return compare(MathOps.GREATER_EQUAL, x, y);
  }

  // ---- elementwise math (issue 3) ----

  /** |x|; its gradient at 0 is 0. */
  public static Tensor abs(Object x) {
    return unary(x, RUN::abs);
  }

  /** -1, 0 or 1 (NaN stays NaN); its gradient is zero. */
  public static Tensor sign(Object x) {
    return unary(x, RUN::sign);
  }

  public static Tensor sin(Object x) {
    return unary(x, RUN::sin);
  }

  public static Tensor cos(Object x) {
    return unary(x, RUN::cos);
  }

  public static Tensor tan(Object x) {
    return unary(x, RUN::tan);
  }

  public static Tensor asin(Object x) {
    return unary(x, RUN::asin);
  }

  public static Tensor acos(Object x) {
    return unary(x, RUN::acos);
  }

  public static Tensor atan(Object x) {
    return unary(x, RUN::atan);
  }

  public static Tensor sinh(Object x) {
    return unary(x, RUN::sinh);
  }

  public static Tensor cosh(Object x) {
    return unary(x, RUN::cosh);
  }

  /** Also {@code tf.math.tanh} and {@code tf.nn.tanh}. */
  public static Tensor tanh(Object x) {
    return unary(x, RUN::tanh);
  }

  /** Also {@code tf.math.sigmoid} and {@code tf.nn.sigmoid}. */
  public static Tensor sigmoid(Object x) {
    return unary(x, RUN::sigmoid);
  }

  /** Its gradient is None, as TensorFlow registers it. */
  public static Tensor floor(Object x) {
    return unary(x, RUN::floor);
  }

  /** Rounds half to even; an integer tensor is returned as it is, as in TensorFlow. */
  public static Tensor round(Object x) {
    Tensor t = convert_to_tensor(x);
    return t.dtype().is_integer() ? t : unary(t, RUN::round);
  }

  /** Where x == y the gradient goes to x alone (so {@code maximum(x, 0)} at 0 passes 1 to x). */
  public static Tensor maximum(Object x, Object y) {
    return binary(x, y, RUN::maximum);
  }

  /** Where x == y the gradient goes to x alone. */
  public static Tensor minimum(Object x, Object y) {
    return binary(x, y, RUN::minimum);
  }

  /** The elementwise sum of same-shaped, same-dtype tensors (each converted on its own, as in TensorFlow). */
  public static Tensor add_n(java.util.List<?> inputs) {
    if (inputs == null || inputs.isEmpty()) {
      throw new ValueError("Inputs must be an iterable of at least one Tensor/IndexedSlices with the"
          + " same dtype and shape.");
    }
    java.util.List<Operand> handles = inputs.stream().map(Ops::handle).toList();
    return handles.size() == 1 ? convert_to_tensor(inputs.get(0)) : Tensor.wrap(RUN.addN(handles));
  }

  /**
   * TensorFlow's composite {@code maximum(minimum(t, clip_value_max), clip_value_min)}: at the
   * bounds the gradient passes 1 to t. The bounds may not broadcast t to a larger shape.
   */
  public static Tensor clip_by_value(Object t, Object clip_value_min, Object clip_value_max) {
    Tensor values = convert_to_tensor(t);
    Tensor clipped = minimum(values, clip_value_max);
    Ops.assertCompatibleShapes(values, clipped);
    clipped = maximum(clipped, clip_value_min);
    Ops.assertCompatibleShapes(values, clipped);
    return clipped;
  }

  /** The coordinates of the true (nonzero) elements: int64 of shape [count, rank]. */
  public static Tensor where(Object condition) {
    return unary(condition, RUN::where);
  }

  /** x where condition holds, else y, all three broadcast together (SelectV2). */
  public static Tensor where(Object condition, Object x, Object y) {
    if (x == null || y == null) {
      throw new ValueError("x and y must both be non-None or both be None.");
    }
    Operand c = Convert.toHandle(condition, condition instanceof Tensor ? null : bool);
    return binary(x, y, (a, b) -> RUN.select(c, a, b));
  }

  public static Tensor logical_and(Object x, Object y) {
    return binary(x, y, RUN::logicalAnd);
  }

  public static Tensor logical_or(Object x, Object y) {
    return binary(x, y, RUN::logicalOr);
  }

  public static Tensor logical_not(Object x) {
    return unary(x, RUN::logicalNot);
  }

  // ---- linear algebra (issue 3) ----

  public static Tensor matmul(Object a, Object b) {
    return matmul(a, b, false, false, false, false);
  }

  public static Tensor matmul(Object a, Object b, boolean transpose_a) {
    return matmul(a, b, transpose_a, false, false, false);
  }

  public static Tensor matmul(Object a, Object b, boolean transpose_a, boolean transpose_b) {
    return matmul(a, b, transpose_a, transpose_b, false, false);
  }

  public static Tensor matmul(Object a, Object b, boolean transpose_a, boolean transpose_b,
      boolean adjoint_a) {
    return matmul(a, b, transpose_a, transpose_b, adjoint_a, false);
  }

  /**
   * {@code a @ b} over the last two axes. As in TensorFlow, rank-2 operands run MatMul and
   * anything of higher rank BatchMatMulV2, whose batch axes broadcast. For real dtypes the
   * adjoint is the transpose.
   */
  public static Tensor matmul(Object a, Object b, boolean transpose_a, boolean transpose_b,
      boolean adjoint_a, boolean adjoint_b) {
    if (transpose_a && adjoint_a) {
      throw new ValueError("Only one of `transpose_a` and `adjoint_a` can be True. Received"
          + " `transpose_a`=True, `adjoint_a`=True.");
    }
    if (transpose_b && adjoint_b) {
      throw new ValueError("Only one of `transpose_b` and `adjoint_b` can be True. Received"
          + " `transpose_b`=True, `adjoint_b`=True.");
    }
    return binary(a, b, (x, y) ->
        RUN.matmulOfAnyRank(x, y, transpose_a || adjoint_a, transpose_b || adjoint_b));
  }

  /** Sums the products over the last {@code axes} axes of {@code a} and the first of {@code b}. */
  public static Tensor tensordot(Object a, Object b, int axes) {
    return Tensordot.of(a, b, axes);
  }

  /** {@code axes = [i, j]}: contracts axis i of {@code a} with axis j of {@code b}. */
  public static Tensor tensordot(Object a, Object b, int[] axes) {
    return Tensordot.of(a, b, axes);
  }

  /** {@code axes = [a_axes, b_axes]}: contracts those axes pairwise, in order. */
  public static Tensor tensordot(Object a, Object b, int[][] axes) {
    return Tensordot.of(a, b, axes);
  }

  /** {@link Einsum} lists the equations and the forms it supports. */
  public static Tensor einsum(String equation, Object... inputs) {
    return Einsum.of(equation, inputs);
  }

  public static Tensor eye(long num_rows) {
    return eye(num_rows, num_rows, new long[0], float32);
  }

  public static Tensor eye(long num_rows, DType dtype) {
    return eye(num_rows, num_rows, new long[0], dtype);
  }

  public static Tensor eye(long num_rows, long num_columns) {
    return eye(num_rows, num_columns, new long[0], float32);
  }

  public static Tensor eye(long num_rows, long num_columns, long[] batch_shape) {
    return eye(num_rows, num_columns, batch_shape, float32);
  }

  /**
   * Identity matrices as TensorFlow builds them: ones on the diagonal of zeros
   * (MatrixDiagV3 when square, MatrixSetDiagV3 otherwise). {@code batch_shape} null means none.
   */
  public static Tensor eye(long num_rows, long num_columns, long[] batch_shape, DType dtype) {
    if (batch_shape == null) {
      return eye(num_rows, num_columns, new long[0], dtype);
    }
    long[] diagShape = java.util.Arrays.copyOf(batch_shape, batch_shape.length + 1);
    diagShape[batch_shape.length] = Math.min(num_rows, num_columns);
    Operand ones = RUN.fill(diagShape, RUN.scalar(dtype, 1));
    if (num_rows == num_columns) {
      return Tensor.wrap(RUN.matrixDiag(ones, new int[] {0}, -1, -1, RUN.scalar(dtype, 0),
          LinalgNamespace.ALIGN));
    }
    long[] shape = java.util.Arrays.copyOf(batch_shape, batch_shape.length + 2);
    shape[batch_shape.length] = num_rows;
    shape[batch_shape.length + 1] = num_columns;
    Operand zeros = RUN.fill(shape, RUN.scalar(dtype, 0));
    return Tensor.wrap(RUN.matrixSetDiag(zeros, ones, new int[] {0}, LinalgNamespace.ALIGN));
  }

  // ---- reductions: axis null means every axis ----

  public static Tensor reduce_sum(Object x) {
    return reduce_sum(x, null, false);
  }

  public static Tensor reduce_sum(Object x, int axis) {
    return reduce_sum(x, new int[] {axis}, false);
  }

  public static Tensor reduce_sum(Object x, int[] axis) {
    return reduce_sum(x, axis, false);
  }

  public static Tensor reduce_sum(Object x, int axis, boolean keepdims) {
    return reduce_sum(x, new int[] {axis}, keepdims);
  }

  public static Tensor reduce_sum(Object x, int[] axis, boolean keepdims) {
    return unary(x, h -> RUN.reduceSum(h, axis, keepdims));
  }

  public static Tensor reduce_mean(Object x) {
    return reduce_mean(x, null, false);
  }

  public static Tensor reduce_mean(Object x, int axis) {
    return reduce_mean(x, new int[] {axis}, false);
  }

  public static Tensor reduce_mean(Object x, int[] axis) {
    return reduce_mean(x, axis, false);
  }

  public static Tensor reduce_mean(Object x, int axis, boolean keepdims) {
    return reduce_mean(x, new int[] {axis}, keepdims);
  }

  public static Tensor reduce_mean(Object x, int[] axis, boolean keepdims) {
    return unary(x, h -> RUN.reduceMean(h, axis, keepdims));
  }

  // ---- reductions (issue 3) ----

  public static Tensor reduce_max(Object input_tensor) {
    return reduce_max(input_tensor, null, false);
  }

  public static Tensor reduce_max(Object input_tensor, int axis) {
    return reduce_max(input_tensor, new int[] {axis}, false);
  }

  public static Tensor reduce_max(Object input_tensor, int[] axis) {
    return reduce_max(input_tensor, axis, false);
  }

  public static Tensor reduce_max(Object input_tensor, int axis, boolean keepdims) {
    return reduce_max(input_tensor, new int[] {axis}, keepdims);
  }

  public static Tensor reduce_max(Object input_tensor, int[] axis, boolean keepdims) {
    return unary(input_tensor, h -> RUN.reduceMax(h, axis, keepdims));
  }

  public static Tensor reduce_min(Object input_tensor) {
    return reduce_min(input_tensor, null, false);
  }

  public static Tensor reduce_min(Object input_tensor, int axis) {
    return reduce_min(input_tensor, new int[] {axis}, false);
  }

  public static Tensor reduce_min(Object input_tensor, int[] axis) {
    return reduce_min(input_tensor, axis, false);
  }

  public static Tensor reduce_min(Object input_tensor, int axis, boolean keepdims) {
    return reduce_min(input_tensor, new int[] {axis}, keepdims);
  }

  public static Tensor reduce_min(Object input_tensor, int[] axis, boolean keepdims) {
    return unary(input_tensor, h -> RUN.reduceMin(h, axis, keepdims));
  }

  public static Tensor reduce_prod(Object input_tensor) {
    return reduce_prod(input_tensor, null, false);
  }

  public static Tensor reduce_prod(Object input_tensor, int axis) {
    return reduce_prod(input_tensor, new int[] {axis}, false);
  }

  public static Tensor reduce_prod(Object input_tensor, int[] axis) {
    return reduce_prod(input_tensor, axis, false);
  }

  public static Tensor reduce_prod(Object input_tensor, int axis, boolean keepdims) {
    return reduce_prod(input_tensor, new int[] {axis}, keepdims);
  }

  public static Tensor reduce_prod(Object input_tensor, int[] axis, boolean keepdims) {
    return unary(input_tensor, h -> RUN.reduceProd(h, axis, keepdims));
  }

  public static Tensor reduce_any(Object input_tensor) {
    return reduce_any(input_tensor, null, false);
  }

  public static Tensor reduce_any(Object input_tensor, int axis) {
    return reduce_any(input_tensor, new int[] {axis}, false);
  }

  public static Tensor reduce_any(Object input_tensor, int[] axis) {
    return reduce_any(input_tensor, axis, false);
  }

  public static Tensor reduce_any(Object input_tensor, int axis, boolean keepdims) {
    return reduce_any(input_tensor, new int[] {axis}, keepdims);
  }

  public static Tensor reduce_any(Object input_tensor, int[] axis, boolean keepdims) {
    return unary(input_tensor, h -> RUN.reduceAny(h, axis, keepdims));
  }

  public static Tensor reduce_all(Object input_tensor) {
    return reduce_all(input_tensor, null, false);
  }

  public static Tensor reduce_all(Object input_tensor, int axis) {
    return reduce_all(input_tensor, new int[] {axis}, false);
  }

  public static Tensor reduce_all(Object input_tensor, int[] axis) {
    return reduce_all(input_tensor, axis, false);
  }

  public static Tensor reduce_all(Object input_tensor, int axis, boolean keepdims) {
    return reduce_all(input_tensor, new int[] {axis}, keepdims);
  }

  public static Tensor reduce_all(Object input_tensor, int[] axis, boolean keepdims) {
    return unary(input_tensor, h -> RUN.reduceAll(h, axis, keepdims));
  }

  public static Tensor reduce_logsumexp(Object input_tensor) {
    return reduce_logsumexp(input_tensor, null, false);
  }

  public static Tensor reduce_logsumexp(Object input_tensor, int axis) {
    return reduce_logsumexp(input_tensor, new int[] {axis}, false);
  }

  public static Tensor reduce_logsumexp(Object input_tensor, int[] axis) {
    return reduce_logsumexp(input_tensor, axis, false);
  }

  public static Tensor reduce_logsumexp(Object input_tensor, int axis, boolean keepdims) {
    return reduce_logsumexp(input_tensor, new int[] {axis}, keepdims);
  }

  /**
   * {@code log(sum(exp(x)))} as TensorFlow computes it: the maximum (0 where it is not finite)
   * is subtracted first and added back, and gradients do not flow through it.
   */
  public static Tensor reduce_logsumexp(Object input_tensor, int[] axis, boolean keepdims) {
    Operand x = handle(input_tensor);
    Operand rawMax = RUN.reduceMax(x, axis, true);
    Operand max = RUN.stopGradient(RUN.select(RUN.isFinite(rawMax), rawMax, RUN.zerosLike(rawMax)));
    Operand result = RUN.log(RUN.reduceSum(RUN.exp(RUN.sub(x, max)), axis, keepdims));
    return Tensor.wrap(RUN.add(result, keepdims ? max : RUN.reshape(max, result.shape())));
  }

  /** The index of the largest element along axis 0. */
  public static Tensor argmax(Object input) {
    return argmax(input, 0, int64);
  }

  public static Tensor argmax(Object input, int axis) {
    return argmax(input, axis, int64);
  }

  /** Ties give the first index; NaN is never the maximum. */
  public static Tensor argmax(Object input, int axis, DType output_type) {
    return unary(input, h -> RUN.argMax(h, axis, output_type));
  }

  public static Tensor argmin(Object input) {
    return argmin(input, 0, int64);
  }

  public static Tensor argmin(Object input, int axis) {
    return argmin(input, axis, int64);
  }

  public static Tensor argmin(Object input, int axis, DType output_type) {
    return unary(input, h -> RUN.argMin(h, axis, output_type));
  }

  public static Tensor cumsum(Object x) {
    return cumsum(x, 0, false, false);
  }

  public static Tensor cumsum(Object x, int axis) {
    return cumsum(x, axis, false, false);
  }

  public static Tensor cumsum(Object x, int axis, boolean exclusive) {
    return cumsum(x, axis, exclusive, false);
  }

  public static Tensor cumsum(Object x, int axis, boolean exclusive, boolean reverse) {
    return unary(x, h -> RUN.cumsum(h, axis, exclusive, reverse));
  }

  // ---- norm ----

  public static Tensor norm(Object tensor) {
    return norm(tensor, "euclidean", null, false, false);
  }

  public static Tensor norm(Object tensor, Object ord) {
    return norm(tensor, ord, null, false, false);
  }

  public static Tensor norm(Object tensor, Object ord, int axis) {
    return norm(tensor, ord, new int[] {axis}, false, false);
  }

  public static Tensor norm(Object tensor, Object ord, int axis, boolean keepdims) {
    return norm(tensor, ord, new int[] {axis}, keepdims, false);
  }

  public static Tensor norm(Object tensor, Object ord, int[] axis) {
    return norm(tensor, ord, axis, false);
  }

  /**
   * Vector norms ({@code axis} null: the whole tensor as one vector; an int: along that axis)
   * and matrix norms ({@code axis} a pair), built from ordinary ops as TensorFlow builds them.
   * {@code ord} is {@code "euclidean"}, {@code "fro"} (matrices only), or a number: 1, 2,
   * {@code Double.POSITIVE_INFINITY}, or for vectors any p &gt; 0. The euclidean gradient at the
   * zero vector is NaN, as in TensorFlow. The matrix 2-norm is the largest singular value (Svd).
   */
  public static Tensor norm(Object tensor, Object ord, int[] axis, boolean keepdims) {
    if (axis != null && (axis.length != 2 || axis[0] == axis[1])) {
      throw new ValueError("'axis' must be None, an integer, or a tuple of 2 unique integers, got "
          + (axis.length == 2 ? "(" + axis[0] + ", " + axis[1] + ")" : java.util.Arrays.toString(axis)));
    }
    return norm(tensor, ord, axis, keepdims, axis != null);
  }

  private static Tensor norm(Object tensor, Object ord, int[] axis, boolean keepdims, boolean matrix) {
    double p = ord instanceof Number n ? n.doubleValue() : Double.NaN;
    boolean euclidean = "euclidean".equals(ord) || "fro".equals(ord) || p == 2;
    if (matrix && !(euclidean || p == 1 || p == Double.POSITIVE_INFINITY)) {
      throw new ValueError("'ord' must be a supported matrix norm in ['euclidean', 'fro', 1, 2,"
          + " inf], got " + pythonValue(ord));
    }
    if (!matrix && ord == null) {
      // Python's own error: TensorFlow tests np.isreal(None), which holds, then None <= 0.
      throw new dev.tfj.errors.TypeError("'<=' not supported between instances of 'NoneType' and 'int'");
    }
    boolean positive = ord instanceof Number && !(p <= 0);
    if (!matrix && !("euclidean".equals(ord) || positive)) {
      throw new ValueError("'ord' must be a supported vector norm, got " + pythonValue(ord));
    }
    Operand x = handle(tensor);
    Operand result;
    if (matrix && p == 2) {
      result = matrixTwoNorm(x, axis);
    } else if (euclidean) {
      result = RUN.sqrt(RUN.reduceSum(RUN.mul(x, x), axis, true));
    } else {
      Operand abs = RUN.abs(x);
      int[] first = axis == null ? null : new int[] {axis[0]};
      if (p == 1) {
        result = RUN.reduceSum(abs, first, true);
        result = matrix ? RUN.reduceMax(result, new int[] {axis[1]}, true) : result;
      } else if (p == Double.POSITIVE_INFINITY) {
        result = matrix ? RUN.reduceSum(abs, new int[] {axis[1]}, true) : abs;
        result = RUN.reduceMax(result, first, true);
      } else {
        Operand sum = RUN.reduceSum(RUN.pow(abs, Convert.toHandle(ord, abs.dtype())), axis, true);
        result = RUN.pow(sum, Convert.toHandle(1.0 / p, sum.dtype()));
      }
    }
    return Tensor.wrap(keepdims ? result : RUN.squeeze(result, axis == null ? new int[0] : axis));
  }

  /**
   * The largest singular value over the two axes, with both kept (size 1), as TensorFlow computes
   * it: the two axes moved last (after the others, in order), Svd without vectors, the maximum of
   * the values' absolute values, and the axes moved back. Out-of-range axes fail at the transpose.
   */
  private static Operand matrixTwoNorm(Operand x, int[] axis) {
    int rank = x.shape().length;
    int[] positive = {axis[0] < 0 ? axis[0] + rank : axis[0], axis[1] < 0 ? axis[1] + rank : axis[1]};
    int[] before = java.util.stream.IntStream.concat(
        java.util.stream.IntStream.range(0, rank).filter(i -> i != positive[0] && i != positive[1]),
        java.util.Arrays.stream(positive)).toArray();
    Operand singular = RUN.svd(RUN.transpose(x, before), false, false)[0];
    Operand largest = RUN.expandDims(RUN.reduceMax(RUN.abs(singular), new int[] {-1}, true), -1);
    int[] after = new int[before.length];
    for (int i = 0; i < before.length; i++) {
      after[before[i]] = i;
    }
    return RUN.transpose(largest, after);
  }

  /** How Python's f-strings print an ord: {@code inf}, {@code 3}, {@code 2.5}, {@code fro}. */
  private static String pythonValue(Object ord) {
    if (ord instanceof Double d && d.isInfinite()) {
      return d > 0 ? "inf" : "-inf";
    }
    return ord instanceof Double d && d.isNaN() ? "nan" : Nest.pythonStr(ord);
  }

  // ---- neural-network aliases (tf.nn lives in NnNamespace) (issue 3) ----
}
