package dev.tfj;

import static dev.tfj.Ops.RUN;

import dev.tfj.eager.TensorHandle;
import dev.tfj.errors.TypeError;
import dev.tfj.ops.DType;
import dev.tfj.ops.OpRunner;

/**
 * {@link Tensor#get}: TensorFlow's {@code Tensor.__getitem__} (array_ops._slice_helper). Each
 * index item becomes one begin/end/stride entry and mask bit, and the whole index is one
 * StridedSlice, so gradients flow exactly as in TensorFlow.
 */
final class Indexing {
  private Indexing() {}

  /** Python's {@code None} in an index (also {@code tf.newaxis}) and Python's {@code ...}. */
  enum Marker {
    NEWAXIS("None"), ELLIPSIS("Ellipsis");

    private final String repr;

    Marker(String repr) {
      this.repr = repr;
    }

    @Override
    public String toString() {
      return repr;
    }
  }

  private static final String SLICE_TYPE_ERROR = "Only integers, slices (`:`), ellipsis (`...`),"
      + " tf.newaxis (`None`) and scalar tf.int32/tf.int64 tensors are valid indices";

  static Tensor getitem(Tensor x, Object[] index) {
    Object[] items = index == null ? new Object[] {null} : index;
    int n = items.length;
    long[] begin = new long[n];
    long[] end = new long[n];
    long[] strides = new long[n];
    int beginMask = 0;
    int endMask = 0;
    int ellipsisMask = 0;
    int newAxisMask = 0;
    int shrinkMask = 0;
    boolean int64 = false;
    for (int i = 0; i < n; i++) {
      Object item = items[i];
      strides[i] = 1;
      if (item instanceof Slice s) {
        begin[i] = s.start == null ? 0 : s.start;
        end[i] = s.stop == null ? 0 : s.stop;
        strides[i] = s.step == null ? 1 : s.step;
        beginMask |= s.start == null ? 1 << i : 0;
        endMask |= s.stop == null ? 1 << i : 0;
      } else if (item == Marker.ELLIPSIS) {
        ellipsisMask |= 1 << i;
      } else if (item == null || item == Marker.NEWAXIS) {
        newAxisMask |= 1 << i;
      } else {
        begin[i] = indexValue(item);
        end[i] = begin[i] + 1;
        shrinkMask |= 1 << i;
        int64 |= item instanceof Tensor t && t.dtype() == DType.INT64;
      }
    }
    // Python packs the entries into one tensor: int32, unless a value needs int64.
    for (int i = 0; i < n; i++) {
      int64 |= begin[i] != (int) begin[i] || end[i] != (int) end[i];
    }
    DType indexType = int64 ? DType.INT64 : DType.INT32;
    TensorHandle h = x.handle();
    return Tensor.wrap(RUN.stridedSlice(h, RUN.indexVector(indexType, begin),
        RUN.indexVector(indexType, end), RUN.indexVector(indexType, strides),
        OpRunner.sliceMasks(beginMask, endMask, ellipsisMask, newAxisMask, shrinkMask)));
  }

  /** An integer index: a Java integer or a scalar int32/int64 tensor (TensorFlow's _check_index). */
  private static long indexValue(Object item) {
    if (item instanceof Integer || item instanceof Long || item instanceof Short
        || item instanceof Byte) {
      return ((Number) item).longValue();
    }
    if (item instanceof Tensor t && (t.dtype() == DType.INT32 || t.dtype() == DType.INT64)
        && t.ndim() == 0) {
      return t.longValue();
    }
    throw new TypeError(SLICE_TYPE_ERROR + ", got " + item);
  }
}
