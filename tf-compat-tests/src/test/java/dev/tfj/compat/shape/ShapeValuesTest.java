package dev.tfj.compat.shape;

import static dev.tfj.compat.oracle.Oracle.o;
import static dev.tfj.compat.oracle.Oracle.s;
import static dev.tfj.compat.shape.ShapeOracle.ALL;
import static dev.tfj.compat.shape.ShapeOracle.BOOL;
import static dev.tfj.compat.shape.ShapeOracle.F32;
import static dev.tfj.compat.shape.ShapeOracle.F64;
import static dev.tfj.compat.shape.ShapeOracle.I32;
import static dev.tfj.compat.shape.ShapeOracle.I64;
import static dev.tfj.compat.shape.ShapeOracle.U8;
import static dev.tfj.compat.shape.ShapeOracle.attrs;
import static dev.tfj.compat.shape.ShapeOracle.iota;
import static dev.tfj.compat.shape.ShapeOracle.ints;
import static dev.tfj.compat.shape.ShapeOracle.raw;

import dev.tfj.Tensor;
import dev.tfj.compat.ComparedWithTensorFlow;
import dev.tfj.compat.oracle.Oracle;
import dev.tfj.compat.oracle.Oracle.Values;
import dev.tfj.compat.shape.ShapeOracle.Case;
import dev.tfj.eager.EagerRunner;
import dev.tfj.eager.TensorHandle;
import dev.tfj.ops.DType;
import dev.tfj.ops.OpRunner;
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
import org.tensorflow.op.core.OneHot;
import org.tensorflow.op.core.Stack;
import org.tensorflow.op.core.StridedSlice;
import org.tensorflow.op.core.Unstack;
import org.tensorflow.types.TInt64;

/**
 * The shape and indexing ops, run in TFJ (through the tf.* functions a user calls) and in
 * TensorFlow Java's eager mode on the same inputs, for every TFJ dtype the kernels accept:
 * several shapes, negative axes, empty tensors, repeated and out-of-range (where TensorFlow
 * allows it) indices. These ops move data, so every element must be equal; only linspace does
 * arithmetic, and it too agrees to the bit.
 */
@ComparedWithTensorFlow({"ConcatV2", "Pack", "Unpack", "Split", "SplitV", "Slice", "StridedSlice",
    "StridedSliceGrad", "ReverseV2", "Pad", "PadV2", "MirrorPad", "MirrorPadGrad", "Tile",
    "GatherV2", "GatherNd", "ScatterNd", "OneHot", "Shape", "Size", "Rank"})
@SuppressWarnings({"unchecked", "rawtypes"})
class ShapeValuesTest {

  static Function<List<Tensor>, Tensor> first(Function<Tensor, Tensor> f) {
    return x -> f.apply(x.get(0));
  }

  // ---- reshape, transpose, expand_dims, squeeze, broadcast_to ----

