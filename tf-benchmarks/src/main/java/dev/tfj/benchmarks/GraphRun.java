package dev.tfj.benchmarks;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.op.Op;

/**
 * TensorFlow Java in graph mode (its only way to gradients): one Session run per step, fed the same
 * input tensors every time. Inputs are fed, never graph constants, so that TensorFlow's constant
 * folding cannot compute the step once and return the stored answer.
 */
final class GraphRun extends Run<Result> {
  private final Graph graph;
  private final Session session;
  private final Map<Operand<?>, Tensor> feeds;
  private final List<Operand<?>> fetches;
  private final List<Op> targets;

  GraphRun(Graph graph, Map<Operand<?>, Tensor> feeds, List<Operand<?>> fetches, List<Op> targets) {
    this.graph = graph;
    this.session = new Session(graph);
    this.feeds = feeds;
    this.fetches = fetches;
    this.targets = targets;
  }

  @Override
  Result compute() {
    Session.Runner runner = session.runner();
    feeds.forEach(runner::feed);
    fetches.forEach(runner::fetch);
    targets.forEach(runner::addTarget);
    return runner.run();
  }

  @Override
  List<float[]> read(Result result) {
    return IntStream.range(0, result.size()).mapToObj(i -> TensorFlowJava.read(result.get(i))).toList();
  }

  @Override
  void release(Result result) {
    result.close();
  }

  @Override
  public void close() {
    session.close();
    graph.close();
    feeds.values().forEach(Tensor::close);
  }
}
