package dev.tfj.compat.shape;

import static dev.tfj.compat.oracle.Oracle.assertAgree;
import static dev.tfj.compat.oracle.Oracle.cycle;
import static dev.tfj.compat.oracle.Oracle.o;
import static dev.tfj.compat.oracle.Oracle.s;
import static dev.tfj.compat.shape.ShapeOracle.F32;
import static dev.tfj.compat.shape.ShapeOracle.F64;
import static dev.tfj.compat.shape.ShapeOracle.attrs;
import static dev.tfj.compat.shape.ShapeOracle.raw;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.tfj.Tensor;
import dev.tfj.compat.ComparedWithTensorFlow;
import dev.tfj.compat.oracle.Oracle;
import dev.tfj.compat.oracle.Oracle.TfFn;
import dev.tfj.compat.oracle.Oracle.Values;
import dev.tfj.ops.DType;
import dev.tfj.tf;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.tensorflow.Operand;
import org.tensorflow.op.core.Gather;
import org.tensorflow.op.core.Stack;
import org.tensorflow.op.core.StridedSlice;
import org.tensorflow.op.core.Unstack;

/**
 * Gradients of the shape and indexing ops (GradientTape) against TensorFlow's (graph mode, through
 * TensorFlow Java), for float32 and float64: both sides differentiate {@code reduce_sum(f(x) * w)}
 * with the same non-uniform {@code w}, so a gradient routed to the wrong element fails. These
 * gradients only move and sum elements, so they must agree exactly, including the zeros that
 * unused outputs of unstack and split contribute, and repeated gather indices summing.
 * TensorFlow returns IndexedSlices for gather's gradient; TFJ returns the dense tensor they stand for.
 */
@ComparedWithTensorFlow({"ConcatV2", "Pack", "Unpack", "Split", "SplitV", "Slice", "StridedSlice",
    "ReverseV2", "Pad", "PadV2", "MirrorPad", "Tile", "GatherV2", "GatherNd", "ScatterNd",
    "BroadcastTo", "ExpandDims", "Squeeze", "Reshape", "Transpose"})
@SuppressWarnings({"unchecked", "rawtypes"})
class ShapeGradientsTest {
  private static final List<DType> FLOATS = List.of(F32, F64);
  private static final double[] SIGNED = {-2.5, 1, -1, 3.25, 0.5, 2, -0.75, 1.5, 0, 4};