  @TestFactory
  Stream<DynamicTest> reshapeTransposeExpandSqueeze() {
    List<Case> cases = new ArrayList<>();
    for (DType t : ALL) {
      Values x = iota(t, 2, 3, 4);
      for (long[] shape : new long[][] {s(4, 6), s(-1), s(3, -1, 2), s(24, 1)}) {
        cases.add(Case.of("reshape" + Arrays.toString(shape), List.of(x),
            first(a -> tf.reshape(a, shape)), (tf, in) -> List.of(tf.reshape(o(in.get(0)), tf.constant(shape)))));
      }
      cases.add(Case.of("reshape(empty)", List.of(iota(t, 0, 3)), first(a -> tf.reshape(a, 3, 0, -1)),
          (tf, in) -> List.of(tf.reshape(o(in.get(0)), tf.constant(new long[] {3, 0, -1})))));
      cases.add(Case.of("transpose", List.of(x), first(tf::transpose),
          (tf, in) -> List.of(tf.linalg.transpose(o(in.get(0)), tf.constant(new int[] {2, 1, 0})))));
      int[] perm = {1, 2, 0};
      cases.add(Case.of("transpose[1,2,0]", List.of(x), first(a -> tf.transpose(a, perm)),
          (tf, in) -> List.of(tf.linalg.transpose(o(in.get(0)), tf.constant(perm)))));
      for (int axis : new int[] {0, 2, 3, -1, -4}) {
        cases.add(Case.of("expand_dims(" + axis + ")", List.of(x), first(a -> tf.expand_dims(a, axis)),
            (tf, in) -> List.of(tf.expandDims(o(in.get(0)), tf.constant(axis)))));
      }
      Values ones = iota(t, 1, 3, 1, 1);
      cases.add(Case.of("squeeze", List.of(ones), first(tf::squeeze),
          (tf, in) -> raw(tf, "Squeeze", attrs(), in.get(0))));
      cases.add(Case.of("squeeze(-1)", List.of(ones), first(a -> tf.squeeze(a, -1)),
          (tf, in) -> List.of(tf.squeeze(o(in.get(0)), org.tensorflow.op.core.Squeeze.axis(-1L)))));
      cases.add(Case.of("squeeze([0, 2])", List.of(ones), first(a -> tf.squeeze(a, new int[] {0, 2})),
          (tf, in) -> List.of(tf.squeeze(o(in.get(0)), org.tensorflow.op.core.Squeeze.axis(0L, 2L)))));
      for (long[][] sh : new long[][][] {{s(3), s(2, 3)}, {s(2, 1), s(2, 4)}, {s(), s(2, 2)},
          {s(1, 3), s(4, 2, 3)}, {s(2), s(0, 2)}}) {
        cases.add(Case.of("broadcast_to" + Arrays.toString(sh[1]), List.of(iota(t, sh[0])),
            first(a -> tf.broadcast_to(a, sh[1])),
            (tf, in) -> List.of(tf.broadcastTo(o(in.get(0)), tf.constant(sh[1])))));
      }
    }
    return cases.stream().map(Case::test);
  }

  // ---- concat, stack, unstack, split ----

  @TestFactory
  Stream<DynamicTest> joinAndSplit() {
    List<Case> cases = new ArrayList<>();
    for (DType t : ALL) {
      Values a = iota(t, 2, 3);
      Values b = Oracle.iota(t, s(2, 3), 10, 1);
      Values c = Oracle.iota(t, s(2, 1), 20, 1);
      if (t == BOOL || t == U8) {
        b = iota(t, 2, 3);
        c = iota(t, 2, 1);
      }
      for (int axis : new int[] {0, 1, -1, -2}) {
        cases.add(Case.of("concat(axis=" + axis + ")", List.of(a, b),
            x -> tf.concat(x, axis), (tf, x) -> List.of(tf.concat((List) x, tf.constant(axis)))));
        cases.add(Case.of("stack(axis=" + axis + ")", List.of(a, b),
            x -> tf.stack(x, axis), (tf, x) -> List.of(tf.stack((List) x, Stack.axis((long) axis)))));
        int n = (int) a.shape()[axis < 0 ? axis + 2 : axis];
        cases.add(Case.multi("unstack(axis=" + axis + ")", List.of(a),
            x -> tf.unstack(x.get(0), null, axis),
            (tf, x) -> tf.unstack(o(x.get(0)), (long) n, Unstack.axis((long) axis)).output()));
      }
      cases.add(Case.of("stack(axis=2)", List.of(a, b, a), x -> tf.stack(x, 2),
          (tf, x) -> List.of(tf.stack((List) x, Stack.axis(2L)))));
      cases.add(Case.of("concat(ragged)", List.of(a, c, b), x -> tf.concat(x, 1),
          (tf, x) -> List.of(tf.concat((List) x, tf.constant(1)))));
      cases.add(Case.of("concat(empty part)", List.of(iota(t, 0, 3), a), x -> tf.concat(x, 0),
          (tf, x) -> List.of(tf.concat((List) x, tf.constant(0)))));
      cases.add(Case.of("stack(scalars)", List.of(iota(t), iota(t)), x -> tf.stack(x),
          (tf, x) -> List.of(tf.stack((List) x))));
      Values six = iota(t, 6, 2);
      for (int axis : new int[] {0, -2}) {
        cases.add(Case.multi("split(3, axis=" + axis + ")", List.of(six),
            x -> tf.split(x.get(0), 3, axis),
            (tf, x) -> tf.split(tf.constant(axis), o(x.get(0)), 3L).output()));
      }
      cases.add(Case.multi("split(2, axis=1)", List.of(six), x -> tf.split(x.get(0), 2, 1),
          (tf, x) -> tf.split(tf.constant(1), o(x.get(0)), 2L).output()));
      for (int[] sizes : new int[][] {{1, 2, 3}, {4, -1}, {0, 6}, {-1, 0}}) {
        cases.add(Case.multi("split(" + Arrays.toString(sizes) + ")", List.of(six),
            x -> tf.split(x.get(0), sizes),
            (tf, x) -> tf.splitV(o(x.get(0)), tf.constant(sizes), tf.constant(0), (long) sizes.length)
                .output()));
      }
      cases.add(Case.multi("split([1, 1], axis=-1)", List.of(six), x -> tf.split(x.get(0), new int[] {1, 1}, -1),
          (tf, x) -> tf.splitV(o(x.get(0)), tf.constant(new int[] {1, 1}), tf.constant(-1), 2L).output()));
      cases.add(Case.multi("split(empty, 2)", List.of(iota(t, 0, 4)), x -> tf.split(x.get(0), 2, 1),
          (tf, x) -> tf.split(tf.constant(1), o(x.get(0)), 2L).output()));
    }
    return cases.stream().map(Case::test);
  }

