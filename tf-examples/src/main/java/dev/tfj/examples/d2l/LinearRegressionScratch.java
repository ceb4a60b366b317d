package dev.tfj.examples.d2l;

import dev.tfj.GradientTape;
import dev.tfj.Tensor;
import dev.tfj.Variable;
import dev.tfj.tf;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** d2l 3.2, "Linear Regression Implementation from Scratch": minibatch SGD by hand with a tape. */
public final class LinearRegressionScratch {
  private LinearRegressionScratch() {}

  static Tensor linreg(Tensor x, Tensor w, Tensor b) {
    return tf.matmul(x, w).add(b);
  }

  static Tensor squared_loss(Tensor y_hat, Tensor y) {
    return tf.square(y_hat.sub(tf.reshape(y, y_hat.shape().as_list()))).div(2.0);
  }

  public static void main(String[] args) {
    tf.random.set_seed(42);
    Tensor true_w = tf.constant(new double[] {2, -3.4});
    double true_b = 4.2;
    Tensor[] data = D2l.synthetic_data(true_w, true_b, 1000);
    Tensor features = data[0];
    Tensor labels = data[1];
    System.out.println("features: " + features.get(0) + "\nlabel: " + labels.get(0));

    Variable w = tf.Variable(tf.random.normal(new long[] {2, 1}, 0.0, 0.01), true);
    Variable b = tf.Variable(tf.zeros(1), true);
    double lr = 0.03;
    int num_epochs = D2l.epochs(3);
    int batch_size = 10;
    List<Double> losses = new ArrayList<>();
    for (int epoch = 0; epoch < num_epochs; epoch++) {
      System.out.println("Epoch " + (epoch + 1) + "/" + num_epochs);
      var bar = tf.keras.utils.Progbar(100);
      // data_iter: the examples in a random order, batch by batch.
      Tensor indices = tf.random.shuffle(tf.range(0, 1000));
      for (int i = 0; i < 1000; i += batch_size) {
        Tensor j = indices.get(tf.slice_(i, i + batch_size));
        Tensor x = tf.gather(features, j);
        Tensor y = tf.gather(labels, j);
        GradientTape g = tf.GradientTape();
        Tensor l;
        try (g) {
          l = squared_loss(linreg(x, w, b), y);
        }
        List<Tensor> grads = g.gradient(l, List.of(w, b));
        D2l.sgd(List.of(w, b), grads, lr, batch_size);
        bar.update(i / batch_size + 1, List.of(Map.entry("loss", tf.reduce_mean(l).doubleValue())), null);
      }
      double train_l = tf.reduce_mean(squared_loss(linreg(features, w, b), labels)).doubleValue();
      losses.add(train_l);
      System.out.printf("epoch %d, loss %f%n", epoch + 1, train_l);
    }
    System.out.println("error in estimating w: " + true_w.sub(tf.reshape(w, 2)));
    System.out.println("error in estimating b: " + tf.subtract(true_b, b));
    D2l.plot("3.2-linear-regression-scratch", "Linear regression from scratch", "epoch",
        D2l.series("train loss", losses), true);
  }
}
