package dev.tfj.examples.d2l;

import dev.tfj.Tensor;
import dev.tfj.keras.Sequential;
import dev.tfj.keras.callbacks.History;
import dev.tfj.tf;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * d2l 4.4, "Model Selection, Underfitting, and Overfitting": a cubic polynomial fitted with the
 * right features (4), too few (2) and too many (20).
 */
public final class UnderfitOverfit {
  private UnderfitOverfit() {}

  static final int MAX_DEGREE = 20;
  static final int N_TRAIN = 100;
  static final int N_TEST = 100;

  public static void main(String[] args) {
    tf.keras.utils.set_random_seed(42);
    double[] true_w = new double[MAX_DEGREE];
    System.arraycopy(new double[] {5, 1.2, -3.4, 5.6}, 0, true_w, 0, 4);
    Tensor features = tf.random.normal(new long[] {N_TRAIN + N_TEST, 1});
    features = tf.random.shuffle(features);
    // poly_features[:, i] = x**i / i!, as d2l scales them.
    Tensor powers = tf.cast(tf.range(0, MAX_DEGREE), tf.float32);
    Tensor poly = tf.pow(features, tf.reshape(powers, 1, -1));
    double[] factorial = new double[MAX_DEGREE];
    factorial[0] = 1;
    for (int i = 1; i < MAX_DEGREE; i++) {
      factorial[i] = factorial[i - 1] * i;
    }
    poly = poly.div(tf.constant(factorial, tf.float32));
    Tensor labels = tf.matmul(poly, tf.reshape(tf.constant(true_w, tf.float32), -1, 1));
    labels = labels.add(tf.random.normal(labels.shape().as_list(), 0.0, 0.1));

    Map<String, List<Double>> all = new LinkedHashMap<>();
    String[] names = {"normal (4 features)", "underfitting (2 features)", "overfitting (20 features)"};
    int[] widths = {4, 2, MAX_DEGREE};
    for (int k = 0; k < 3; k++) {
      Tensor x = poly.get(tf.slice_(null), tf.slice_(0, widths[k]));
      Sequential net = tf.keras.Sequential(List.of(tf.keras.layers.Dense(1).use_bias(false)));
      net.compile(tf.keras.optimizers.SGD(0.01), tf.keras.losses.MeanSquaredError());
      Tensor trainX = x.get(tf.slice_(0, N_TRAIN));
      Tensor trainY = labels.get(tf.slice_(0, N_TRAIN));
      Tensor testX = x.get(tf.slice_(N_TRAIN, null));
      Tensor testY = labels.get(tf.slice_(N_TRAIN, null));
      History history = net.fit(trainX, trainY, 10, D2l.epochs(400), List.of(testX, testY), List.of(), 0);
      System.out.println(names[k] + ": weight: " + tf.reshape(net.get_weights().get(0), -1));
      net.evaluate(testX, testY);
      all.put(names[k] + " train", history.history.get("loss"));
      all.put(names[k] + " test", history.history.get("val_loss"));
    }
    D2l.plot("4.4-underfit-overfit", "Polynomial regression: train and test loss", "epoch", all, true);
  }
}