  // ---- slice, strided_slice, reverse ----

  @TestFactory
  Stream<DynamicTest> slices() {
    List<Case> cases = new ArrayList<>();
    for (DType t : ALL) {
      Values x = iota(t, 3, 4, 5);
      int[][][] boxes = {{{0, 0, 0}, {3, 4, 5}}, {{1, 2, 3}, {2, 1, 2}}, {{1, 0, 4}, {-1, -1, -1}},
          {{2, 4, 0}, {1, 0, 5}}};
      for (int[][] box : boxes) {
        cases.add(Case.of("slice" + Arrays.deepToString(box), List.of(x),
            first(a -> tf.slice(a, box[0], box[1])),
            (tf, in) -> List.of(tf.slice(o(in.get(0)), tf.constant(box[0]), tf.constant(box[1])))));
      }
      for (SliceSpec spec : SliceSpec.CASES) {
        cases.add(Case.of("strided_slice" + spec, List.of(x),
            first(a -> tf.strided_slice(a, spec.begin(), spec.end(), spec.strides(), spec.masks()[0],
                spec.masks()[1], spec.masks()[2], spec.masks()[3], spec.masks()[4])),
            (tf, in) -> List.of(tf.stridedSlice(o(in.get(0)), tf.constant(spec.begin()),
                tf.constant(spec.end()), tf.constant(spec.strides()), spec.options()))));
      }
      for (int[] axes : new int[][] {{0}, {1}, {-1}, {0, 2}, {}, {2, 0, 1}}) {
        cases.add(Case.of("reverse" + Arrays.toString(axes), List.of(x),
            first(a -> tf.reverse(a, axes)),
            (tf, in) -> List.of(tf.reverse(o(in.get(0)), tf.constant(axes)))));
      }
      for (SliceSpec.OfScalar index : SliceSpec.ON_A_SCALAR) {
        SliceSpec spec = index.spec();
        cases.add(Case.of(spec.python(), List.of(iota(t)), first(a -> a.get(index.items())),
            (tf, in) -> List.of(tf.stridedSlice(o(in.get(0)), tf.constant(spec.begin()),
                tf.constant(spec.end()), tf.constant(spec.strides()), spec.options()))));
      }
      cases.add(Case.of("reverse(scalar)", List.of(iota(t)), first(a -> tf.reverse(a, new int[] {0})),
          (tf, in) -> List.of(tf.reverse(o(in.get(0)), tf.constant(new int[] {0})))));
      cases.add(Case.of("reverse(empty)", List.of(iota(t, 0, 2)), first(a -> tf.reverse(a, new int[] {7})),
          (tf, in) -> List.of(tf.reverse(o(in.get(0)), tf.constant(new int[] {7})))));
    }
    // int64 begin/end/strides, as Tensor.get packs them for int64 index tensors.
    Values x = iota(F32, 3, 4);
    cases.add(Case.of("strided_slice(int64 indices)", List.of(x),
        first(a -> a.get(tf.constant(1L), tf.slice_(null, null, -2))),
        (tf, in) -> List.of(tf.stridedSlice(o(in.get(0)), tf.constant(new long[] {1, 0}),
            tf.constant(new long[] {2, 0}), tf.constant(new long[] {1, -2}),
            StridedSlice.endMask(2L), StridedSlice.beginMask(2L), StridedSlice.shrinkAxisMask(1L)))));
    return cases.stream().map(Case::test);
  }

