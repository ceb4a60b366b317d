package dev.tfj;

import static dev.tfj.Ops.RUN;

import dev.tfj.eager.EagerContext;
import dev.tfj.eager.TensorHandle;
import dev.tfj.ops.DType;
import dev.tfj.ops.HostArrays;
import dev.tfj.ops.Operand;
import dev.tfj.ops.Shapes;
import java.lang.reflect.Array;
import java.util.Arrays;
import java.util.List;

/** The pieces of a Jacobian: one-hot seeds for its rows, and the rows stacked into one tensor. */
final class JacobianRows {
  private JacobianRows() {}

  /**
   * Stacks the k-th gradient of every row into one tensor {@code [rows] + shape}. It is built on
   * the host and recorded like one op whose gradient hands each row its slice (a one-hot row
   * times the upstream gradient), so an outer tape can differentiate a Jacobian too.
   */
  static Operand stack(List<Operand[]> rows, int k) {
    TensorHandle first = (TensorHandle) rows.get(0)[k];
    int n = first.numElements();
    int m = rows.size();
    Object data = HostArrays.allocate(first.dtype, n * m);
    TensorHandle[] parts = new TensorHandle[m];
    for (int i = 0; i < m; i++) {
      parts[i] = (TensorHandle) rows.get(i)[k];
      System.arraycopy(parts[i].hostData(), 0, data, i * n, n);
    }
    TensorHandle stacked = (TensorHandle) RUN.constant(first.dtype, concat(new long[] {m}, first.shape), data);
    EagerContext.get().recordCustom(parts, new TensorHandle[] {stacked}, (o, c) -> {
      Operand upstream = o.reshape(c.dy(), m, n);
      Operand[] grads = new Operand[m];
      for (int i = 0; i < m; i++) {
        Operand pick = oneHot(first.dtype, new long[] {1, m}, new long[] {i});
        grads[i] = o.reshape(o.matmul(pick, upstream, false, false), first.shape);
      }
      return grads;
    });
    return stacked;
  }

  /** A tensor shaped like {@code y}, zero but for ones at the given flat indices. */
  static Operand oneHot(TensorHandle y, long[] indices) {
    return oneHot(y.dtype, y.shape, indices);
  }

  static Operand oneHot(DType dtype, long[] shape, long[] indices) {
    Object data = HostArrays.allocate(dtype, Math.toIntExact(Shapes.numElements(shape)));
    for (long i : indices) {
      Array.set(data, (int) i, HostArrays.scalarElement(dtype, 1));
    }
    return RUN.constant(dtype, shape, data);
  }

  static long[] concat(long[] a, long[] b) {
    long[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
