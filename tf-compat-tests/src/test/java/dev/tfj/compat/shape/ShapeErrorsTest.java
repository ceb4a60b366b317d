package dev.tfj.compat.shape;

import static dev.tfj.compat.oracle.Oracle.o;
import static dev.tfj.compat.shape.ShapeOracle.attrs;
import static dev.tfj.compat.shape.ShapeOracle.eager;
import static dev.tfj.compat.shape.ShapeOracle.raw;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.tfj.Tensor;
import dev.tfj.compat.errors.StateGuard;
import dev.tfj.eager.EagerRunner;
import dev.tfj.errors.InvalidArgumentError;
import dev.tfj.ops.DType;
import dev.tfj.ops.OpRunner;
import dev.tfj.ops.Operand;
import dev.tfj.tf;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.tensorflow.exceptions.TFInvalidArgumentException;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Gather;
import org.tensorflow.op.core.OneHot;
import org.tensorflow.op.core.Stack;
import org.tensorflow.op.core.StridedSlice;
import org.tensorflow.types.TInt64;

/**
 * Bad input to the shape and indexing ops: wrong ranks, out-of-range axes and indices, dtype
 * mismatches, negative sizes. Each case runs in TensorFlow Java first; TFJ must raise
 * InvalidArgumentError with TensorFlow's message plus the eager suffix {@code [Op:X]}, while a
 * tape records, and change nothing ({@link StateGuard}). The input is the guard's float32 [2, 3]
 * tensor {@code x}, the same values on both sides.
 */
@SuppressWarnings({"unchecked", "rawtypes"})
class ShapeErrorsTest {
  /** One bad call: the op TFJ names in the suffix, TFJ's call on x, TensorFlow's on the same x. */
  record Bad(String op, String what, Function<Tensor, Object> tfj,
      BiFunction<Ops, org.tensorflow.Operand, Object> tf) {
    DynamicTest test() {
      return dynamicTest(op + ": " + what, () -> {
        String expected = tensorFlowMessage(this) + " [Op:" + op + "]";
        StateGuard g = new StateGuard();
        g.assertRejected(InvalidArgumentError.class, expected, () -> tfj.apply(g.x), g.x);
      });
    }
  }

  private static final float[][] X = {{0.5f, -1, 2}, {3, 0.25f, -2}};

  static String tensorFlowMessage(Bad bad) {
    Ops tf = eager();
    try {
      bad.tf.apply(tf, tf.constant(X));
    } catch (TFInvalidArgumentException e) {
      return e.getMessage();
    }
    fail("TensorFlow accepts " + bad.op + ": " + bad.what);
    return null;
  }

  static Bad bad(String op, String what, Function<Tensor, Object> tfj,
      BiFunction<Ops, org.tensorflow.Operand, Object> tf) {
    return new Bad(op, what, tfj, tf);
  }

  @TestFactory
  Stream<DynamicTest> reshapesAndTransposes() {
    List<Bad> cases = new ArrayList<>();
    for (long[] shape : new long[][] {{4}, {4, -1}, {-1, -1}, {-2, 3}, {0, -1}}) {
      cases.add(bad("Reshape", java.util.Arrays.toString(shape), x -> tf.reshape(x, shape),
          (tf, x) -> tf.reshape(x, tf.constant(shape))));
    }
    // (A negative entry, [-1, 0], aborts TensorFlow 2.18's process with a failed CHECK; TFJ
    // raises "-1 is out of range [0 .. 2)", see transposeWithANegativeAxis.)
    for (int[] perm : new int[][] {{0, 0}, {0, 2}, {0}}) {
      cases.add(bad("Transpose", java.util.Arrays.toString(perm), x -> tf.transpose(x, perm),
          (tf, x) -> tf.linalg.transpose(x, tf.constant(perm))));
    }
    for (int axis : new int[] {3, -4}) {
      cases.add(bad("ExpandDims", "axis " + axis, x -> tf.expand_dims(x, axis),
          (tf, x) -> tf.expandDims(x, tf.constant(axis))));
    }
    for (int axis : new int[] {0, 5, -3}) {
      cases.add(bad("Squeeze", "axis " + axis, x -> tf.squeeze(x, axis),
          (tf, x) -> tf.squeeze(x, org.tensorflow.op.core.Squeeze.axis((long) axis))));
    }
    for (long[] shape : new long[][] {{3, 3}, {3}, {2, 1}, {-1, 3}}) {
      cases.add(bad("BroadcastTo", java.util.Arrays.toString(shape), x -> tf.broadcast_to(x, shape),
          (tf, x) -> tf.broadcastTo(x, tf.constant(shape))));
    }
    cases.add(bad("BroadcastTo", "[0] to [2, 1]", x -> tf.broadcast_to(tf.zeros(0), 2, 1),
        (tf, x) -> tf.broadcastTo(tf.constant(new float[0]), tf.constant(new int[] {2, 1}))));
    cases.add(bad("Shape", "out_type uint8", x -> tf.shape(x, tf.uint8),
        (tf, x) -> raw(tf, "Shape", attrs("out_type", DType.UINT8), x)));
    return cases.stream().map(Bad::test);
  }