  /** StridedSliceGrad and MirrorPadGrad, which only gradients emit, through TFJ's op runner. */
  @TestFactory
  Stream<DynamicTest> gradientOps() {
    List<Case> cases = new ArrayList<>();
    OpRunner run = EagerRunner.INSTANCE;
    for (DType t : List.of(F32, F64, I32, I64)) {
      for (SliceSpec spec : SliceSpec.CASES) {
        long[] shape = {3, 4, 5};
        Values dy = iota(t, spec.outputShape(shape));
        cases.add(Case.of("StridedSliceGrad" + spec, List.of(dy),
            x -> viaRunner(x, h -> run.stridedSliceGrad(run.int32s(shape), run.int32s(spec.begin()),
                run.int32s(spec.end()), run.int32s(spec.strides()), h.get(0),
                OpRunner.sliceMasks(spec.masks()[0], spec.masks()[1], spec.masks()[2], spec.masks()[3],
                    spec.masks()[4]))),
            (tf, x) -> List.of(tf.stridedSliceGrad(tf.constant(toInts(shape)), tf.constant(spec.begin()),
                tf.constant(spec.end()), tf.constant(spec.strides()), o(x.get(0)), spec.gradOptions()))));
      }
      int[][][] paddings = {{{1, 2}, {0, 3}}, {{2, 2}, {1, 1}}, {{0, 0}, {3, 0}}};
      for (String mode : List.of("REFLECT", "SYMMETRIC")) {
        for (int[][] p : paddings) {
          Values g = Oracle.iota(t, s(7, 8), 1, 1);
          cases.add(Case.of("MirrorPadGrad(" + mode + ", " + Arrays.deepToString(p) + ")", List.of(g),
              x -> viaRunner(x, h -> run.mirrorPadGrad(h.get(0), run.paddingsMatrix(longs(p)), mode)),
              (tf, x) -> raw(tf, "MirrorPadGrad", attrs("mode", mode), x.get(0), tf.constant(p))));
        }
      }
    }
    return cases.stream().map(Case::test);
  }

  static long[][] longs(int[][] p) {
    return Arrays.stream(p).map(r -> Arrays.stream(r).asLongStream().toArray()).toArray(long[][]::new);
  }

  /** Runs TFJ ops on the handles of {@code in} (for ops no tf.* function emits). */
  static Tensor viaRunner(List<Tensor> in, Function<List<TensorHandle>, dev.tfj.ops.Operand> f) {
    List<TensorHandle> handles = new ArrayList<>();
    for (Tensor t : in) {
      Values v = Oracle.of(t);
      Object flat = dev.tfj.ops.HostArrays.allocate(v.dtype(), v.data().length);
      for (int i = 0; i < v.data().length; i++) {
        java.lang.reflect.Array.set(flat, i, v.dtype() == BOOL ? (Object) (v.data()[i] != 0)
            : dev.tfj.ops.HostArrays.scalarElement(v.dtype(), v.data()[i]));
      }
      handles.add(EagerRunner.INSTANCE.constant(v.dtype(), v.shape(), flat));
    }
    return Oracle.tfj(Oracle.of((TensorHandle) f.apply(handles)));
  }

  // ---- pad, tile ----

