package dev.tfj;

import dev.tfj.eager.TensorHandle;
import dev.tfj.errors.TypeError;
import dev.tfj.errors.ValueError;
import dev.tfj.ops.DType;
import dev.tfj.ops.TensorShape;
import java.lang.reflect.Array;

/**
 * An eager tensor, TensorFlow's {@code tf.Tensor}. Python's operators are methods ({@code add sub
 * mul div neg pow matmul}, comparisons {@code lt le gt ge eq ne}); Python's conversions are
 * {@code booleanValue floatValue doubleValue intValue longValue}; {@code toString()} is the repr.
 * {@code equals} and {@code hashCode} keep Java's identity meaning.
 */
public abstract class Tensor {
  Tensor() {}

  /** The value as an op input: for a variable, a read that active tapes record. */
  abstract TensorHandle handle();

  /** The value for looking at it (printing, conversion), never recorded. */
  abstract TensorHandle peek();

  static Tensor wrap(Object handle) {
    return new EagerTensor((TensorHandle) handle);
  }

  public DType dtype() {
    return peek().dtype;
  }

  public TensorShape shape() {
    return new TensorShape(peek().shape);
  }

  public int ndim() {
    return peek().shape.length;
  }

  /** The full name of the device holding the value. */
  public String device() {
    return peek().device.name();
  }

  // ---- Python operators ----

  public Tensor add(Object y) {
    return tf.add(this, y);
  }

  public Tensor sub(Object y) {
    return tf.subtract(this, y);
  }

  public Tensor mul(Object y) {
    return tf.multiply(this, y);
  }

  public Tensor div(Object y) {
    return tf.divide(this, y);
  }

  public Tensor pow(Object y) {
    return tf.pow(this, y);
  }

  public Tensor neg() {
    return tf.negative(this);
  }

  public Tensor matmul(Object y) {
    return tf.matmul(this, y);
  }

  public Tensor lt(Object y) {
    return tf.less(this, y);
  }

  public Tensor le(Object y) {
    return tf.less_equal(this, y);
  }

  public Tensor gt(Object y) {
    return tf.greater(this, y);
  }

  public Tensor ge(Object y) {
    return tf.greater_equal(this, y);
  }

  public Tensor eq(Object y) {
    return tf.equal(this, y);
  }

  public Tensor ne(Object y) {
    return tf.not_equal(this, y);
  }

  // ---- indexing ----

  /**
   * Python's {@code x[...]}, TensorFlow's {@code Tensor.__getitem__}: each argument is one item
   * of the Python index, and the whole index is one {@code tf.strided_slice}, as in TensorFlow
   * (so the gradient is StridedSliceGrad's). The items:
   *
   * <table>
   *   <caption>Python index items and their Java spelling</caption>
   *   <tr><th>Python</th><th>Java</th></tr>
   *   <tr><td>{@code x[1]}, {@code x[-1]}</td><td>{@code x.get(1)}, {@code x.get(-1)}</td></tr>
   *   <tr><td>{@code x[1:]}</td><td>{@code x.get(tf.slice_(1, null))}</td></tr>
   *   <tr><td>{@code x[:2]}</td><td>{@code x.get(tf.slice_(2))}</td></tr>
   *   <tr><td>{@code x[:, 1]}</td><td>{@code x.get(tf.slice_(null), 1)}</td></tr>
   *   <tr><td>{@code x[1:, ::2]}</td>
   *       <td>{@code x.get(tf.slice_(1, null), tf.slice_(null, null, 2))}</td></tr>
   *   <tr><td>{@code x[::-1]}</td><td>{@code x.get(tf.slice_(null, null, -1))}</td></tr>
   *   <tr><td>{@code x[..., None]}, {@code x[..., tf.newaxis]}</td>
   *       <td>{@code x.get(tf.ellipsis, tf.newaxis)} (or {@code null} for None)</td></tr>
   *   <tr><td>{@code x[i]} with a scalar int32/int64 tensor {@code i}</td><td>{@code x.get(i)}</td></tr>
   *   <tr><td>{@code x[()]}</td><td>{@code x.get()}</td></tr>
   * </table>
   *
   * <p>A scalar takes only new axes and an ellipsis ({@code x.get(tf.newaxis)} is {@code [5]} for
   * {@code x = 5}); an integer or a range on it raises {@code Attempting to slice scalar input.}
   *
   * <p>As in TensorFlow, an integer index out of range raises InvalidArgumentError ({@code slice
   * index 5 of dimension 0 out of bounds.}) and slice bounds are clamped. Anything else as an
   * item (a float, a string, a rank-1 tensor) raises TensorFlow's TypeError. Boolean masks
   * ({@code x[mask]}, which TensorFlow turns into {@code tf.boolean_mask}) are not supported.
   */
  public Tensor get(Object... slice_spec) {
    return Indexing.getitem(this, slice_spec);
  }

