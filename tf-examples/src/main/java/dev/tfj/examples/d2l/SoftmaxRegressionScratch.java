package dev.tfj.examples.d2l;

import dev.tfj.Tensor;
import dev.tfj.Variable;
import dev.tfj.data.Dataset;
import dev.tfj.tf;
import java.util.List;
import java.util.Map;

/** d2l 3.6, "Implementation of Softmax Regression from Scratch". */
public final class SoftmaxRegressionScratch {
  private SoftmaxRegressionScratch() {}

  static Tensor softmax(Tensor x) {
    Tensor x_exp = tf.exp(x);
    Tensor partition = tf.reduce_sum(x_exp, 1, true);
    return x_exp.div(partition);
  }

  /** {@code -log(y_hat[range(n), y])}: the predicted probability of each true class. */
  static Tensor cross_entropy(Tensor y_hat, Tensor y) {
    return tf.log(tf.gather(y_hat, y, 1, 1)).neg();
  }

  public static void main(String[] args) {
    tf.random.set_seed(42);
    int batch_size = 256;
    Dataset[] data = D2l.load_data_fashion_mnist(batch_size);
    int num_inputs = 784;
    int num_outputs = 10;
    Variable w = tf.Variable(tf.random.normal(new long[] {num_inputs, num_outputs}, 0.0, 0.01));
    Variable b = tf.Variable(tf.zeros(num_outputs));
    java.util.function.Function<Tensor, Tensor> net = x -> softmax(tf.matmul(tf.reshape(x, -1, w.shape().get(0)), w)
        .add(b));
    double lr = 0.1;
    int num_epochs = D2l.epochs(10);
    Map<String, List<Double>> curves = D2l.train_ch3(net, data[0], data[1], SoftmaxRegressionScratch::cross_entropy,
        num_epochs, List.of(w, b), (grads, n) -> D2l.sgd(List.of(w, b), grads, lr, n));
    D2l.plot("3.6-softmax-regression-scratch", "Softmax regression from scratch", "epoch", curves, false);
  }
}