  @TestFactory
  Stream<DynamicTest> padAndTile() {
    List<Case> cases = new ArrayList<>();
    for (DType t : ALL) {
      Values x = iota(t, 2, 3);
      int[][][] paddings = {{{1, 1}, {2, 2}}, {{0, 1}, {2, 0}}, {{0, 0}, {0, 0}}, {{1, 0}, {0, 1}}};
      for (int[][] p : paddings) {
        cases.add(Case.of("pad" + Arrays.deepToString(p), List.of(x), first(a -> tf.pad(a, p)),
            (tf, in) -> raw(tf, "Pad", attrs(), in.get(0), tf.constant(p))));
        cases.add(Case.of("pad(SYMMETRIC)" + Arrays.deepToString(p), List.of(x),
            first(a -> tf.pad(a, p, "symmetric")),
            (tf, in) -> List.of(tf.mirrorPad(o(in.get(0)), tf.constant(p), "SYMMETRIC"))));
        int[][] reflect = {{Math.min(p[0][0], 1), Math.min(p[0][1], 1)}, p[1]};
        cases.add(Case.of("pad(REFLECT)" + Arrays.deepToString(reflect), List.of(x),
            first(a -> tf.pad(a, reflect, "REFLECT")),
            (tf, in) -> List.of(tf.mirrorPad(o(in.get(0)), tf.constant(reflect), "REFLECT"))));
      }
      Values seven = Values.of(t, s(), t == BOOL ? 1 : 7);
      cases.add(Case.of("pad(CONSTANT, 7)", List.of(x, seven), x2 -> tf.pad(x2.get(0), paddings[0], "CONSTANT", x2.get(1)),
          (tf, in) -> List.of(tf.pad(o(in.get(0)), tf.constant(paddings[0]), o(in.get(1))))));
      for (int[] multiples : new int[][] {{1, 1}, {2, 1}, {1, 3}, {2, 2}, {0, 2}}) {
        cases.add(Case.of("tile" + Arrays.toString(multiples), List.of(x),
            first(a -> tf.tile(a, multiples)),
            (tf, in) -> List.of(tf.tile(o(in.get(0)), tf.constant(multiples)))));
      }
      cases.add(Case.of("tile(rank 3)", List.of(iota(t, 2, 1, 2)), first(a -> tf.tile(a, new int[] {1, 3, 2})),
          (tf, in) -> List.of(tf.tile(o(in.get(0)), tf.constant(new int[] {1, 3, 2})))));
    }
    // A Java number beside the tensor takes its dtype; a plain zero pads with Pad.
    Values f = iota(F32, 2, 2);
    cases.add(Case.of("pad(CONSTANT, 1.5)", List.of(f), first(a -> tf.pad(a, new int[][] {{1, 0}, {0, 1}}, "constant", 1.5)),
        (tf, in) -> List.of(tf.pad(o(in.get(0)), tf.constant(new int[][] {{1, 0}, {0, 1}}), tf.constant(1.5f)))));
    return cases.stream().map(Case::test);
  }

  // ---- gather, gather_nd, scatter_nd, one_hot ----

