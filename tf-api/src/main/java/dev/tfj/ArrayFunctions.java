package dev.tfj;

import static dev.tfj.Ops.RUN;

import dev.tfj.eager.TensorHandle;
import dev.tfj.errors.InvalidArgumentError;
import dev.tfj.errors.OpError;
import dev.tfj.errors.TypeError;
import dev.tfj.errors.ValueError;
import dev.tfj.ops.DType;
import dev.tfj.ops.Operand;
import dev.tfj.ops.PythonNone;
import dev.tfj.ops.Shapes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The shape and indexing functions TensorFlow writes in Python (array_ops.py, math_ops.py) on
 * top of its ops: argument checks that raise Python's errors, defaults, and composites such as
 * linspace and meshgrid, built from the same ops TensorFlow builds them from so gradients agree.
 */
final class ArrayFunctions {
  private ArrayFunctions() {}

  /** A Python list of tensors: the first tensor fixes the dtype of plain Java values beside it. */
  static List<TensorHandle> handles(List<?> values) {
    DType dtype = null;
    for (Object v : values) {
      if (v instanceof Tensor t) {
        dtype = t.dtype();
        break;
      }
    }
    List<TensorHandle> out = new ArrayList<>(values.size());
    for (Object v : values) {
      out.add(Convert.toHandle(v, v instanceof Tensor ? null : dtype));
    }
    return out;
  }

  static List<Tensor> wrapAll(Operand[] outputs) {
    List<Tensor> out = new ArrayList<>(outputs.length);
    for (Operand o : outputs) {
      out.add(Tensor.wrap(o));
    }
    return out;
  }

  /**
   * tf.concat: one value is returned through identity; more are joined by ConcatV2. Python wraps
   * anything but a list in one, so None is a list of None.
   */
  static Tensor concat(List<?> values, int axis) {
    List<TensorHandle> in = handles(values == null ? Collections.singletonList(null) : values);
    return Tensor.wrap(in.size() == 1 ? RUN.identity(in.get(0)) : RUN.concat(in, axis));
  }

  /**
   * tf.stack: Python checks the axis (ValueError) before Pack; an empty list is float32 [0]. Of
   * None, Python reads {@code values[0]}, which is its TypeError.
   */
  static Tensor stack(List<?> values, int axis) {
    if (values == null) {
      throw PythonNone.subscript();
    }
    if (values.isEmpty()) {
      return tf.convert_to_tensor(new float[0]);
    }
    List<TensorHandle> in = handles(values);
    int expanded = in.get(0).shape.length + 1;
    if (axis != 0 && (axis < -expanded || axis >= expanded)) {
      throw new ValueError("Argument `axis` = " + axis + " not in range [" + -expanded + ", "
          + expanded + ")");
    }
    return Tensor.wrap(RUN.stack(in, axis));
  }

  /** tf.unstack: with num None, it is the size of the axis (which Python checks first). */
  static List<Tensor> unstack(Object value, Integer num, int axis) {
    TensorHandle x = Convert.toHandle(value, null);
    int n;
    if (num != null) {
      n = num;
    } else {
      int rank = x.shape.length;
      if (axis < -rank || axis >= rank) {
        throw new ValueError("Argument `axis` = " + axis + " not in range [" + -rank + ", " + rank
            + ")");
      }
      n = (int) x.shape[Shapes.normalizeAxis(axis, rank)];
    }
    return wrapAll(RUN.unstack(x, n, axis));
  }

  /** tf.split with sizes: SplitV, with as many outputs as sizes unless num says otherwise. */
  static List<Tensor> split(Object value, int[] sizes, int axis, Integer num) {
    long[] s = Arrays.stream(PythonNone.tensorValue(sizes)).asLongStream().toArray();
    return wrapAll(RUN.splitV(Convert.toHandle(value, null), s, axis,
        num == null ? sizes.length : num));
  }

  /** tf.gather: axis None means batch_dims; at axis 0, TensorFlow passes no batch_dims. */
  static Tensor gather(Object params, Object indices, Integer axis, int batchDims) {
    int a = axis == null ? batchDims : axis;
    return Tensor.wrap(RUN.gather(Convert.toHandle(params, null), Convert.toHandle(indices, null),
        RUN.scalar(DType.INT32, a), a == 0 ? 0 : batchDims));
  }

