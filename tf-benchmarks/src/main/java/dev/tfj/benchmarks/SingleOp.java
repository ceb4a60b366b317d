package dev.tfj.benchmarks;

import dev.tfj.Tensor;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.tensorflow.EagerSession;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** One op on float32 inputs: TFJ eager, and TensorFlow Java eager in its own EagerSession. */
final class SingleOp implements BothSides {

  /** Builds, once, what the op needs besides its inputs (an axis constant), and returns the call. */
  interface TensorFlowJavaOp {
    Supplier<Operand<?>> prepare(Ops tf, List<Operand<TFloat32>> x);
  }

  private final List<Input> inputs;
  private final Function<List<Tensor>, Tensor> tfjOp;
  private final TensorFlowJavaOp tensorFlowJavaOp;

  SingleOp(List<Input> inputs, Function<List<Tensor>, Tensor> tfjOp, TensorFlowJavaOp tensorFlowJavaOp) {
    this.inputs = inputs;
    this.tfjOp = tfjOp;
    this.tensorFlowJavaOp = tensorFlowJavaOp;
  }

  @Override
  public Run<?> tfj() {
    List<Tensor> x = Tfj.tensors(inputs);
    return new Run<Tensor>() {
      @Override
      Tensor compute() {
        return tfjOp.apply(x);
      }

      @Override
      List<float[]> read(Tensor y) {
        return List.of(Tfj.read(y));
      }
    };
  }

  @Override
  public Run<?> tensorFlowJava() {
    EagerSession session = EagerSession.create();
    Ops tf = Ops.create(session);
    List<Operand<TFloat32>> x = inputs.stream().<Operand<TFloat32>>map(in -> {
      try (TFloat32 t = TensorFlowJava.tensor(in)) {
        return tf.constantOf(t);
      }
    }).toList();
    Supplier<Operand<?>> op = tensorFlowJavaOp.prepare(tf, x);
    return new Run<Operand<?>>() {
      @Override
      Operand<?> compute() {
        return op.get();
      }

      @Override
      List<float[]> read(Operand<?> y) {
        try (org.tensorflow.Tensor t = y.asTensor()) {
          return List.of(TensorFlowJava.read(t));
        }
      }

      @Override
      void release(Operand<?> y) {
        TensorFlowJava.release(y);
      }

      @Override
      public void close() {
        session.close();
      }
    };
  }
}