  @TestFactory
  Stream<DynamicTest> gathers() {
    List<Case> cases = new ArrayList<>();
    for (DType t : ALL) {
      Values params = iota(t, 3, 4, 2);
      Values idx = ints(s(2, 2), 1, 0, 0, 1);
      cases.add(Case.of("gather(repeated indices)", List.of(params, ints(s(4), 2, 0, 2, 2)),
          x -> tf.gather(x.get(0), x.get(1)), (tf, x) -> List.of(tf.gather(o(x.get(0)), o(x.get(1)), tf.constant(0)))));
      for (int axis : new int[] {0, 1, 2, -1, -3}) {
        cases.add(Case.of("gather(axis=" + axis + ")", List.of(params, idx),
            x -> tf.gather(x.get(0), x.get(1), axis),
            (tf, x) -> List.of(tf.gather(o(x.get(0)), o(x.get(1)), tf.constant(axis)))));
      }
      cases.add(Case.of("gather(scalar index)", List.of(params, ints(s(), 1)),
          x -> tf.gather(x.get(0), x.get(1)), (tf, x) -> List.of(tf.gather(o(x.get(0)), o(x.get(1)), tf.constant(0)))));
      cases.add(Case.of("gather(empty indices)", List.of(params, ints(s(0))),
          x -> tf.gather(x.get(0), x.get(1), 1), (tf, x) -> List.of(tf.gather(o(x.get(0)), o(x.get(1)), tf.constant(1)))));
      Values batchIdx = ints(s(3, 2), 1, 1, 0, 3, 2, 0);
      for (int axis : new int[] {1, 2}) {
        int limited = axis;
        Values bi = axis == 2 ? ints(s(3, 2), 1, 1, 0, 1, 0, 0) : batchIdx;
        cases.add(Case.of("gather(axis=" + axis + ", batch_dims=1)", List.of(params, bi),
            x -> tf.gather(x.get(0), x.get(1), limited, 1),
            (tf, x) -> List.of(tf.gather(o(x.get(0)), o(x.get(1)), tf.constant(limited), Gather.batchDims(1L)))));
      }
      // TensorFlow's Python takes axis = batch_dims = -1 here: the last axis of params.
      Values lastIdx = ints(s(3, 2), 1, 1, 0, 1, 0, 0);
      cases.add(Case.of("gather(axis=None, batch_dims=-1)", List.of(params, lastIdx),
          x -> tf.gather(x.get(0), x.get(1), null, -1),
          (tf, x) -> List.of(tf.gather(o(x.get(0)), o(x.get(1)), tf.constant(-1), Gather.batchDims(-1L)))));
      Values idx64 = Values.of(I64, s(3), 3, 3, 1);
      cases.add(Case.of("gather(int64 indices)", List.of(params, idx64),
          x -> tf.gather(x.get(0), x.get(1), 1), (tf, x) -> List.of(tf.gather(o(x.get(0)), o(x.get(1)), tf.constant(1)))));

      Values nd = ints(s(3, 2), 0, 1, 2, 3, 0, 1);
      cases.add(Case.of("gather_nd([3, 2])", List.of(params, nd), x -> tf.gather_nd(x.get(0), x.get(1)),
          (tf, x) -> List.of(tf.gatherNd(o(x.get(0)), o(x.get(1))))));
      cases.add(Case.of("gather_nd([2, 1, 3])", List.of(params, ints(s(2, 1, 3), 2, 3, 1, 0, 0, 0)),
          x -> tf.gather_nd(x.get(0), x.get(1)), (tf, x) -> List.of(tf.gatherNd(o(x.get(0)), o(x.get(1))))));
      cases.add(Case.of("gather_nd([2, 0])", List.of(params, ints(s(2, 0))),
          x -> tf.gather_nd(x.get(0), x.get(1)), (tf, x) -> List.of(tf.gatherNd(o(x.get(0)), o(x.get(1))))));
      // batch_dims = 1: TensorFlow's Python composite, spelled out on TensorFlow's side.
      Values bnd = ints(s(3, 2, 1), 1, 3, 0, 0, 2, 1);
      cases.add(Case.of("gather_nd(batch_dims=1)", List.of(params, bnd),
          x -> tf.gather_nd(x.get(0), x.get(1), 1),
          (tf, x) -> List.of(tf.gatherNd(o(x.get(0)), tf.constant(new int[][][] {{{0, 1}, {0, 3}},
              {{1, 0}, {1, 0}}, {{2, 2}, {2, 1}}})))));

      Values updates = iota(t, 3, 2);
      for (long[] shape : new long[][] {s(4, 2), s(5, 2)}) {
        cases.add(Case.of("scatter_nd" + Arrays.toString(shape), List.of(ints(s(3, 1), 1, 3, 1), updates),
            x -> tf.scatter_nd(x.get(0), x.get(1), shape),
            (tf, x) -> List.of(tf.scatterNd(o(x.get(0)), o(x.get(1)), tf.constant(toInts(shape))))));
      }
      cases.add(Case.of("scatter_nd(full index)", List.of(ints(s(2, 2), 0, 1, 2, 0), iota(t, 2)),
          x -> tf.scatter_nd(x.get(0), x.get(1), 3, 2),
          (tf, x) -> List.of(tf.scatterNd(o(x.get(0)), o(x.get(1)), tf.constant(new int[] {3, 2})))));
      cases.add(Case.of("scatter_nd(no updates)", List.of(ints(s(0, 2)), iota(t, 0, 3)),
          x -> tf.scatter_nd(x.get(0), x.get(1), 2, 2, 3),
          (tf, x) -> List.of(tf.scatterNd(o(x.get(0)), o(x.get(1)), tf.constant(new int[] {2, 2, 3})))));
    }
    // one_hot: out-of-range and negative indices give off_value rows.
    Values labels = ints(s(2, 3), 0, 2, -1, 3, 1, 1);
    for (int axis : new int[] {-1, 0, 1, 2}) {
      cases.add(Case.of("one_hot(axis=" + axis + ")", List.of(labels),
          first(a -> tf.one_hot(a, 3, null, null, axis)),
          (tf, x) -> List.of(tf.oneHot(o(x.get(0)), tf.constant(3), tf.constant(1f), tf.constant(0f),
              OneHot.axis((long) axis)))));
    }
    for (DType t : ALL) {
      Values on = Values.of(t, s(), t == BOOL ? 1 : 5);
      Values off = Values.of(t, s(), t == BOOL ? 0 : 2);
      cases.add(Case.of("one_hot(on, off)", List.of(labels, on, off),
          x -> tf.one_hot(x.get(0), 4, x.get(1), x.get(2)),
          (tf, x) -> List.of(tf.oneHot(o(x.get(0)), tf.constant(4), o(x.get(1)), o(x.get(2))))));
    }
    cases.add(Case.of("one_hot(uint8 indices, dtype=int64)", List.of(Values.of(U8, s(3), 0, 255, 2)),
        first(a -> tf.one_hot(a, 3, null, null, -1, tf.int64)),
        (tf, x) -> List.of(tf.oneHot(o(x.get(0)), tf.constant(3), tf.constant(1L), tf.constant(0L)))));
    cases.add(Case.of("one_hot(depth 0)", List.of(labels), first(a -> tf.one_hot(a, 0)),
        (tf, x) -> List.of(tf.oneHot(o(x.get(0)), tf.constant(0), tf.constant(1f), tf.constant(0f)))));
    return cases.stream().map(Case::test);
  }

