package dev.tfj.benchmarks;

import dev.tfj.GradientTape;
import dev.tfj.Tensor;
import dev.tfj.tf;
import java.util.List;
import java.util.Map;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * The tape's cost on a tiny op: d/dx reduce_sum(x * x) for a [2,2] x. TensorFlow Java has no eager
 * gradients, so its side is the same function's gradient in a graph, one Session run per step.
 */
final class TapeGradient implements BothSides {
  private final Input x = Input.uniform(21, -1, 1, 2, 2);

  @Override
  public Run<?> tfj() {
    Tensor xs = Tfj.tensor(x);
    return Tfj.run(() -> {
      GradientTape tape = tf.GradientTape();
      Tensor y;
      try (tape) {
        tape.watch(xs);
        y = tf.reduce_sum(tf.multiply(xs, xs));
      }
      return List.of(tape.gradient(y, xs));
    });
  }

  @Override
  public Run<?> tensorFlowJava() {
    Graph graph = new Graph();
    Ops tf = Ops.create(graph);
    Placeholder<TFloat32> xs = TensorFlowJava.placeholder(tf, x);
    Operand<TFloat32> y = tf.sum(tf.math.mul(xs, xs), tf.constant(new int[] {0, 1}));
    Operand<?> dx = tf.gradients(y, List.of(xs)).dy(0);
    return new GraphRun(graph, Map.of(xs, TensorFlowJava.tensor(x)), List.of(dx), List.of());
  }
}
