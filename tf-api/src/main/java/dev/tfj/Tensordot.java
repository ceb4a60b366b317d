package dev.tfj;

import static dev.tfj.Ops.RUN;

import dev.tfj.eager.TensorHandle;
import dev.tfj.errors.LookupError;
import dev.tfj.errors.TypeError;
import dev.tfj.errors.ValueError;
import dev.tfj.ops.Operand;
import dev.tfj.ops.PythonNone;
import java.util.Arrays;

/**
 * {@code tf.tensordot} as TensorFlow composes it: each operand is transposed so that its
 * contracted axes are together (last for {@code a}, first for {@code b}) and reshaped to a
 * matrix; one MatMul contracts them and a reshape restores the free axes.
 */
final class Tensordot {
  private Tensordot() {}

  static Tensor of(Object a, Object b, int axes) {
    TensorHandle x = Convert.toHandle(a, null);
    TensorHandle y = Convert.toHandle(b, null);
    int rank = x.shape.length;
    if (axes < 0) {
      throw new ValueError("`axes` must be at least 0. Received: " + axes + ".");
    }
    if (axes > rank) {
      throw new ValueError("`axes` must not be larger than the number of dimensions of tensor "
          + Tensor.wrap(x).str() + ".  Received " + axes + ", vs tensor dimensions " + rank + ".");
    }
    int[] xAxes = new int[axes];
    int[] yAxes = new int[axes];
    for (int i = 0; i < axes; i++) {
      xAxes[i] = rank - axes + i;
      yAxes[i] = i;
    }
    return contract(x, y, xAxes, yAxes);
  }

  /** Null axes fail as Python's {@code convert_to_tensor(None)} does there. */
  static Tensor of(Object a, Object b, int[] axes) {
    TensorHandle x = Convert.toHandle(a, null);
    TensorHandle y = Convert.toHandle(b, null);
    if (PythonNone.tensorValue(axes).length != 2) {
      throw new ValueError("`axes` must be an integer or have length 2. Received "
          + Arrays.toString(axes) + ".");
    }
    return contract(x, y, new int[] {axes[0]}, new int[] {axes[1]});
  }

  static Tensor of(Object a, Object b, int[][] axes) {
    TensorHandle x = Convert.toHandle(a, null);
    TensorHandle y = Convert.toHandle(b, null);
    if (PythonNone.tensorValue(axes).length != 2) {
      throw new ValueError("`axes` must be an integer or have length 2. Received "
          + Arrays.deepToString(axes) + ".");
    }
    if (axes[0] == null || axes[1] == null) {
      throw new TypeError("object of type 'NoneType' has no len()");
    }
    if (axes[0].length != axes[1].length) {
      throw new ValueError("Different number of contraction axes `a` and `b`, " + axes[0].length
          + " != " + axes[1].length + ".");
    }
    return contract(x, y, axes[0], axes[1]);
  }

  private static Tensor contract(TensorHandle x, TensorHandle y, int[] xAxes, int[] yAxes) {
    Matrix mx = Matrix.of(x, xAxes, false);
    Matrix my = Matrix.of(y, yAxes, true);
    Operand product = RUN.matmul(mx.matrix, my.matrix, false, false);
    long[] shape = new long[mx.free.length + my.free.length];
    System.arraycopy(mx.free, 0, shape, 0, mx.free.length);
    System.arraycopy(my.free, 0, shape, mx.free.length, my.free.length);
    return Tensor.wrap(Arrays.equals(product.shape(), shape) ? product : RUN.reshape(product, shape));
  }

  /** An operand as a matrix: its free axes flattened into one, its contracted axes into another. */
  private record Matrix(Operand matrix, long[] free) {
    /** Contracted axes last (rows are free), or first when {@code flipped}, as for {@code b}. */
    static Matrix of(Operand t, int[] axes, boolean flipped) {
      long[] shape = t.shape();
      int rank = shape.length;
      int[] contracted = new int[axes.length];
      long contractedSize = 1;
      for (int i = 0; i < axes.length; i++) {
        contracted[i] = axes[i] >= 0 ? axes[i] : axes[i] + rank;
        if (contracted[i] < 0 || contracted[i] >= rank) {
          throw new LookupError("list index out of range");
        }
        contractedSize *= shape[contracted[i]];
      }
      int[] freeAxes = java.util.stream.IntStream.range(0, rank)
          .filter(d -> Arrays.stream(contracted).noneMatch(c -> c == d)).toArray();
      long[] free = Arrays.stream(freeAxes).mapToLong(d -> shape[d]).toArray();
      long freeSize = Arrays.stream(free).reduce(1, (p, q) -> p * q);
      int[] perm = new int[freeAxes.length + contracted.length];
      int[] first = flipped ? contracted : freeAxes;
      int[] second = flipped ? freeAxes : contracted;
      System.arraycopy(first, 0, perm, 0, first.length);
      System.arraycopy(second, 0, perm, first.length, second.length);
      boolean identity = true;
      for (int i = 0; i < perm.length; i++) {
        identity &= perm[i] == i;
      }
      Operand moved = identity ? t : RUN.transpose(t, perm);
      long[] matrixShape = flipped ? new long[] {contractedSize, freeSize}
          : new long[] {freeSize, contractedSize};
      Operand matrix = Arrays.equals(moved.shape(), matrixShape) ? moved : RUN.reshape(moved, matrixShape);
      return new Matrix(matrix, free);
    }
  }
}