  static int[] toInts(long[] v) {
    return Arrays.stream(v).mapToInt(l -> (int) l).toArray();
  }

  // ---- shape, size, rank, range, linspace, meshgrid ----

  @TestFactory
  Stream<DynamicTest> shapesAndSequences() {
    List<Case> cases = new ArrayList<>();
    for (long[] shape : new long[][] {s(), s(3), s(2, 0, 4), s(2, 3, 4)}) {
      Values x = iota(F32, shape);
      cases.add(Case.of("shape", List.of(x), first(tf::shape), (tf, in) -> List.of(tf.shape(o(in.get(0))))));
      cases.add(Case.of("shape(int64)", List.of(x), first(a -> tf.shape(a, tf.int64)),
          (tf, in) -> List.of(tf.shape(o(in.get(0)), TInt64.class))));
      cases.add(Case.of("size", List.of(x), first(tf::size), (tf, in) -> List.of(tf.size(o(in.get(0))))));
      cases.add(Case.of("size(int64)", List.of(x), first(a -> tf.size(a, tf.int64)),
          (tf, in) -> List.of(tf.size(o(in.get(0)), TInt64.class))));
      cases.add(Case.of("rank", List.of(x), first(tf::rank), (tf, in) -> List.of(tf.rank(o(in.get(0))))));
    }
    // range with fractional steps: TensorFlow's kernel computes element i as start + i * delta.
    double[][] ranges = {{0, 1, 0.1}, {-1, 1, 0.7}, {3, 0, -0.5}, {0.5, 2, 0.3}, {1, 1, 0.5}, {0, 10, 1.5}};
    for (DType t : List.of(F32, F64)) {
      for (double[] r : ranges) {
        List<Values> in = List.of(Values.of(t, s(), r[0]), Values.of(t, s(), r[1]), Values.of(t, s(), r[2]));
        cases.add(Case.of("range" + Arrays.toString(r), in, x -> tf.range(x.get(0), x.get(1), x.get(2)),
            (tf, x) -> List.of(tf.range(o(x.get(0)), o(x.get(1)), o(x.get(2))))));
      }
    }
    cases.add(Case.of("range(java floats)", List.of(), x -> tf.range(0.0, 1.0, 0.1),
        (tf, x) -> List.of(tf.range(tf.constant(0f), tf.constant(1f), tf.constant(0.1f)))));
    // range(limit) with the other arguments by keyword: start is 0, in the dtype asked for.
    cases.add(Case.of("range(3, dtype=float32)", List.of(), x -> tf.range(3, null, 1, tf.float32),
        (tf, x) -> List.of(tf.range(tf.constant(0f), tf.constant(3f), tf.constant(1f)))));
    cases.add(Case.of("range(5, delta=2, dtype=int64)", List.of(), x -> tf.range(5, null, 2, tf.int64),
        (tf, x) -> List.of(tf.range(tf.constant(0L), tf.constant(5L), tf.constant(2L)))));
    cases.add(Case.of("range(2.5, None)", List.of(), x -> tf.range(2.5f, null),
        (tf, x) -> List.of(tf.range(tf.constant(0f), tf.constant(2.5f), tf.constant(1f)))));
    cases.add(Case.of("range(int64 tensor, dtype=float64)", List.of(),
        x -> tf.range(tf.constant(4L), null, 1, tf.float64),
        (tf, x) -> List.of(tf.range(tf.constant(0.0), tf.constant(4.0), tf.constant(1.0)))));
    // linspace against TensorFlow's LinSpace kernel (same formula as tf.linspace's composite).
    // (num = 0, which tf.linspace allows and LinSpace does not, is in ShapeApiTest.)
    double[][] spaces = {{0, 1, 5}, {-2.5, 7, 11}, {3, -1, 2}, {1, 5, 1}, {0.1, 0.7, 7}};
    for (DType t : List.of(F32, F64)) {
      for (double[] l : spaces) {
        List<Values> in = List.of(Values.of(t, s(), l[0]), Values.of(t, s(), l[1]));
        int num = (int) l[2];
        cases.add(Case.of("linspace" + Arrays.toString(l), in, x -> tf.linspace(x.get(0), x.get(1), num),
            (tf, x) -> List.of(tf.linSpace(o(x.get(0)), o(x.get(1)), tf.constant(num)))));
      }
    }
    cases.add(Case.of("linspace(int32 -> float64)", List.of(ints(s(), 0), ints(s(), 10)),
        x -> tf.linspace(x.get(0), x.get(1), 4),
        (tf, x) -> List.of(tf.linSpace(tf.constant(0.0), tf.constant(10.0), tf.constant(4)))));
    // Vector start and stop, points along axis 0 and -1.
    List<Values> vec = List.of(Values.f32(s(2), 0, 10), Values.f32(s(2), 1, 20));
    cases.add(Case.of("linspace(vectors, axis=0)", vec, x -> tf.linspace(x.get(0), x.get(1), 3),
        (tf, x) -> List.of(tf.linalg.transpose(tf.stack(List.of(
            tf.linSpace(tf.constant(0f), tf.constant(1f), tf.constant(3)),
            tf.linSpace(tf.constant(10f), tf.constant(20f), tf.constant(3)))), tf.constant(new int[] {1, 0})))));
    cases.add(Case.of("linspace(vectors, axis=-1)", vec, x -> tf.linspace(x.get(0), x.get(1), 3, -1),
        (tf, x) -> List.of(tf.stack(List.of(
            tf.linSpace(tf.constant(0f), tf.constant(1f), tf.constant(3)),
            tf.linSpace(tf.constant(10f), tf.constant(20f), tf.constant(3)))))));
    // meshgrid: each grid is its input broadcast along the other axes.
    for (DType t : List.of(F32, F64, I32, I64, U8)) {
      List<Values> xyz = List.of(iota(t, 3), iota(t, 2), iota(t, 4));
      cases.add(Case.multi("meshgrid(xy)", xyz, x -> tf.meshgrid(x.get(0), x.get(1), x.get(2)),
          (tf, x) -> List.of(
              tf.broadcastTo(tf.reshape(o(x.get(0)), tf.constant(new int[] {1, 3, 1})), tf.constant(new int[] {2, 3, 4})),
              tf.broadcastTo(tf.reshape(o(x.get(1)), tf.constant(new int[] {2, 1, 1})), tf.constant(new int[] {2, 3, 4})),
              tf.broadcastTo(tf.reshape(o(x.get(2)), tf.constant(new int[] {1, 1, 4})), tf.constant(new int[] {2, 3, 4})))));
      cases.add(Case.multi("meshgrid(ij)", xyz, x -> tf.meshgrid(x, "ij"),
          (tf, x) -> List.of(
              tf.broadcastTo(tf.reshape(o(x.get(0)), tf.constant(new int[] {3, 1, 1})), tf.constant(new int[] {3, 2, 4})),
              tf.broadcastTo(tf.reshape(o(x.get(1)), tf.constant(new int[] {1, 2, 1})), tf.constant(new int[] {3, 2, 4})),
              tf.broadcastTo(tf.reshape(o(x.get(2)), tf.constant(new int[] {1, 1, 4})), tf.constant(new int[] {3, 2, 4})))));
    }
    return cases.stream().map(Case::test);
  }
}