  @TestFactory
  Stream<DynamicTest> joinsAndSplits() {
    List<Bad> cases = new ArrayList<>();
    float[][] y = {{1, 2}, {3, 4}};
    cases.add(bad("ConcatV2", "dimension mismatch", x -> tf.concat(List.of(x, y), 0),
        (tf, x) -> tf.concat(List.of(x, tf.constant(y)), tf.constant(0))));
    cases.add(bad("ConcatV2", "dimension mismatch in the third", x -> tf.concat(List.of(x, x, y), 0),
        (tf, x) -> tf.concat(List.of(x, x, tf.constant(y)), tf.constant(0))));
    cases.add(bad("ConcatV2", "rank mismatch", x -> tf.concat(List.of(x, new float[] {1, 2, 3}), 0),
        (tf, x) -> tf.concat(List.of(x, tf.constant(new float[] {1, 2, 3})), tf.constant(0))));
    for (int axis : new int[] {2, -3}) {
      cases.add(bad("ConcatV2", "axis " + axis, x -> tf.concat(List.of(x, x), axis),
          (tf, x) -> tf.concat(List.of(x, x), tf.constant(axis))));
    }
    cases.add(bad("ConcatV2", "scalars", x -> tf.concat(List.of(1.0f, 2.0f), 0),
        (tf, x) -> tf.concat(List.of(tf.constant(1f), tf.constant(2f)), tf.constant(0))));
    cases.add(bad("ConcatV2", "scalar and axis 5", x -> tf.concat(List.of(tf.constant(1f), tf.constant(new float[] {2})), 5),
        (tf, x) -> tf.concat(List.of(tf.constant(1f), tf.constant(new float[] {2})), tf.constant(5))));
    cases.add(bad("ConcatV2", "float and int32", x -> tf.concat(List.of(x, tf.constant(new int[][] {{1, 2, 3}})), 0),
        (tf, x) -> raw(tf, "ConcatV2", attrs(), List.of(x, tf.constant(new int[][] {{1, 2, 3}})), tf.constant(0))));
    cases.add(bad("Pack", "shape mismatch", x -> tf.stack(List.of(x, x, y)),
        (tf, x) -> tf.stack(List.of(x, x, tf.constant(y)))));
    cases.add(bad("Unpack", "num 3 for an axis of 2", x -> tf.unstack(x, 3),
        (tf, x) -> tf.unstack(x, 3L)));
    cases.add(bad("Unpack", "axis 2 with num", x -> tf.unstack(x, 3, 2),
        (tf, x) -> tf.unstack(x, 3L, org.tensorflow.op.core.Unstack.axis(2L))));
    cases.add(bad("Unpack", "negative num", x -> tf.unstack(x, -1),
        (tf, x) -> raw(tf, "Unpack", attrs("num", -1L, "axis", 0L), x)));
    cases.add(bad("Split", "uneven", x -> tf.split(x, 2, 1), (tf, x) -> tf.split(tf.constant(1), x, 2L)));
    for (int axis : new int[] {2, -3}) {
      cases.add(bad("Split", "axis " + axis, x -> tf.split(x, 2, axis),
          (tf, x) -> tf.split(tf.constant(axis), x, 2L)));
    }
    cases.add(bad("Split", "num_split 0", x -> tf.split(x, 0), (tf, x) -> tf.split(tf.constant(0), x, 0L)));
    for (int[] sizes : new int[][] {{1, 1}, {-1, -1}, {-2, 5}, {4, -1}, {-1}}) {
      cases.add(bad("SplitV", java.util.Arrays.toString(sizes), x -> tf.split(x, sizes, 1),
          (tf, x) -> tf.splitV(x, tf.constant(sizes), tf.constant(1), (long) sizes.length)));
    }
    cases.add(bad("SplitV", "num 3 for two sizes", x -> tf.split(x, new int[] {1, 2}, 1, 3),
        (tf, x) -> tf.splitV(x, tf.constant(new int[] {1, 2}), tf.constant(1), 3L)));
    cases.add(bad("SplitV", "axis 2", x -> tf.split(x, new int[] {1, 2}, 2),
        (tf, x) -> tf.splitV(x, tf.constant(new int[] {1, 2}), tf.constant(2), 2L)));
    return cases.stream().map(Bad::test);
  }

