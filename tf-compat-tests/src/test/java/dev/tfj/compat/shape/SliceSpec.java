package dev.tfj.compat.shape;

import dev.tfj.ops.OpRunner;
import dev.tfj.tf;
import dev.tfj.ops.StridedSliceSpec;
import java.util.Arrays;
import java.util.List;
import org.tensorflow.op.core.StridedSlice;
import org.tensorflow.op.core.StridedSliceGrad;

/** One strided slice of a [3, 4, 5] tensor: begin, end, strides and the five masks. */
record SliceSpec(String python, int[] begin, int[] end, int[] strides, int[] masks) {
  static SliceSpec of(String python, int[] begin, int[] end, int[] strides, int... masks) {
    return new SliceSpec(python, begin, end, strides, Arrays.copyOf(masks, 5));
  }

  static int[] v(int... values) {
    return values;
  }

  /**
   * Ranges, steps of either sign, every mask alone and together, clamping, empty results, and
   * the corner cases of TensorFlow's rules: a bit set in both the ellipsis and new-axis masks is
   * an ellipsis, a bit in both the new-axis and shrink masks a new axis, and a shrunk index
   * ignores begin_mask.
   */
  static final List<SliceSpec> CASES = List.of(
      of("[0:3, 1:3, 2:5]", v(0, 1, 2), v(3, 3, 5), v(1, 1, 1)),
      of("[::2, ::3, ::2]", v(0, 0, 0), v(3, 4, 5), v(2, 3, 2)),
      of("[2:0:-1, 3:0:-2, 4:0:-1]", v(2, 3, 4), v(0, 0, 0), v(-1, -2, -1)),
      of("[::-1, ::-1, ::-2]", v(0, 0, 0), v(0, 0, 0), v(-1, -1, -2), 7, 7),
      of("[:2, 1:, :2] (masks)", v(1, 1, 1), v(2, 2, 2), v(1, 1, 1), 0b101, 0b010),
      of("[1, :, -1]", v(1, 0, -1), v(2, 4, 0), v(1, 1, 1), 0b010, 0b010, 0, 0, 0b101),
      of("[..., 1:3]", v(0, 1), v(0, 3), v(1, 1), 0, 0, 0b01),
      of("[1, ..., None, 2]", v(1, 0, 0, 2), v(2, 0, 0, 3), v(1, 1, 1, 1), 0, 0, 0b0010, 0b0100, 0b1001),
      of("[None, :, 1]", v(0, 0, 1), v(0, 0, 2), v(1, 1, 1), 0b010, 0b010, 0, 0b001, 0b100),
      of("[-10:10, 2:100, 7:9] (clamped)", v(-10, 2, 7), v(10, 100, 9), v(1, 1, 1)),
      of("[2:1] (empty)", v(2, 0, 0), v(1, 4, 5), v(1, 1, 1)),
      of("[1:3] (fewer entries than dims)", v(1), v(3), v(1)),
      of("[..., None, None]", v(0, 0, 0), v(0, 0, 0), v(1, 1, 1), 0, 0, 0b001, 0b110),
      of("ellipsis and new axis on one bit", v(0), v(1), v(1), 0, 0, 1, 1),
      of("new axis and shrink on one bit", v(0), v(1), v(1), 0, 0, 0, 1, 1),
      of("shrink with begin_mask", v(1), v(2), v(1), 1, 0, 0, 0, 1),
      of("[:0:-1]", v(0), v(0), v(-1), 1),
      of("[-1:-4:-1, ::-3]", v(-1, 0), v(-4, 0), v(-1, -3), 0b10, 0b10),
      of("[]", v(), v(), v()));

  /** An index of a scalar as Tensor.get takes it, and the slice TensorFlow's _slice_helper packs. */
  record OfScalar(Object[] items, SliceSpec spec) {
    @Override
    public String toString() {
      return spec.toString();
    }
  }

  /**
   * What a scalar can be indexed with (TensorFlow's array_ops_test): only new axes and an
   * ellipsis, which read no input dimension; {@code x[()]} is the scalar itself.
   */
  static final List<OfScalar> ON_A_SCALAR = List.of(
      new OfScalar(new Object[0], of("x[()]", v(), v(), v())),
      new OfScalar(new Object[] {tf.newaxis}, of("x[None]", v(0), v(0), v(1), 0, 0, 0, 1)),
      new OfScalar(new Object[] {tf.ellipsis}, of("x[...]", v(0), v(0), v(1), 0, 0, 1)),
      new OfScalar(new Object[] {tf.ellipsis, tf.newaxis},
          of("x[..., None]", v(0, 0), v(0, 0), v(1, 1), 0, 0, 1, 2)),
      new OfScalar(new Object[] {tf.newaxis, tf.ellipsis},
          of("x[None, ...]", v(0, 0), v(0, 0), v(1, 1), 0, 0, 2, 1)),
      new OfScalar(new Object[] {tf.newaxis, null},
          of("x[None, None]", v(0, 0), v(0, 0), v(1, 1), 0, 0, 0, 3)));

  /** The output shape for an input of {@code shape}, by TFJ's rules (TensorFlow checks it). */
  long[] outputShape(long[] shape) {
    return StridedSliceSpec.of(shape, Arrays.stream(begin).asLongStream().toArray(),
        Arrays.stream(end).asLongStream().toArray(), Arrays.stream(strides).asLongStream().toArray(),
        OpRunner.sliceMasks(masks[0], masks[1], masks[2], masks[3], masks[4])).finalShape;
  }

  StridedSlice.Options[] options() {
    return new StridedSlice.Options[] {StridedSlice.beginMask((long) masks[0]),
        StridedSlice.endMask((long) masks[1]), StridedSlice.ellipsisMask((long) masks[2]),
        StridedSlice.newAxisMask((long) masks[3]), StridedSlice.shrinkAxisMask((long) masks[4])};
  }

  StridedSliceGrad.Options[] gradOptions() {
    return new StridedSliceGrad.Options[] {StridedSliceGrad.beginMask((long) masks[0]),
        StridedSliceGrad.endMask((long) masks[1]), StridedSliceGrad.ellipsisMask((long) masks[2]),
        StridedSliceGrad.newAxisMask((long) masks[3]), StridedSliceGrad.shrinkAxisMask((long) masks[4])};
  }

  @Override
  public String toString() {
    return python + " masks " + Arrays.toString(masks);
  }
}
