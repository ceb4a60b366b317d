package dev.tfj.compat.variables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tfj.GradientTape;
import dev.tfj.Tensor;
import dev.tfj.Variable;
import dev.tfj.tf;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The d2l chapter "Linear Regression Implementation from Scratch" (TensorFlow version), ported
 * line by line: synthetic data from {@code tf.random.normal}, squared loss, minibatch SGD with
 * {@code assign_sub}; three epochs bring w and b to the true values. Minibatches are gathered on
 * the host (d2l uses {@code tf.gather} on shuffled indices; the rows are the same).
 */
class LinearRegressionTest {
  static Tensor[] syntheticData(Tensor w, double b, int numExamples) {
    Tensor x = tf.zeros(new long[] {numExamples, w.shape().get(0)}, tf.float32);
    x = x.add(tf.random.normal(x.shape().as_list()));
    Tensor y = tf.matmul(x, tf.reshape(w, -1, 1)).add(b);
    y = y.add(tf.random.normal(y.shape().as_list(), 0.0, 0.01));
    y = tf.reshape(y, -1, 1);
    return new Tensor[] {x, y};
  }

  static List<Tensor[]> dataIter(int batchSize, Tensor features, Tensor labels, Random random) {
    float[][] xs = (float[][]) features.numpy();
    float[][] ys = (float[][]) labels.numpy();
    List<Integer> indices = new ArrayList<>();
    for (int i = 0; i < xs.length; i++) {
      indices.add(i);
    }
    Collections.shuffle(indices, random);
    List<Tensor[]> batches = new ArrayList<>();
    for (int i = 0; i < xs.length; i += batchSize) {
      int n = Math.min(batchSize, xs.length - i);
      float[][] bx = new float[n][];
      float[][] by = new float[n][];
      for (int j = 0; j < n; j++) {
        bx[j] = xs[indices.get(i + j)];
        by[j] = ys[indices.get(i + j)];
      }
      batches.add(new Tensor[] {tf.constant(bx), tf.constant(by)});
    }
    return batches;
  }

  static Tensor linreg(Tensor x, Tensor w, Tensor b) {
    return tf.matmul(x, w).add(b);
  }

  static Tensor squaredLoss(Tensor yHat, Tensor y) {
    return tf.divide(tf.pow(yHat.sub(tf.reshape(y, yHat.shape().as_list())), 2), 2);
  }

  static void sgd(List<Variable> params, List<Tensor> grads, float lr, int batchSize) {
    for (int i = 0; i < params.size(); i++) {
      params.get(i).assign_sub(grads.get(i).mul(lr).div(batchSize));
    }
  }

  @Test
  void minibatchSgdRecoversTheTrueWeights() {
    tf.random.set_seed(42);
    Tensor trueW = tf.constant(new float[] {2, -3.4f});
    float trueB = 4.2f;
    Tensor[] data = syntheticData(trueW, trueB, 1000);
    Tensor features = data[0];
    Tensor labels = data[1];
    assertEquals("(1000, 2)", features.shape().toString());
    assertEquals("(1000, 1)", labels.shape().toString());

    Variable w = tf.Variable(tf.random.normal(new long[] {2, 1}, 0, 0.01), true);
    Variable b = tf.Variable(tf.zeros(1), true);
    int batchSize = 10;
    float lr = 0.03f;
    Random shuffle = new Random(7);
    float loss = Float.NaN;
    for (int epoch = 0; epoch < 3; epoch++) {
      for (Tensor[] batch : dataIter(batchSize, features, labels, shuffle)) {
        GradientTape g = tf.GradientTape();
        Tensor l;
        try (g) {
          l = squaredLoss(linreg(batch[0], w, b), batch[1]);
        }
        List<Tensor> grads = g.gradient(l, List.of(w, b));
        sgd(List.of(w, b), grads, lr, batchSize);
      }
      loss = tf.reduce_mean(squaredLoss(linreg(features, w, b), labels)).floatValue();
    }
    float[][] learned = (float[][]) w.numpy();
    float[] trueWs = (float[]) trueW.numpy();
    assertEquals(trueWs[0], learned[0][0], 0.01, "w[0]");
    assertEquals(trueWs[1], learned[1][0], 0.01, "w[1]");
    assertEquals(trueB, ((float[]) b.numpy())[0], 0.01, "b");
    // The noise has stddev 0.01, so the squared loss settles near 0.01^2 / 2.
    assertTrue(loss < 1e-4, "loss " + loss);
  }
}