  /**
   * tf.gather_nd with batch_dims > 0 (array_ops.batch_gather_nd): the batch coordinates are
   * prepended to every index tuple, then one GatherNd over the flattened batch.
   */
  static Tensor gatherNd(Object params, Object indices, int batchDims) {
    TensorHandle p = Convert.toHandle(params, null);
    TensorHandle idx = Convert.toHandle(indices, null);
    if (batchDims == 0) {
      return Tensor.wrap(RUN.gatherNd(p, idx));
    }
    if (batchDims < 0) {
      throw new ValueError("tf.gather_nd does not allow negative batch_dims.");
    }
    if (batchDims >= idx.shape.length) {
      throw new ValueError("Argument `batch_dims` = " + batchDims + " must be less than rank(`indices`)"
          + " = " + idx.shape.length);
    }
    if (batchDims >= p.shape.length) {
      throw new ValueError("Argument `batch_dims` = " + batchDims + " must be less than rank(`params`)"
          + " = " + p.shape.length);
    }
    long[] batchShape = Arrays.copyOf(p.shape, batchDims);
    long batch = Shapes.numElements(batchShape);
    long[] internal = Arrays.copyOfRange(idx.shape, batchDims, idx.shape.length - 1);
    long perBatch = Shapes.numElements(internal);
    // The batch coordinates of every index tuple: [batch, internal..., batchDims].
    long[] grid = new long[Math.toIntExact(batch * perBatch * batchDims)];
    long[] batchStrides = Shapes.strides(batchShape);
    for (int b = 0, at = 0; b < batch; b++) {
      for (long i = 0; i < perBatch; i++) {
        for (int d = 0; d < batchDims; d++) {
          grid[at++] = b / batchStrides[d] % batchShape[d];
        }
      }
    }
    long[] gridShape = concatShapes(new long[] {batch}, internal, new long[] {batchDims});
    Operand gridTensor = idx.dtype == DType.INT64 ? RUN.constant(DType.INT64, gridShape, grid)
        : RUN.constant(DType.INT32, gridShape, Arrays.stream(grid).mapToInt(v -> (int) v).toArray());
    Operand flatIndices = RUN.reshape(idx, concatShapes(new long[] {batch},
        Arrays.copyOfRange(idx.shape, batchDims, idx.shape.length)));
    Operand full = RUN.concat(List.of(gridTensor, flatIndices), -1);
    Operand out = RUN.gatherNd(p, full);
    return Tensor.wrap(RUN.reshape(out, concatShapes(batchShape,
        Arrays.copyOfRange(out.shape(), 1, out.shape().length))));
  }

  /**
   * tf.pad: the mode is case-insensitive (Python upper-cases it first, so None fails there); a
   * plain zero pads with Pad, anything else with PadV2.
   */
  static Tensor pad(Object tensor, int[][] paddings, String mode, Object constantValues) {
    if (mode == null) {
      throw PythonNone.attribute("upper");
    }
    TensorHandle x = Convert.toHandle(tensor, null);
    Operand matrix = Convert.toHandle(paddings, DType.INT32);
    String m = mode.toUpperCase(java.util.Locale.ROOT);
    return Tensor.wrap(switch (m) {
      case "CONSTANT" -> isPlainZero(constantValues) ? RUN.pad(x, matrix)
          : RUN.padV2(x, matrix, Convert.toHandleLike(constantValues, x));
      case "REFLECT", "SYMMETRIC" -> RUN.mirrorPad(x, matrix, m);
      default -> throw new ValueError("Value of argument `mode` expected to be one of \"CONSTANT\","
          + " \"REFLECT\", or \"SYMMETRIC\". Received `mode` = " + m);
    });
  }

  private static boolean isPlainZero(Object v) {
    return v instanceof Number n && n.doubleValue() == 0 || Boolean.FALSE.equals(v);
  }

  /** tf.one_hot's dtype rules: on/off values decide it, else dtype, else float32. */
  static Tensor oneHot(Object indices, int depth, Object onValue, Object offValue, int axis,
      DType dtype) {
    TensorHandle on = onValue == null ? null : withHint(onValue, dtype);
    TensorHandle off = offValue == null ? null : withHint(offValue, dtype);
    DType type = dtype;
    if (on != null || off != null) {
      if (dtype != null) {
        if (on != null && on.dtype != dtype) {
          throw new TypeError("dtype " + pythonStr(on.dtype) + " of on_value does not match dtype"
              + " parameter " + pythonStr(dtype));
        }
        if (off != null && off.dtype != dtype) {
          throw new TypeError("dtype " + pythonStr(off.dtype) + " of off_value does not match"
              + " dtype parameter " + pythonStr(dtype));
        }
      } else {
        type = on != null ? on.dtype : off.dtype;
      }
    } else if (type == null) {
      type = DType.FLOAT32;
    }
    on = on != null ? on : Convert.toHandle(1, type);
    off = off != null ? off : Convert.toHandle(0, type);
    if (on.dtype != off.dtype) {
      throw new TypeError("dtype " + pythonStr(on.dtype) + " of on_value does not match dtype "
          + pythonStr(off.dtype) + " of off_value");
    }
    return Tensor.wrap(RUN.oneHot(Convert.toHandle(indices, null), RUN.scalar(DType.INT32, depth),
        on, off, axis));
  }

  /** Python's convert_to_tensor(value, dtype_hint=...): the hint is tried, then dropped. */
  private static TensorHandle withHint(Object value, DType hint) {
    if (hint != null && !(value instanceof Tensor)) {
      try {
        return Convert.toHandle(value, hint);
      } catch (TypeError | ValueError e) {
        return Convert.toHandle(value, null);
      }
    }
    return Convert.toHandle(value, null);
  }

