package dev.tfj.benchmarks;

import dev.tfj.Tensor;
import dev.tfj.Variable;
import dev.tfj.tf;
import java.util.List;

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
}
