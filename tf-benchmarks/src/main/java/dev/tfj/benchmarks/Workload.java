package dev.tfj.benchmarks;

import dev.tfj.tf;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.tensorflow.Operand;
import org.tensorflow.types.TInt32;

/**
 * The workloads, each on the same float32 inputs in TFJ and TensorFlow Java. A new workload is one
 * more constant here (the JMH benchmark and the side-by-side table pick it up); a conv2d on
 * LeNet-sized inputs joins once TFJ has conv2d.
 */
public enum Workload {
  ADD_2X2("tf.add [2,2], no tape", () -> new SingleOp(
      List.of(Input.uniform(11, -1, 1, 2, 2), Input.uniform(12, -1, 1, 2, 2)),
      x -> tf.add(x.get(0), x.get(1)),
      (tf, x) -> () -> tf.math.add(x.get(0), x.get(1)))),
  TAPE_GRADIENT_2X2("tape + reduce_sum(x*x) + gradient [2,2]", TapeGradient::new),
  MATMUL_512("matmul 512x512 . 512x512", () -> matmul(512)),
  MATMUL_1024("matmul 1024x1024 . 1024x1024", () -> matmul(1024)),
  MATMUL_2048("matmul 2048x2048 . 2048x2048", () -> matmul(2048)),
  MULTIPLY_1E6("multiply [1e6] * [1e6]", () -> new SingleOp(
      List.of(Input.uniform(51, -1, 1, 1_000_000), Input.uniform(52, -1, 1, 1_000_000)),
      x -> tf.multiply(x.get(0), x.get(1)),
      (tf, x) -> () -> tf.math.mul(x.get(0), x.get(1)))),
  EXP_1E6("exp [1e6]", () -> new SingleOp(
      List.of(Input.uniform(61, -5, 5, 1_000_000)),
      x -> tf.exp(x.get(0)),
      (tf, x) -> () -> tf.math.exp(x.get(0)))),
  ADD_BROADCAST("add [1000,1000] + [1000]", () -> new SingleOp(
      List.of(Input.uniform(71, -1, 1, 1000, 1000), Input.uniform(72, -1, 1, 1000)),
      x -> tf.add(x.get(0), x.get(1)),
      (tf, x) -> () -> tf.math.add(x.get(0), x.get(1)))),
  REDUCE_SUM_1E7("reduce_sum [1e7]", () -> new SingleOp(
      List.of(Input.uniform(81, 0, 1, 10_000_000)),
      x -> tf.reduce_sum(x.get(0)),
      (tf, x) -> {
        Operand<TInt32> axis = tf.constant(0);
        return () -> tf.sum(x.get(0), axis);
      })),
  SOFTMAX_256X1000("softmax [256,1000]", () -> new SingleOp(
      List.of(Input.uniform(91, -5, 5, 256, 1000)),
      x -> tf.nn.softmax(x.get(0)),
      (tf, x) -> () -> tf.nn.softmax(x.get(0)))),
  DENSE_GRADIENT("dense 256x784 . 784x256 + b, relu, sum; dW, db", DenseGradient::new),
  MLP_STEP("MLP 784-256-10 train step, batch 256", MlpStep::new);

  /** What the table calls it. */
  public final String title;
  private final Supplier<BothSides> sides;

  Workload(String title, Supplier<BothSides> sides) {
    this.title = title;
    this.sides = sides;
  }

  /** Makes the inputs (deterministic, the same for both sides). */
  BothSides sides() {
    return sides.get();
  }

  /** The name on the command line: the constant's name in lower case. */
  String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  private static BothSides matmul(int n) {
    return new SingleOp(
        List.of(Input.uniform(n + 1, -1, 1, n, n), Input.uniform(n + 2, -1, 1, n, n)),
        x -> tf.matmul(x.get(0), x.get(1)),
        (tf, x) -> () -> tf.linalg.matMul(x.get(0), x.get(1)));
  }
}