  @TestFactory
  Stream<DynamicTest> slices() {
    List<Bad> cases = new ArrayList<>();
    int[][][] boxes = {{{0, 4}, {1, 1}}, {{0, 1}, {1, 3}}, {{0}, {1, 3}}, {{-1, 0}, {1, 3}}, {{0, 0}, {1, -2}}};
    for (int[][] box : boxes) {
      cases.add(bad("Slice", java.util.Arrays.deepToString(box), x -> tf.slice(x, box[0], box[1]),
          (tf, x) -> tf.slice(x, tf.constant(box[0]), tf.constant(box[1]))));
    }
    cases.add(bad("Slice", "begin 1 in an empty dimension", x -> tf.slice(tf.zeros(0, 3), new int[] {1, 0}, new int[] {0, 1}),
        (tf, x) -> tf.slice(tf.zeros(tf.constant(new int[] {0, 3}), org.tensorflow.types.TFloat32.class),
            tf.constant(new int[] {1, 0}), tf.constant(new int[] {0, 1}))));
    // x[2], x[-3], x[:, 3]: indices out of range.
    cases.add(bad("StridedSlice", "x[2]", x -> x.get(2),
        (tf, x) -> tf.stridedSlice(x, tf.constant(new int[] {2}), tf.constant(new int[] {3}),
            tf.constant(new int[] {1}), StridedSlice.shrinkAxisMask(1L))));
    cases.add(bad("StridedSlice", "x[-3]", x -> x.get(-3),
        (tf, x) -> tf.stridedSlice(x, tf.constant(new int[] {-3}), tf.constant(new int[] {-2}),
            tf.constant(new int[] {1}), StridedSlice.shrinkAxisMask(1L))));
    cases.add(bad("StridedSlice", "x[:, 3]", x -> x.get(tf.slice_(null), 3),
        (tf, x) -> tf.stridedSlice(x, tf.constant(new int[] {0, 3}), tf.constant(new int[] {0, 4}),
            tf.constant(new int[] {1, 1}), StridedSlice.beginMask(1L), StridedSlice.endMask(1L),
            StridedSlice.shrinkAxisMask(2L))));
    cases.add(bad("StridedSlice", "x[::0]", x -> x.get(tf.slice_(null, null, 0)),
        (tf, x) -> tf.stridedSlice(x, tf.constant(new int[] {0}), tf.constant(new int[] {0}),
            tf.constant(new int[] {0}), StridedSlice.beginMask(1L), StridedSlice.endMask(1L))));
    cases.add(bad("StridedSlice", "x[0, 0, 0]", x -> x.get(0, 0, 0),
        (tf, x) -> tf.stridedSlice(x, tf.constant(new int[] {0, 0, 0}), tf.constant(new int[] {1, 1, 1}),
            tf.constant(new int[] {1, 1, 1}), StridedSlice.shrinkAxisMask(7L))));
    cases.add(bad("StridedSlice", "x[..., ...]", x -> x.get(tf.ellipsis, tf.ellipsis),
        (tf, x) -> tf.stridedSlice(x, tf.constant(new int[] {0, 0}), tf.constant(new int[] {0, 0}),
            tf.constant(new int[] {1, 1}), StridedSlice.ellipsisMask(3L))));
    cases.add(bad("StridedSlice", "shrink with stride -1", x -> tf.strided_slice(x, new int[] {0}, new int[] {1},
            new int[] {-1}, 0, 0, 0, 0, 1),
        (tf, x) -> tf.stridedSlice(x, tf.constant(new int[] {0}), tf.constant(new int[] {1}),
            tf.constant(new int[] {-1}), StridedSlice.shrinkAxisMask(1L))));
    cases.add(bad("StridedSlice", "begin and end of different lengths", x -> tf.strided_slice(x, new int[] {0},
            new int[] {1, 2}, new int[] {1}),
        (tf, x) -> tf.stridedSlice(x, tf.constant(new int[] {0}), tf.constant(new int[] {1, 2}),
            tf.constant(new int[] {1}))));
    cases.add(bad("StridedSlice", "a scalar", x -> tf.constant(1f).get(0),
        (tf, x) -> tf.stridedSlice(tf.constant(1f), tf.constant(new int[] {0}), tf.constant(new int[] {1}),
            tf.constant(new int[] {1}), StridedSlice.shrinkAxisMask(1L))));
    cases.add(bad("StridedSlice", "a scalar, x[:]", x -> tf.constant(1f).get(tf.slice_(null)),
        (tf, x) -> tf.stridedSlice(tf.constant(1f), tf.constant(new int[] {0}), tf.constant(new int[] {0}),
            tf.constant(new int[] {1}), StridedSlice.beginMask(1L), StridedSlice.endMask(1L))));
    cases.add(bad("StridedSlice", "a scalar, x[None, 0]", x -> tf.constant(1f).get(tf.newaxis, 0),
        (tf, x) -> tf.stridedSlice(tf.constant(1f), tf.constant(new int[] {0, 0}), tf.constant(new int[] {0, 1}),
            tf.constant(new int[] {1, 1}), StridedSlice.newAxisMask(1L), StridedSlice.shrinkAxisMask(2L))));
    cases.add(bad("StridedSlice", "a scalar, x[..., ::2]", x -> tf.constant(1f).get(tf.ellipsis, tf.slice_(null, null, 2)),
        (tf, x) -> tf.stridedSlice(tf.constant(1f), tf.constant(new int[] {0, 0}), tf.constant(new int[] {0, 0}),
            tf.constant(new int[] {1, 2}), StridedSlice.ellipsisMask(1L), StridedSlice.beginMask(2L),
            StridedSlice.endMask(2L))));
    cases.add(bad("StridedSlice", "x[0, 0, 0] on a matrix", x -> x.get(0, 0, 0),
        (tf, x) -> tf.stridedSlice(x, tf.constant(new int[] {0, 0, 0}), tf.constant(new int[] {1, 1, 1}),
            tf.constant(new int[] {1, 1, 1}), StridedSlice.shrinkAxisMask(7L))));
    for (int[] axes : new int[][] {{2}, {-3}, {0, -2}}) {
      cases.add(bad("ReverseV2", java.util.Arrays.toString(axes), x -> tf.reverse(x, axes),
          (tf, x) -> tf.reverse(x, tf.constant(axes))));
    }
    return cases.stream().map(Bad::test);
  }