  record Case(String name, List<Values> inputs, Function<List<Tensor>, Tensor> tfj, TfFn tf) {
    DynamicTest test() {
      return dynamicTest(name + " " + inputs, () -> {
        List<Values> actual = Oracle.tfjGradients(inputs, tfj);
        List<Values> expected = Oracle.tfGradients(inputs, tf, actual.get(0).dtype(),
            actual.get(0).shape());
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
          String what = i == 0 ? name + ": value" : name + ": gradient for input " + (i - 1);
          assertNotNull(actual.get(i), what + " is None in TFJ");
          assertAgree(expected.get(i), actual.get(i), 0, 0, what);
        }
      });
    }
  }

  static Values x(DType t, long... shape) {
    return cycle(t, shape, SIGNED, 0, 1);
  }

  static Values y(DType t, long... shape) {
    return cycle(t, shape, SIGNED, 3, 7);
  }

  @TestFactory
  Stream<DynamicTest> joinAndSplit() {
    List<Case> cases = new ArrayList<>();
    for (DType t : FLOATS) {
      List<Values> three = List.of(x(t, 2, 3), y(t, 2, 1), x(t, 2, 2));
      cases.add(new Case("concat(axis=1)", three, in -> tf.concat(in, 1),
          (tf, in) -> tf.concat((List) in, tf.constant(1))));
      List<Values> two = List.of(x(t, 2, 3), y(t, 2, 3));
      for (int axis : new int[] {0, 1, -1}) {
        cases.add(new Case("concat(axis=" + axis + ")", two, in -> tf.concat(in, axis),
            (tf, in) -> tf.concat((List) in, tf.constant(axis))));
        cases.add(new Case("stack(axis=" + axis + ")", two, in -> tf.stack(in, axis),
            (tf, in) -> tf.stack((List) in, Stack.axis((long) axis))));
      }
      // Only some outputs are used: the others' gradients are zeros.
      Values m = x(t, 4, 3);
      cases.add(new Case("unstack(x)[1]", List.of(m), in -> tf.unstack(in.get(0)).get(1),
          (tf, in) -> (Operand<?>) tf.unstack(o(in.get(0)), 4L).output().get(1)));
      cases.add(new Case("unstack(x, axis=1) reversed", List.of(m),
          in -> tf.stack(reversed(tf.unstack(in.get(0), null, 1))),
          (tf, in) -> tf.stack(reversed(tf.unstack(o(in.get(0)), 3L, Unstack.axis(1L)).output()))));
      cases.add(new Case("split(x, 2)[0]", List.of(m), in -> tf.split(in.get(0), 2).get(0),
          (tf, in) -> (Operand<?>) tf.split(tf.constant(0), o(in.get(0)), 2L).output().get(0)));
      cases.add(new Case("split(x, 2) swapped", List.of(m),
          in -> tf.concat(reversed(tf.split(in.get(0), 2)), 0),
          (tf, in) -> tf.concat(reversed(tf.split(tf.constant(0), o(in.get(0)), 2L).output()), tf.constant(0))));
      int[] sizes = {1, -1, 1};
      cases.add(new Case("split(x, [1, -1, 1], axis=1)[2]", List.of(m),
          in -> tf.split(in.get(0), sizes, 1).get(2),
          (tf, in) -> (Operand<?>) tf.splitV(o(in.get(0)), tf.constant(sizes), tf.constant(1), 3L).output().get(2)));
      cases.add(new Case("split(x, [1, -1, 1], axis=1) outer", List.of(m),
          in -> {
            List<Tensor> parts = tf.split(in.get(0), sizes, 1);
            return tf.concat(List.of(parts.get(2), parts.get(0)), 1);
          },
          (tf, in) -> {
            List<Operand> parts = (List) tf.splitV(o(in.get(0)), tf.constant(sizes), tf.constant(1), 3L).output();
            return tf.concat(List.of(parts.get(2), parts.get(0)), tf.constant(1));
          }));
    }
    return cases.stream().map(Case::test);
  }

  static <T> List<T> reversed(List<T> list) {
    List<T> out = new ArrayList<>(list);
    java.util.Collections.reverse(out);
    return out;
  }

  @TestFactory
  Stream<DynamicTest> slices() {
    List<Case> cases = new ArrayList<>();
    for (DType t : FLOATS) {
      Values v = x(t, 3, 4, 5);
      int[][][] boxes = {{{1, 2, 3}, {2, 1, 2}}, {{1, 0, 4}, {-1, -1, -1}}, {{0, 0, 0}, {3, 4, 5}}};
      for (int[][] box : boxes) {
        cases.add(new Case("slice" + Arrays.deepToString(box), List.of(v),
            in -> tf.slice(in.get(0), box[0], box[1]),
            (tf, in) -> tf.slice(o(in.get(0)), tf.constant(box[0]), tf.constant(box[1]))));
      }
      for (SliceSpec spec : SliceSpec.CASES) {
        int[] m = spec.masks();
        cases.add(new Case("strided_slice" + spec, List.of(v),
            in -> tf.strided_slice(in.get(0), spec.begin(), spec.end(), spec.strides(), m[0], m[1],
                m[2], m[3], m[4]),
            (tf, in) -> tf.stridedSlice(o(in.get(0)), tf.constant(spec.begin()),
                tf.constant(spec.end()), tf.constant(spec.strides()), spec.options())));
      }
      // Tensor.get: x[1:, ::-2] and x[-1, ..., None].
      cases.add(new Case("x[1:, ::-2]", List.of(v),
          in -> in.get(0).get(tf.slice_(1, null), tf.slice_(null, null, -2)),
          (tf, in) -> tf.stridedSlice(o(in.get(0)), tf.constant(new int[] {1, 0}),
              tf.constant(new int[] {0, 0}), tf.constant(new int[] {1, -2}),
              StridedSlice.beginMask(2L), StridedSlice.endMask(3L))));
      cases.add(new Case("x[-1, ..., None]", List.of(v), in -> in.get(0).get(-1, tf.ellipsis, tf.newaxis),
          (tf, in) -> tf.stridedSlice(o(in.get(0)), tf.constant(new int[] {-1, 0, 0}),
              tf.constant(new int[] {0, 0, 0}), tf.constant(new int[] {1, 1, 1}),
              StridedSlice.ellipsisMask(2L), StridedSlice.newAxisMask(4L), StridedSlice.shrinkAxisMask(1L))));
      for (SliceSpec.OfScalar index : SliceSpec.ON_A_SCALAR) {
        SliceSpec spec = index.spec();
        cases.add(new Case(spec.python(), List.of(x(t)), in -> in.get(0).get(index.items()),
            (tf, in) -> tf.stridedSlice(o(in.get(0)), tf.constant(spec.begin()),
                tf.constant(spec.end()), tf.constant(spec.strides()), spec.options())));
      }
      for (int[] axes : new int[][] {{0}, {-1}, {0, 2}}) {
        cases.add(new Case("reverse" + Arrays.toString(axes), List.of(v), in -> tf.reverse(in.get(0), axes),
            (tf, in) -> tf.reverse(o(in.get(0)), tf.constant(axes))));
      }
    }
    return cases.stream().map(Case::test);
  }

  @TestFactory
  Stream<DynamicTest> padAndTile() {
    List<Case> cases = new ArrayList<>();
    for (DType t : FLOATS) {
      Values v = x(t, 3, 4);
      int[][] p = {{1, 2}, {2, 1}};
      cases.add(new Case("pad", List.of(v), in -> tf.pad(in.get(0), p),
          (tf, in) -> raw(tf, "Pad", attrs(), in.get(0), tf.constant(p)).get(0)));
      // The constant gets no gradient; the tensor's is the middle of dy.
      cases.add(new Case("pad(CONSTANT, 3)", List.of(v), in -> tf.pad(in.get(0), p, "CONSTANT", 3),
          (tf, in) -> tf.pad(o(in.get(0)), tf.constant(p), Oracle.constant(tf, Values.of(t, s(), 3)))));
      for (String mode : List.of("REFLECT", "SYMMETRIC")) {
        cases.add(new Case("pad(" + mode + ")", List.of(v), in -> tf.pad(in.get(0), p, mode),
            (tf, in) -> tf.mirrorPad(o(in.get(0)), tf.constant(p), mode)));
      }
      int[][] wide = {{2, 3}, {3, 3}};
      cases.add(new Case("pad(SYMMETRIC, wide)", List.of(v), in -> tf.pad(in.get(0), wide, "SYMMETRIC"),
          (tf, in) -> tf.mirrorPad(o(in.get(0)), tf.constant(wide), "SYMMETRIC")));
      for (int[] multiples : new int[][] {{2, 1}, {1, 3}, {3, 2}}) {
        cases.add(new Case("tile" + Arrays.toString(multiples), List.of(v),
            in -> tf.tile(in.get(0), multiples), (tf, in) -> tf.tile(o(in.get(0)), tf.constant(multiples))));
      }
    }
    return cases.stream().map(Case::test);
  }

  @TestFactory
  Stream<DynamicTest> gathers() {
    List<Case> cases = new ArrayList<>();
    for (DType t : FLOATS) {
      Values params = x(t, 4, 3, 2);
      int[] repeated = {2, 0, 2, 3, 2};
      // (A negative axis is checked by finite differences in ShapeGradientCheckTest: TensorFlow
      // Java's C++ GatherV2 gradient slices with the unnormalised axis and fails.)
      for (int axis : new int[] {0, 1, 2}) {
        int[] idx = axis == 0 ? repeated : new int[] {1, 0, 1};
        cases.add(new Case("gather(axis=" + axis + ")", List.of(params),
            in -> tf.gather(in.get(0), idx, axis),
            (tf, in) -> tf.gather(o(in.get(0)), tf.constant(idx), tf.constant(axis))));
      }
      int[][] batchIdx = {{1, 1}, {0, 2}, {2, 2}, {0, 0}};
      cases.add(new Case("gather(axis=1, batch_dims=1)", List.of(params),
          in -> tf.gather(in.get(0), batchIdx, 1, 1),
          (tf, in) -> tf.gather(o(in.get(0)), tf.constant(batchIdx), tf.constant(1), Gather.batchDims(1L))));
      int[][] nd = {{1, 2}, {3, 0}, {1, 2}};
      cases.add(new Case("gather_nd", List.of(params), in -> tf.gather_nd(in.get(0), nd),
          (tf, in) -> tf.gatherNd(o(in.get(0)), tf.constant(nd))));
      int[][] full = {{1, 2, 1}, {0, 0, 0}, {1, 2, 1}};
      cases.add(new Case("gather_nd(full index)", List.of(params), in -> tf.gather_nd(in.get(0), full),
          (tf, in) -> tf.gatherNd(o(in.get(0)), tf.constant(full))));
      int[][] rows = {{3}, {1}, {3}};
      cases.add(new Case("gather_nd(rows)", List.of(params), in -> tf.gather_nd(in.get(0), rows),
          (tf, in) -> tf.gatherNd(o(in.get(0)), tf.constant(rows))));
      int[][] sIdx = {{1}, {3}, {1}};
      cases.add(new Case("scatter_nd", List.of(x(t, 3, 2)), in -> tf.scatter_nd(sIdx, in.get(0), 5, 2),
          (tf, in) -> tf.scatterNd(tf.constant(sIdx), o(in.get(0)), tf.constant(new int[] {5, 2}))));
    }
    return cases.stream().map(Case::test);
  }

  @TestFactory
  Stream<DynamicTest> reshapes() {
    List<Case> cases = new ArrayList<>();
    for (DType t : FLOATS) {
      Values v = x(t, 2, 3);
      cases.add(new Case("reshape", List.of(v), in -> tf.reshape(in.get(0), 3, -1),
          (tf, in) -> tf.reshape(o(in.get(0)), tf.constant(new int[] {3, -1}))));
      cases.add(new Case("transpose", List.of(v), in -> tf.transpose(in.get(0)),
          (tf, in) -> tf.linalg.transpose(o(in.get(0)), tf.constant(new int[] {1, 0}))));
      cases.add(new Case("expand_dims", List.of(v), in -> tf.expand_dims(in.get(0), -1),
          (tf, in) -> tf.expandDims(o(in.get(0)), tf.constant(-1))));
      cases.add(new Case("squeeze", List.of(x(t, 1, 3, 1)), in -> tf.squeeze(in.get(0)),
          (tf, in) -> tf.squeeze(o(in.get(0)))));
      cases.add(new Case("broadcast_to", List.of(x(t, 3, 1)), in -> tf.broadcast_to(in.get(0), 2, 3, 4),
          (tf, in) -> tf.broadcastTo(o(in.get(0)), tf.constant(new int[] {2, 3, 4}))));
      // meshgrid is reshapes and a product with ones, in TensorFlow and in TFJ.
      cases.add(new Case("meshgrid", List.of(x(t, 3), y(t, 2)),
          in -> tf.stack(tf.meshgrid(in.get(0), in.get(1))),
          (tf, in) -> {
            Operand ones = tf.ones(tf.constant(new int[] {2, 3}), Oracle.typeClass(t));
            return tf.stack(List.of(
                tf.math.mul(tf.reshape(o(in.get(0)), tf.constant(new int[] {1, -1})), ones),
                tf.math.mul(tf.reshape(o(in.get(1)), tf.constant(new int[] {-1, 1})), ones)));
          }));
    }
    return cases.stream().map(Case::test);
  }
}
