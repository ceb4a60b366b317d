package dev.tfj.examples.d2l;

import dev.tfj.GradientTape;
import dev.tfj.Tensor;
import dev.tfj.Variable;
import dev.tfj.data.Dataset;
import dev.tfj.keras.Sequential;
import dev.tfj.keras.callbacks.History;
import dev.tfj.tf;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * d2l 4.5, "Weight Decay": high-dimensional linear regression on 20 examples, first with an L2
 * penalty written by hand, then with Keras's {@code kernel_regularizer=l2(wd)} trained by fit.
 */
public final class WeightDecay {
  private WeightDecay() {}

  static final int N_TRAIN = 20;
  static final int N_TEST = 100;
  static final int NUM_INPUTS = 200;
  static final int BATCH_SIZE = 5;

  static Tensor l2_penalty(Tensor w) {
    return tf.reduce_sum(tf.pow(w, 2)).div(2.0);
  }

  public static void main(String[] args) {
    tf.keras.utils.set_random_seed(42);
    Tensor true_w = tf.ones(NUM_INPUTS, 1).mul(0.01);
    double true_b = 0.05;
    Tensor[] train = D2l.synthetic_data(tf.reshape(true_w, -1), true_b, N_TRAIN);
    Tensor[] test = D2l.synthetic_data(tf.reshape(true_w, -1), true_b, N_TEST);
    Dataset train_iter = Dataset.from_tensor_slices(List.of(train[0], train[1])).shuffle(N_TRAIN).batch(BATCH_SIZE);

    Map<String, List<Double>> curves = new LinkedHashMap<>();
    for (double lambd : new double[] {0, 3}) {
      Variable w = tf.Variable(tf.random.normal(new long[] {NUM_INPUTS, 1}));
      Variable b = tf.Variable(tf.zeros(1));
      List<Double> trainLoss = new ArrayList<>();
      List<Double> testLoss = new ArrayList<>();
      for (int epoch = 0; epoch < D2l.epochs(100); epoch++) {
        for (Object batch : train_iter) {
          List<?> xy = (List<?>) batch;
          GradientTape tape = tf.GradientTape();
          Tensor l;
          try (tape) {
            Tensor y_hat = tf.matmul((Tensor) xy.get(0), w).add(b);
            l = tf.square(y_hat.sub((Tensor) xy.get(1))).div(2.0).add(l2_penalty(w).mul(lambd));
          }
          D2l.sgd(List.of(w, b), tape.gradient(l, List.of(w, b)), 0.003, BATCH_SIZE);
        }
        if ((epoch + 1) % 5 == 0) {
          trainLoss.add(squaredLoss(train, w, b));
          testLoss.add(squaredLoss(test, w, b));
        }
      }
      System.out.println("lambda " + lambd + ": L2 norm of w: " + tf.norm(w).doubleValue());
      curves.put("scratch, lambda " + lambd + " train", trainLoss);
      curves.put("scratch, lambda " + lambd + " test", testLoss);
    }

    for (double wd : new double[] {0, 3}) {
      Sequential net = tf.keras.Sequential(List.of(tf.keras.Input(NUM_INPUTS),
          tf.keras.layers.Dense(1).kernel_initializer("random_normal")
              .kernel_regularizer(tf.keras.regularizers.l2(wd))));
      net.compile(tf.keras.optimizers.SGD(0.003), tf.keras.losses.MeanSquaredError());
      History history = net.fit(train_iter, D2l.epochs(100), List.of(test[0], test[1]), List.of(), 0);
      net.evaluate(test[0], test[1]);
      System.out.println("wd " + wd + ": L2 norm of w: " + tf.norm(net.get_weights().get(0)).doubleValue());
      curves.put("concise, wd " + wd + " train", history.history.get("loss"));
      curves.put("concise, wd " + wd + " test", history.history.get("val_loss"));
    }
    D2l.plot("4.5-weight-decay", "Weight decay: train and test loss", "evaluation", curves, true);
  }

  private static double squaredLoss(Tensor[] data, Tensor w, Tensor b) {
    Tensor y_hat = tf.matmul(data[0], w).add(b);
    return tf.reduce_mean(tf.square(y_hat.sub(data[1])).div(2.0)).doubleValue();
  }
}
