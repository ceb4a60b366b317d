package dev.tfj.benchmarks;

import dev.tfj.GradientTape;
import dev.tfj.Tensor;
import dev.tfj.Variable;
import dev.tfj.tf;
import java.util.List;
import java.util.Map;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Gradients;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * A dense layer forward and backward: loss = reduce_sum(relu(x . W + b)) for x [256,784] and
 * W [784,256], and the loss's gradients dW and db (TensorFlow Java: graph mode).
 */
final class DenseGradient implements BothSides {
  private final Input x = Input.uniform(31, -1, 1, 256, 784);
  private final Input w = Input.uniform(32, -0.05, 0.05, 784, 256);
  private final Input b = Input.uniform(33, -0.1, 0.1, 256);

  @Override
  public Run<?> tfj() {
    Tensor xs = Tfj.tensor(x);
    Variable ws = Tfj.variable(w);
    Variable bs = Tfj.variable(b);
    return Tfj.run(() -> {
      GradientTape tape = tf.GradientTape();
      Tensor loss;
      try (tape) {
        loss = tf.reduce_sum(tf.nn.relu(tf.add(tf.matmul(xs, ws), bs)));
      }
      return Tfj.lossAndGradients(loss, tape.gradient(loss, List.of(ws, bs)));
    });
  }

  @Override
  public Run<?> tensorFlowJava() {
    Graph graph = new Graph();
    Ops tf = Ops.create(graph);
    Placeholder<TFloat32> xs = TensorFlowJava.placeholder(tf, x);
    Placeholder<TFloat32> ws = TensorFlowJava.placeholder(tf, w);
    Placeholder<TFloat32> bs = TensorFlowJava.placeholder(tf, b);
    Operand<TFloat32> loss = tf.sum(tf.nn.relu(tf.math.add(tf.linalg.matMul(xs, ws), bs)),
        tf.constant(new int[] {0, 1}));
    Gradients grads = tf.gradients(loss, List.of(ws, bs));
    return new GraphRun(graph,
        Map.of(xs, TensorFlowJava.tensor(x), ws, TensorFlowJava.tensor(w), bs, TensorFlowJava.tensor(b)),
        List.of(loss, grads.dy(0), grads.dy(1)), List.of());
  }
}