  @TestFactory
  Stream<DynamicTest> padsAndTiles() {
    List<Bad> cases = new ArrayList<>();
    int[][][] paddings = {{{0, -1}, {0, 0}}, {{0, 1}}, {{1, 1}, {1, 1}, {1, 1}}};
    for (int[][] p : paddings) {
      cases.add(bad("Pad", java.util.Arrays.deepToString(p), x -> tf.pad(x, p),
          (tf, x) -> raw(tf, "Pad", attrs(), x, tf.constant(p))));
      cases.add(bad("MirrorPad", "SYMMETRIC " + java.util.Arrays.deepToString(p), x -> tf.pad(x, p, "SYMMETRIC"),
          (tf, x) -> tf.mirrorPad(x, tf.constant(p), "SYMMETRIC")));
    }
    cases.add(bad("Pad", "paddings a vector", x -> tf.pad(x, new int[][] {{}}),
        (tf, x) -> raw(tf, "Pad", attrs(), x, tf.constant(new int[1][0]))));
    cases.add(bad("PadV2", "int32 constant beside float32", x -> tf.pad(x, new int[][] {{1, 1}, {0, 0}}, "CONSTANT", tf.constant(1)),
        (tf, x) -> raw(tf, "PadV2", attrs(), x, tf.constant(new int[][] {{1, 1}, {0, 0}}), tf.constant(1))));
    cases.add(bad("PadV2", "constant_values a vector", x -> tf.pad(x, new int[][] {{1, 1}, {0, 0}}, "CONSTANT", new float[] {1}),
        (tf, x) -> raw(tf, "PadV2", attrs(), x, tf.constant(new int[][] {{1, 1}, {0, 0}}), tf.constant(new float[] {1}))));
    cases.add(bad("MirrorPad", "REFLECT as wide as the input", x -> tf.pad(x, new int[][] {{0, 2}, {0, 0}}, "reflect"),
        (tf, x) -> tf.mirrorPad(x, tf.constant(new int[][] {{0, 2}, {0, 0}}), "REFLECT")));
    cases.add(bad("MirrorPad", "SYMMETRIC wider than the input", x -> tf.pad(x, new int[][] {{0, 3}, {0, 0}}, "symmetric"),
        (tf, x) -> tf.mirrorPad(x, tf.constant(new int[][] {{0, 3}, {0, 0}}), "SYMMETRIC")));
    for (int[] multiples : new int[][] {{1, 2, 3}, {1, -2}, {2}}) {
      cases.add(bad("Tile", java.util.Arrays.toString(multiples), x -> tf.tile(x, multiples),
          (tf, x) -> tf.tile(x, tf.constant(multiples))));
    }
    return cases.stream().map(Bad::test);
  }

