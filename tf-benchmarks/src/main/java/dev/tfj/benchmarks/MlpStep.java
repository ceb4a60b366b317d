package dev.tfj.benchmarks;

import dev.tfj.GradientTape;
import dev.tfj.Tensor;
import dev.tfj.Variable;
import dev.tfj.tf;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Gradients;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.VarHandleOp;
import org.tensorflow.types.TFloat32;

/**
 * One training step of a 784-256-10 MLP on a batch of 256: forward, mean softmax cross-entropy,
 * gradients of the four parameters, and SGD updates through assign_sub. Each step trains on from
 * the weights the previous one left (its cost does not depend on their values); the agreement
 * check sees both sides' first step. TensorFlow Java runs it in a graph with resource variables;
 * the step's result is the loss and the four gradients.
 */
final class MlpStep implements BothSides {
  private static final float LEARNING_RATE = 0.1f;

  private final Input x = Input.uniform(41, 0, 1, 256, 784);
  private final Input labels = Input.oneHot(42, 256, 10);
  private final List<Input> params = List.of(
      Input.uniform(43, -0.05, 0.05, 784, 256), Input.uniform(44, -0.05, 0.05, 256),
      Input.uniform(45, -0.05, 0.05, 256, 10), Input.uniform(46, -0.05, 0.05, 10));

  @Override
  public Run<?> tfj() {
    Tensor xs = Tfj.tensor(x);
    Tensor ys = Tfj.tensor(labels);
    List<Variable> vars = params.stream().map(Tfj::variable).toList();
    return Tfj.run(() -> {
      GradientTape tape = tf.GradientTape();
      Tensor loss;
      try (tape) {
        Tensor hidden = tf.nn.relu(tf.add(tf.matmul(xs, vars.get(0)), vars.get(1)));
        Tensor logits = tf.add(tf.matmul(hidden, vars.get(2)), vars.get(3));
        loss = tf.reduce_mean(tf.nn.softmax_cross_entropy_with_logits(ys, logits));
      }
      List<Tensor> grads = tape.gradient(loss, vars);
      for (int i = 0; i < vars.size(); i++) {
        vars.get(i).assign_sub(tf.multiply(LEARNING_RATE, grads.get(i)));
      }
      return Tfj.lossAndGradients(loss, grads);
    });
  }

  @Override
  public Run<?> tensorFlowJava() {
    Graph graph = new Graph();
    Ops tf = Ops.create(graph);
    Ops init = tf.withInitScope();
    Placeholder<TFloat32> xs = TensorFlowJava.placeholder(tf, x);
    Placeholder<TFloat32> ys = TensorFlowJava.placeholder(tf, labels);
    List<Operand<?>> handles = new ArrayList<>();
    List<Operand<TFloat32>> reads = new ArrayList<>();
    for (int i = 0; i < params.size(); i++) {
      Input p = params.get(i);
      // A shared name of its own: with the default "" all four handles are one variable.
      Operand<?> handle = init.varHandleOp(TFloat32.class, Shape.of(p.shape()), VarHandleOp.sharedName("param" + i));
      try (TFloat32 value = TensorFlowJava.tensor(p)) {
        init.assignVariableOp(handle, init.constantOf(value));
      }
      handles.add(handle);
      reads.add(tf.readVariableOp(handle, TFloat32.class));
    }
    Operand<TFloat32> hidden = tf.nn.relu(tf.math.add(tf.linalg.matMul(xs, reads.get(0)), reads.get(1)));
    Operand<TFloat32> logits = tf.math.add(tf.linalg.matMul(hidden, reads.get(2)), reads.get(3));
    Operand<TFloat32> loss = tf.math.mean(tf.nn.softmaxCrossEntropyWithLogits(logits, ys).loss(), tf.constant(0));
    Gradients grads = tf.gradients(loss, reads);
    // Every update depends, through its gradient, on every read, so the reads run before any update.
    Operand<TFloat32> rate = tf.constant(LEARNING_RATE);
    List<Op> updates = new ArrayList<>();
    List<Operand<?>> fetches = new ArrayList<>(List.of(loss));
    for (int i = 0; i < handles.size(); i++) {
      Operand<TFloat32> grad = grads.dy(i);
      updates.add(tf.assignSubVariableOp(handles.get(i), tf.math.mul(rate, grad)));
      fetches.add(grad);
    }
    return new GraphRun(graph, Map.of(xs, TensorFlowJava.tensor(x), ys, TensorFlowJava.tensor(labels)),
        fetches, updates);
  }
}