  // ---- Python conversions ----

  /** Python's {@code bool(t)}: the truth of a one-element tensor (an empty one is false). */
  public boolean booleanValue() {
    TensorHandle h = peek();
    if (h.numElements() > 1) {
      throw new ValueError("The truth value of an array with more than one element is ambiguous."
          + " Use a.any() or a.all()");
    }
    return h.numElements() == 1 && h.doubleValues()[0] != 0;
  }

  public double doubleValue() {
    return onlyElement("float").doubleValue();
  }

  public float floatValue() {
    return (float) doubleValue();
  }

  public long longValue() {
    return onlyElement("int").longValue();
  }

  public int intValue() {
    return (int) longValue();
  }

  private Number onlyElement(String pythonType) {
    TensorHandle h = peek();
    if (h.numElements() != 1) {
      throw new TypeError("only length-1 arrays can be converted to Python scalars");
    }
    Object v = Array.get(h.hostData(), 0);
    if (v instanceof Boolean b) {
      return b ? 1 : 0;
    }
    return h.dtype == DType.UINT8 ? ((Number) v).intValue() & 0xFF : (Number) v;
  }

  /**
   * The value as Java sees NumPy: a boxed scalar for rank 0, else nested primitive arrays
   * ({@code float[][]} for a 2-D float32 tensor). Always a copy.
   */
  public Object numpy() {
    TensorHandle h = peek();
    Object flat = h.hostCopy();
    if (h.shape.length == 0) {
      return Array.get(flat, 0);
    }
    return nest(flat, h.shape, 0, new int[] {0});
  }

  private static Object nest(Object flat, long[] shape, int axis, int[] next) {
    Class<?> leaf = flat.getClass().getComponentType();
    int n = (int) shape[axis];
    if (axis == shape.length - 1) {
      Object row = Array.newInstance(leaf, n);
      System.arraycopy(flat, next[0], row, 0, n);
      next[0] += n;
      return row;
    }
    int[] dims = new int[shape.length - axis];
    dims[0] = n;
    Object out = Array.newInstance(leaf, dims);
    for (int i = 0; i < n; i++) {
      Array.set(out, i, nest(flat, shape, axis + 1, next));
    }
    return out;
  }

  /** TensorFlow's repr: {@code <tf.Tensor: shape=(4, 1), dtype=float32, numpy=\narray(...)>}. */
  @Override
  public String toString() {
    TensorHandle h = peek();
    return "<tf.Tensor: shape=" + shape() + ", dtype=" + h.dtype.typeName() + ", numpy="
        + onOwnLineIfMultiline(NumpyFormat.repr(h.dtype, h.shape, h.hostData())) + ">";
  }

  /** Python's {@code str(t)}, what {@code print(t)} shows: {@code tf.Tensor([1 2 3], shape=(3,), dtype=int32)}. */
  public String str() {
    TensorHandle h = peek();
    return "tf.Tensor(" + onOwnLineIfMultiline(NumpyFormat.str(h.dtype, h.shape, h.hostData()))
        + ", shape=" + shape() + ", dtype=" + h.dtype.typeName() + ")";
  }

  static String onOwnLineIfMultiline(String text) {
    return text.contains("\n") ? "\n" + text : text;
  }
}
