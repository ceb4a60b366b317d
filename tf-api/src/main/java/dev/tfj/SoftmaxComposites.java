package dev.tfj;

import static dev.tfj.Ops.RUN;

import dev.tfj.eager.TensorHandle;
import dev.tfj.errors.InvalidArgumentError;
import dev.tfj.errors.ValueError;
import dev.tfj.ops.Operand;
import dev.tfj.ops.TensorShape;
import java.util.Arrays;
import java.util.function.UnaryOperator;

/**
 * What TensorFlow's Python layer (nn_ops.py) builds around the last-axis softmax ops: softmax on
 * any axis by swapping it with the last, and the cross-entropy losses on any rank by moving the
 * class axis last and flattening the rest into one batch axis.
 */
final class SoftmaxComposites {
  private SoftmaxComposites() {}

  /** _wrap_2d_function: the op on the last axis, or the axis swapped there and back. */
  static Tensor onAxis(Object logits, int axis, UnaryOperator<Operand> lastAxisOp) {
    TensorHandle x = Convert.toHandle(logits, null);
    int rank = x.shape.length;
    if (axis == -1 || axis == rank - 1) {
      return Tensor.wrap(lastAxisOp.apply(x));
    }
    if (axis < -rank || axis >= rank) {
      throw new InvalidArgumentError("`dim` must be in the range [" + -rank + ", " + rank
          + ") where " + rank + " is the number of dimensions in the input. Received: dim=" + axis);
    }
    int dim = Math.floorMod(axis, rank);
    int[] swap = new int[rank];
    for (int i = 0; i < rank; i++) {
      swap[i] = i == dim ? rank - 1 : i == rank - 1 ? dim : i;
    }
    return Tensor.wrap(RUN.transpose(lastAxisOp.apply(RUN.transpose(x, swap)), swap));
  }

  /**
   * softmax_cross_entropy_with_logits_v2: labels take the logits' dtype, the class axis moves
   * last, both are flattened to [batch, classes] and the loss is reshaped to the logits' other
   * dimensions. As in TensorFlow, an axis other than -1 must be given in [0, rank).
   */
  static Tensor softmaxCrossEntropy(Object labels, Object logits, int axis) {
    TensorHandle logitsHandle = Convert.toHandle(logits, null);
    TensorHandle labelsHandle = Convert.toHandle(labels, null);
    Operand x = logitsHandle;
    Operand y = labelsHandle.dtype == logitsHandle.dtype ? labelsHandle
        : RUN.cast(labelsHandle, logitsHandle.dtype);
    int rank = logitsHandle.shape.length;
    if (axis != -1) {
      int[] perm = moveToEnd(axis, rank);
      x = RUN.transpose(x, perm);
      y = RUN.transpose(y, perm);
    }
    long[] shape = x.shape();
    Operand cost = RUN.softmaxCrossEntropyWithLogits(flattenOuterDims(x), flattenOuterDims(y));
    return Tensor.wrap(RUN.reshape(cost, Arrays.copyOf(shape, rank - 1)));
  }

  /**
   * Python's range(axis) + range(axis + 1, rank) + [axis], negative bounds included, so an
   * axis outside [0, rank) gives a permutation of the wrong length, which Transpose rejects.
   */
  private static int[] moveToEnd(int axis, int rank) {
    int before = Math.max(axis, 0);
    int after = Math.max(rank - axis - 1, 0);
    int[] perm = new int[before + after + 1];
    for (int i = 0; i < before; i++) {
      perm[i] = i;
    }
    for (int i = 0; i < after; i++) {
      perm[before + i] = axis + 1 + i;
    }
    perm[before + after] = axis;
    return perm;
  }

  /**
   * _flatten_outer_dims: reshape to [-1, last dimension]. It slices the last dimension out of
   * the shape, which fails for a scalar as TensorFlow's Slice does.
   */
  private static Operand flattenOuterDims(Operand x) {
    long[] shape = x.shape();
    if (shape.length == 0) {
      throw new InvalidArgumentError("Expected begin[0] == 0 (got -1) and size[0] == 0 (got 1)"
          + " when input.dim_size(0) == 0").withOpName("Slice");
    }
    return RUN.reshape(x, -1, shape[shape.length - 1]);
  }

  /**
   * sparse_softmax_cross_entropy_with_logits_v2: labels of rank r index the last axis of logits
   * of rank r + 1; other ranks are flattened to the op's [batch, classes] and [batch].
   */
  static Tensor sparseSoftmaxCrossEntropy(Object labels, Object logits) {
    TensorHandle labelsHandle = Convert.toHandle(labels, null);
    TensorHandle logitsHandle = Convert.toHandle(logits, null);
    long[] labelsShape = labelsHandle.shape;
    long[] logitsShape = logitsHandle.shape;
    int rank = logitsShape.length;
    if (rank == 0) {
      throw new ValueError("`logits` cannot be a scalar. Received logits=" + Tensor.wrap(logitsHandle).str() + "`");
    }
    if (labelsShape.length != rank - 1) {
      throw new ValueError("`labels.shape.rank` must equal `logits.shape.rank - 1`. Received:"
          + " labels.shape=" + new TensorShape(labelsShape) + " of rank " + labelsShape.length
          + " and logits.shape=" + new TensorShape(logitsShape) + " of rank " + rank);
    }
    if (!Arrays.equals(labelsShape, Arrays.copyOf(logitsShape, rank - 1))) {
      throw new ValueError("`labels.shape` must equal `logits.shape` except for the last"
          + " dimension. Received: labels.shape=" + new TensorShape(labelsShape)
          + " and logits.shape=" + new TensorShape(logitsShape));
    }
    if (rank == 2) {
      return Tensor.wrap(RUN.sparseSoftmaxCrossEntropyWithLogits(logitsHandle, labelsHandle));
    }
    Operand cost = RUN.sparseSoftmaxCrossEntropyWithLogits(
        RUN.reshape(logitsHandle, -1, logitsShape[rank - 1]), RUN.reshape(labelsHandle, -1));
    return Tensor.wrap(RUN.reshape(cost, labelsShape));
  }
}
