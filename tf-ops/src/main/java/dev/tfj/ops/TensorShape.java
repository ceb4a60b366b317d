package dev.tfj.ops;

import java.util.Arrays;

/** TensorFlow's {@code tf.TensorShape} for fully known shapes (eager tensors always have one). */
public final class TensorShape {
  private final long[] dims;

  public TensorShape(long... dims) {
    this.dims = dims.clone();
  }

  public int rank() {
    return dims.length;
  }

  public long get(int i) {
    return dims[i < 0 ? i + dims.length : i];
  }

  public long num_elements() {
    return Shapes.numElements(dims);
  }

  public long[] as_list() {
    return dims.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TensorShape t && Arrays.equals(dims, t.dims);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(dims);
  }

  /** Python's {@code str(shape)}: {@code ()}, {@code (3,)}, {@code (4, 1)}. */
  @Override
  public String toString() {
    if (dims.length == 1) {
      return "(" + dims[0] + ",)";
    }
    StringBuilder s = new StringBuilder("(");
    for (int i = 0; i < dims.length; i++) {
      s.append(i == 0 ? "" : ", ").append(dims[i]);
    }
    return s.append(')').toString();
  }
}