  @TestFactory
  Stream<DynamicTest> indexedOps() {
    List<Bad> cases = new ArrayList<>();
    cases.add(bad("GatherV2", "index 3 on axis 1", x -> tf.gather(x, new int[] {0, 3}, 1),
        (tf, x) -> tf.gather(x, tf.constant(new int[] {0, 3}), tf.constant(1))));
    cases.add(bad("GatherV2", "negative index", x -> tf.gather(x, new int[] {-1}),
        (tf, x) -> tf.gather(x, tf.constant(new int[] {-1}), tf.constant(0))));
    cases.add(bad("GatherV2", "2-D indices", x -> tf.gather(x, new int[][] {{0, 1}, {2, 0}}),
        (tf, x) -> tf.gather(x, tf.constant(new int[][] {{0, 1}, {2, 0}}), tf.constant(0))));
    for (int axis : new int[] {2, -3}) {
      cases.add(bad("GatherV2", "axis " + axis, x -> tf.gather(x, new int[] {0}, axis),
          (tf, x) -> tf.gather(x, tf.constant(new int[] {0}), tf.constant(axis))));
    }
    cases.add(bad("GatherV2", "batch_dims 2 for 1-D indices", x -> tf.gather(x, new int[] {0}, 1, 2),
        (tf, x) -> tf.gather(x, tf.constant(new int[] {0}), tf.constant(1), Gather.batchDims(2L))));
    cases.add(bad("GatherV2", "batch_dims beyond axis", x -> tf.gather(x, new int[][] {{0}, {1}}, 1, 2),
        (tf, x) -> tf.gather(x, tf.constant(new int[][] {{0}, {1}}), tf.constant(1), Gather.batchDims(2L))));
    cases.add(bad("GatherV2", "batch sizes differ", x -> tf.gather(x, new int[][] {{0}, {1}, {1}}, 1, 1),
        (tf, x) -> tf.gather(x, tf.constant(new int[][] {{0}, {1}, {1}}), tf.constant(1), Gather.batchDims(1L))));
    cases.add(bad("GatherV2", "scalar params", x -> tf.gather(2.0f, new int[] {0}),
        (tf, x) -> tf.gather(tf.constant(2f), tf.constant(new int[] {0}), tf.constant(0))));
    cases.add(bad("GatherV2", "float indices", x -> tf.gather(x, new float[] {0}),
        (tf, x) -> tf.gather(x, tf.constant(new float[] {0}), tf.constant(0))));
    int[][][] bad = {{{0, 3}}, {{0, 1}, {2, 1}}, {{0, 1, 1}}, {{-1}}};
    for (int[][] idx : bad) {
      cases.add(bad("GatherNd", java.util.Arrays.deepToString(idx), x -> tf.gather_nd(x, idx),
          (tf, x) -> tf.gatherNd(x, tf.constant(idx))));
    }
    cases.add(bad("GatherNd", "scalar indices", x -> tf.gather_nd(x, 1), (tf, x) -> tf.gatherNd(x, tf.constant(1))));
    cases.add(bad("GatherNd", "empty params", x -> tf.gather_nd(new float[0], new int[][] {{0}}),
        (tf, x) -> tf.gatherNd(tf.constant(new float[0]), tf.constant(new int[][] {{0}}))));
    cases.add(bad("ScatterNd", "index out of range", x -> tf.scatter_nd(new int[][] {{1, 0}, {5, 1}}, new float[] {1, 2}, 4, 2),
        (tf, x) -> tf.scatterNd(tf.constant(new int[][] {{1, 0}, {5, 1}}), tf.constant(new float[] {1, 2}),
            tf.constant(new int[] {4, 2}))));
    cases.add(bad("ScatterNd", "negative index", x -> tf.scatter_nd(new int[][] {{-1}}, new float[] {1}, 3),
        (tf, x) -> tf.scatterNd(tf.constant(new int[][] {{-1}}), tf.constant(new float[] {1}), tf.constant(new int[] {3}))));
    cases.add(bad("ScatterNd", "updates of the wrong length", x -> tf.scatter_nd(new int[][] {{1}}, new float[] {1, 2}, 4),
        (tf, x) -> tf.scatterNd(tf.constant(new int[][] {{1}}), tf.constant(new float[] {1, 2}), tf.constant(new int[] {4}))));
    cases.add(bad("ScatterNd", "updates of the wrong inner shape", x -> tf.scatter_nd(new int[][] {{1}}, new float[][] {{1, 2}}, 3, 3),
        (tf, x) -> tf.scatterNd(tf.constant(new int[][] {{1}}), tf.constant(new float[][] {{1, 2}}), tf.constant(new int[] {3, 3}))));
    cases.add(bad("ScatterNd", "index deeper than the shape", x -> tf.scatter_nd(new int[][] {{1, 1, 1}}, new float[] {1}, 3, 3),
        (tf, x) -> tf.scatterNd(tf.constant(new int[][] {{1, 1, 1}}), tf.constant(new float[] {1}), tf.constant(new int[] {3, 3}))));
    cases.add(bad("ScatterNd", "rank-1 indices", x -> tf.scatter_nd(new int[] {1, 2}, new float[] {1, 2}, 3),
        (tf, x) -> tf.scatterNd(tf.constant(new int[] {1, 2}), tf.constant(new float[] {1, 2}), tf.constant(new int[] {3}))));
    cases.add(bad("ScatterNd", "scalar indices", x -> tf.scatter_nd(1, new float[] {1}, 3),
        (tf, x) -> tf.scatterNd(tf.constant(1), tf.constant(new float[] {1}), tf.constant(new int[] {3}))));
    cases.add(bad("ScatterNd", "negative shape", x -> tf.scatter_nd(new int[][] {{1}}, new float[] {1}, -4),
        (tf, x) -> tf.scatterNd(tf.constant(new int[][] {{1}}), tf.constant(new float[] {1}), tf.constant(new int[] {-4}))));
    cases.add(bad("ScatterNd", "updates into an empty output", x -> tf.scatter_nd(new int[][] {{0}}, new float[] {1}, 0),
        (tf, x) -> tf.scatterNd(tf.constant(new int[][] {{0}}), tf.constant(new float[] {1}), tf.constant(new int[] {0}))));
    cases.add(bad("ScatterNd", "index depth 0", x -> tf.scatter_nd(new int[2][0], new float[][] {{1}, {2}}, 1),
        (tf, x) -> tf.scatterNd(o(raw(tf, "Reshape", attrs(), tf.constant(new int[0]), tf.constant(new int[] {2, 0})).get(0)),
            o(tf.constant(new float[][] {{1}, {2}})), o(tf.constant(new int[] {1})))));
    for (int axis : new int[] {3, -2}) {
      cases.add(bad("OneHot", "axis " + axis, x -> tf.one_hot(new int[] {0, 1}, 3, null, null, axis),
          (tf, x) -> tf.oneHot(tf.constant(new int[] {0, 1}), tf.constant(3), tf.constant(1f), tf.constant(0f),
              OneHot.axis((long) axis))));
    }
    cases.add(bad("OneHot", "negative depth", x -> tf.one_hot(new int[] {0, 1}, -1),
        (tf, x) -> tf.oneHot(tf.constant(new int[] {0, 1}), tf.constant(-1), tf.constant(1f), tf.constant(0f))));
    cases.add(bad("OneHot", "float indices", x -> tf.one_hot(new float[] {0, 1}, 2),
        (tf, x) -> raw(tf, "OneHot", attrs("axis", -1L), tf.constant(new float[] {0, 1}), tf.constant(2),
            tf.constant(1f), tf.constant(0f))));
    return cases.stream().map(Bad::test);
  }

