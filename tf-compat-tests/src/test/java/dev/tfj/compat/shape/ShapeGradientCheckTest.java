package dev.tfj.compat.shape;

import static dev.tfj.compat.gradcheck.GradientChecker.check;
import static dev.tfj.compat.gradcheck.GradientChecker.checkSecondOrder;
import static dev.tfj.compat.gradcheck.GradientChecker.uniform;

import dev.tfj.Tensor;
import dev.tfj.tf;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every differentiable shape and indexing op against float64 central differences of TFJ's own
 * forward ops (GradientCheckTest.COVERAGE points here), second order for the ops only gradients
 * emit (StridedSliceGrad, MirrorPadGrad, ScatterNd through gather). Where TensorFlow Java cannot
 * give the reference, these are it: gather along a negative axis (its C++ gradient fails),
 * tf.linspace (a Python composite there; TensorFlow Java's LinSpace has no gradient).
 */
class ShapeGradientCheckTest {
  static Tensor x(long... shape) {
    return uniform(shape, -2, 2, 11);
  }

  static Tensor y(long... shape) {
    return uniform(shape, -2, 2, 12);
  }

  @Test
  void concatStackUnstack() {
    check("concat", xs -> tf.concat(xs, 1), x(2, 3), y(2, 1)).assertRan("ConcatV2");
    check("stack", xs -> tf.stack(xs, 1), x(2, 3), y(2, 3)).assertRan("Pack");
    // Outputs 0 and 2 unused: the tape gives them zero gradients.
    check("unstack(x)[1] * unstack(x)[3]", xs -> {
      List<Tensor> rows = tf.unstack(xs.get(0));
      return tf.multiply(rows.get(1), rows.get(3));
    }, x(4, 3)).assertRan("Unpack");
  }

  @Test
  void splits() {
    check("split(x, 3)[1]^2", xs -> tf.square(tf.split(xs.get(0), 3, 1).get(1)), x(2, 6))
        .assertRan("Split");
    check("split(x, [2, -1])[0] * 3", xs -> tf.multiply(tf.split(xs.get(0), new int[] {2, -1}).get(0), 3.0),
        x(5, 2)).assertRan("SplitV");
  }

  @Test
  void slicesAndReverse() {
    check("slice", xs -> tf.slice(xs.get(0), new int[] {1, 0, 2}, new int[] {1, -1, 2}), x(3, 4, 5))
        .assertRan("Slice");
    for (SliceSpec spec : SliceSpec.CASES) {
      int[] m = spec.masks();
      check("strided_slice" + spec, xs -> tf.strided_slice(xs.get(0), spec.begin(), spec.end(),
          spec.strides(), m[0], m[1], m[2], m[3], m[4]), x(3, 4, 5)).assertRan("StridedSlice");
    }
    for (SliceSpec.OfScalar index : SliceSpec.ON_A_SCALAR) {
      check(index.spec().python(), xs -> tf.multiply(xs.get(0).get(index.items()), xs.get(0)), x())
          .assertRan("StridedSlice");
    }
    check("x[::-1, 1]", xs -> xs.get(0).get(tf.slice_(null, null, -1), 1), x(3, 4))
        .assertRan("StridedSlice");
    check("reverse", xs -> tf.reverse(xs.get(0), new int[] {0, -1}), x(3, 4)).assertRan("ReverseV2");
  }

  @Test
  void stridedSliceGradThroughTheSecondDerivative() {
    checkSecondOrder("strided_slice(x)^2", xs -> tf.square(xs.get(0).get(tf.slice_(1, null),
        tf.slice_(null, null, -2))), x(3, 4)).assertRan("StridedSliceGrad");
  }

  @Test
  void padsAndTile() {
    int[][] p = {{1, 2}, {2, 1}};
    check("pad", xs -> tf.pad(xs.get(0), p), x(3, 4)).assertRan("Pad");
    check("pad(CONSTANT, 2)", xs -> tf.pad(xs.get(0), p, "CONSTANT", 2), x(3, 4)).assertRan("PadV2");
    check("pad(REFLECT)", xs -> tf.pad(xs.get(0), p, "REFLECT"), x(3, 4)).assertRan("MirrorPad");
    check("pad(SYMMETRIC)", xs -> tf.pad(xs.get(0), new int[][] {{3, 2}, {4, 4}}, "SYMMETRIC"), x(3, 4))
        .assertRan("MirrorPad");
    check("tile", xs -> tf.tile(xs.get(0), new int[] {2, 3}), x(2, 3)).assertRan("Tile");
  }

  @Test
  void mirrorPadGradThroughTheSecondDerivative() {
    checkSecondOrder("pad(x, REFLECT)^2", xs -> tf.square(tf.pad(xs.get(0), new int[][] {{2, 1}, {1, 2}},
        "REFLECT")), x(3, 4)).assertRan("MirrorPadGrad");
    checkSecondOrder("pad(x, SYMMETRIC)^2", xs -> tf.square(tf.pad(xs.get(0), new int[][] {{3, 1}, {0, 4}},
        "SYMMETRIC")), x(3, 4)).assertRan("MirrorPadGrad");
  }

  @Test
  void gathers() {
    check("gather(axis=-1)", xs -> tf.gather(xs.get(0), new int[] {1, 0, 1, 1}, -1), x(3, 2))
        .assertRan("GatherV2");
    check("gather(axis=2, batch_dims=1)", xs -> tf.gather(xs.get(0), new int[][] {{1, 1}, {0, 2}}, 2, 1),
        x(2, 3, 3, 2)).assertRan("GatherV2", "ScatterNd");
    check("gather_nd(batch_dims=1)", xs -> tf.gather_nd(xs.get(0), new int[][][] {{{1}, {0}}, {{2}, {2}}}, 1),
        x(2, 3, 2)).assertRan("GatherNd");
    check("scatter_nd", xs -> tf.scatter_nd(new int[][] {{1}, {3}, {1}}, xs.get(0), 5, 2), x(3, 2))
        .assertRan("ScatterNd");
  }

  @Test
  void gatherScatterThroughTheSecondDerivative() {
    checkSecondOrder("gather(x)^2", xs -> tf.square(tf.gather(xs.get(0), new int[] {2, 0, 2})), x(3, 2))
        .assertRan("GatherV2", "ScatterNd", "GatherNd");
  }

  @Test
  void linspaceAndMeshgrid() {
    check("linspace(start, stop, 5)", xs -> tf.linspace(xs.get(0), xs.get(1), 5), x(), y())
        .assertRan("ConcatV2", "Slice");
    check("linspace(vectors, axis=-1)", xs -> tf.linspace(xs.get(0), xs.get(1), 4, -1), x(2), y(1))
        .assertRan("BroadcastTo");
    check("meshgrid(ij)", xs -> tf.stack(tf.meshgrid(xs, "ij")), x(3), y(2)).assertRan("Mul");
  }
}