  /** Python's {@code str(dtype)}: {@code <dtype: 'float32'>}. */
  private static String pythonStr(DType d) {
    return "<dtype: '" + d.typeName() + "'>";
  }

  /**
   * tf.linspace (math_ops.linspace_nd): start, then start + delta * i for the middle points,
   * then stop exactly, along {@code axis}, for start and stop broadcast against each other.
   */
  static Tensor linspace(Object start, Object stop, Object num, int axis) {
    TensorHandle s = Convert.toHandle(start, null);
    TensorHandle e = Convert.toHandle(stop, s.dtype);
    TensorHandle n = Convert.toHandle(num, null);
    if (!n.dtype.is_integer()) {
      throw new TypeError("num must be an integer tensor; dtype is " + pythonStr(n.dtype));
    }
    long[] shape = Shapes.broadcast(s.shape, e.shape);
    Operand s1 = RUN.expandDims(RUN.broadcastTo(s, shape), axis);
    Operand e1 = RUN.expandDims(RUN.broadcastTo(e, shape), axis);
    long[] expanded = s1.shape();
    if (n.numElements() == 0) {
      // TensorFlow carries num through its ops: the step's division broadcasts it, then Range
      // takes it as its limit, which must be a scalar.
      try {
        Shapes.broadcast(expanded, n.shape);
      } catch (OpError err) {
        throw err.withOpName("RealDiv");
      }
      throw new InvalidArgumentError("limit must be a scalar, not shape " + Shapes.str(n.shape) + " [Op:Range]");
    }
    long count = n.longValues()[0];
    int at = axis >= 0 ? axis : expanded.length + axis;
    long fill = Math.max(count - 2, 0);
    long steps = Math.max(count - 1, 1);
    Tensor delta = Ops.trueDivide(Tensor.wrap(RUN.sub(e1, s1)),
        Tensor.wrap(RUN.scalar(e1.dtype(), steps)));
    DType real = delta.dtype();
    Operand first = real == s1.dtype() ? s1 : RUN.cast(s1, real);
    Operand last = real == e1.dtype() ? e1 : RUN.cast(e1, real);
    Operand range = RUN.cast(RUN.range(RUN.scalar(DType.INT64, 1),
        RUN.scalar(DType.INT64, count >= 0 ? steps : -1), RUN.scalar(DType.INT64, 1)), real);
    long[] rangeShape = new long[expanded.length];
    Arrays.fill(rangeShape, 1);
    rangeShape[at] = fill;
    Operand middle = RUN.add(first, RUN.mul(delta.handle(), RUN.reshape(range, rangeShape)));
    Operand all = RUN.concat(List.of(first, middle, last), at);
    long[] size = expanded.clone();
    size[at] = count;
    return Tensor.wrap(RUN.slice(all, new long[expanded.length], size));
  }

  /**
   * tf.meshgrid (array_ops.meshgrid): each input flattened and reshaped to its own axis, then
   * multiplied by ones of the grid's shape. 'xy' swaps the first two axes, as NumPy does. Each
   * input goes through {@code tf.stack}, so a None input fails there.
   */
  static List<Tensor> meshgrid(List<?> args, String indexing) {
    if (args == null) {
      throw new TypeError("meshgrid() argument after * must be an iterable, not NoneType");
    }
    if (!"xy".equals(indexing) && !"ij".equals(indexing)) {
      throw new ValueError("Argument `indexing` parameter must be either 'xy' or 'ij', got '"
          + Nest.pythonStr(indexing) + "'");
    }
    int ndim = args.size();
    List<Operand> outputs = new ArrayList<>(ndim);
    long[] sizes = new long[ndim];
    for (int i = 0; i < ndim; i++) {
      if (args.get(i) == null) {
        throw PythonNone.subscript();
      }
      TensorHandle x = Convert.toHandle(args.get(i), null);
      long[] shape = new long[ndim];
      Arrays.fill(shape, 1);
      shape[i] = -1;
      outputs.add(RUN.reshape(x, shape));
      sizes[i] = x.numElements();
    }
    if (ndim == 0) {
      return List.of();
    }
    if (indexing.equals("xy") && ndim > 1) {
      long[] row = new long[ndim];
      long[] column = new long[ndim];
      Arrays.fill(row, 1);
      Arrays.fill(column, 1);
      row[1] = -1;
      column[0] = -1;
      outputs.set(0, RUN.reshape(outputs.get(0), row));
      outputs.set(1, RUN.reshape(outputs.get(1), column));
      long first = sizes[0];
      sizes[0] = sizes[1];
      sizes[1] = first;
    }
    Operand ones = RUN.fill(sizes, RUN.scalar(outputs.get(0).dtype(), 1));
    List<Tensor> grids = new ArrayList<>(ndim);
    for (Operand x : outputs) {
      grids.add(Tensor.wrap(RUN.mul(x, ones)));
    }
    return grids;
  }

  private static long[] concatShapes(long[]... parts) {
    return Arrays.stream(parts).flatMapToLong(Arrays::stream).toArray();
  }
}