  @Test
  void transposeWithANegativeAxis() {
    StateGuard g = new StateGuard();
    g.assertRejected(InvalidArgumentError.class, "-1 is out of range [0 .. 2) [Op:Transpose]",
        () -> tf.transpose(g.x, new int[] {-1, 0}), g.x);
  }

  /** The brief's example, spelled out: an index past the end of a 3-element tensor. */
  @Test
  void gatherOutOfRangeChangesNothing() {
    StateGuard g = new StateGuard();
    Tensor params = tf.constant(new float[] {1, 2, 3});
    g.assertRejected(InvalidArgumentError.class, "indices[0] = 5 is not in [0, 3) [Op:GatherV2]",
        () -> tf.gather(params, new int[] {5}), params);
  }

  /** The gradient-only ops, through the op runner. */
  @TestFactory
  Stream<DynamicTest> gradientOps() {
    OpRunner run = EagerRunner.INSTANCE;
    List<Bad> cases = new ArrayList<>();
    cases.add(bad("StridedSliceGrad", "dy of the wrong shape",
        x -> run.stridedSliceGrad(run.int32s(2, 3), run.int32s(1), run.int32s(2), run.int32s(1),
            run.constant(DType.FLOAT32, new long[] {2}, new float[] {7, 8}),
            OpRunner.sliceMasks(0, 0, 0, 0, 1)),
        (tf, x) -> tf.stridedSliceGrad(tf.constant(new int[] {2, 3}), tf.constant(new int[] {1}),
            tf.constant(new int[] {2}), tf.constant(new int[] {1}), tf.constant(new float[] {7, 8}),
            org.tensorflow.op.core.StridedSliceGrad.shrinkAxisMask(1L))));
    for (String mode : List.of("REFLECT", "SYMMETRIC")) {
      long[][][] paddings = {{{3, 3}}, {{mode.equals("REFLECT") ? 2 : 3, 1}}, {{-1, 0}}};
      for (long[][] p : paddings) {
        cases.add(bad("MirrorPadGrad", mode + " " + java.util.Arrays.deepToString(p),
            x -> run.mirrorPadGrad(run.constant(DType.FLOAT32, new long[] {5}, new float[] {1, 2, 3, 4, 5}),
                run.paddingsMatrix(p), mode),
            (tf, x) -> raw(tf, "MirrorPadGrad", attrs("mode", mode), tf.constant(new float[] {1, 2, 3, 4, 5}),
                tf.constant(new long[][] {p[0]}))));
      }
    }
    return cases.stream().map(Bad::test);
  }
}
