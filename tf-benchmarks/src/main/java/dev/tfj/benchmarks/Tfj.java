package dev.tfj.benchmarks;

import dev.tfj.Tensor;
import dev.tfj.Variable;
import dev.tfj.tf;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** TFJ's side of the inputs and the read-back: as a TFJ user writes them. */
final class Tfj {
  private Tfj() {}

  static Tensor tensor(Input in) {
    // A copy: a variable's updates must never reach the array the other side reads.
    return tf.reshape(tf.constant(in.data().clone()), in.shape());
  }

  static List<Tensor> tensors(List<Input> inputs) {
    return inputs.stream().map(Tfj::tensor).toList();
  }

  static Variable variable(Input in) {
    return tf.Variable(tensor(in));
  }

  /** The values, row-major (numpy() of the flattened tensor). */
  static float[] read(Tensor t) {
    Object flat = tf.reshape(t, -1).numpy();
    return (float[]) flat;
  }

  static List<float[]> read(List<Tensor> ts) {
    return ts.stream().map(Tfj::read).toList();
  }

  /** A TFJ run of a computation that gives tensors; nothing to free (TFJ's results are garbage). */
  static Run<List<Tensor>> run(Supplier<List<Tensor>> computation) {
    return new Run<>() {
      @Override
      List<Tensor> compute() {
        return computation.get();
      }

      @Override
      List<float[]> read(List<Tensor> results) {
        return Tfj.read(results);
      }
    };
  }

  /** A training step's results: the loss, then the gradients. */
  static List<Tensor> lossAndGradients(Tensor loss, List<Tensor> gradients) {
    List<Tensor> out = new ArrayList<>(List.of(loss));
    out.addAll(gradients);
    return out;
  }
}
