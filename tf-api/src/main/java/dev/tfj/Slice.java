package dev.tfj;

/**
 * Python's {@code slice(start, stop, step)} for indexing a tensor: {@code tf.slice_(1, null)} is
 * {@code 1:}, {@code tf.slice_(null, null, -1)} is {@code ::-1}. A null bound is Python's None.
 * See {@link Tensor#get}.
 */
public final class Slice {
  public final Integer start;
  public final Integer stop;
  public final Integer step;

  Slice(Integer start, Integer stop, Integer step) {
    this.start = start;
    this.stop = stop;
    this.step = step;
  }

  /** Python's repr: {@code slice(1, None, None)}. */
  @Override
  public String toString() {
    return "slice(" + bound(start) + ", " + bound(stop) + ", " + bound(step) + ")";
  }

  private static String bound(Integer b) {
    return b == null ? "None" : b.toString();
  }
}
