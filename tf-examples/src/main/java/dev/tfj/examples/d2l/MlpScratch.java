package dev.tfj.examples.d2l;

import dev.tfj.Tensor;
import dev.tfj.Variable;
import dev.tfj.data.Dataset;
import dev.tfj.tf;
import java.util.List;
import java.util.Map;

/** d2l 4.2, "Implementation of Multilayer Perceptrons from Scratch": one hidden layer of 256 ReLUs. */
public final class MlpScratch {
  private MlpScratch() {}

  static Tensor relu(Tensor x) {
    return tf.maximum(x, tf.zeros_like(x));
  }

  public static void main(String[] args) {
    tf.random.set_seed(42);
    int batch_size = 256;
    Dataset[] data = D2l.load_data_fashion_mnist(batch_size);
    int num_inputs = 784;
    int num_outputs = 10;
    int num_hiddens = 256;
    Variable w1 = tf.Variable(tf.random.normal(new long[] {num_inputs, num_hiddens}, 0.0, 0.01));
    Variable b1 = tf.Variable(tf.zeros(num_hiddens));
    Variable w2 = tf.Variable(tf.random.normal(new long[] {num_hiddens, num_outputs}, 0.0, 0.01));
    Variable b2 = tf.Variable(tf.zeros(num_outputs));
    List<Variable> params = List.of(w1, b1, w2, b2);
    java.util.function.Function<Tensor, Tensor> net = x -> {
      Tensor h = relu(tf.matmul(tf.reshape(x, -1, num_inputs), w1).add(b1));
      return tf.matmul(h, w2).add(b2);
    };
    java.util.function.BiFunction<Tensor, Tensor, Tensor> loss = (y_hat, y) ->
        tf.losses.sparse_categorical_crossentropy(y, y_hat, true);
    int num_epochs = D2l.epochs(10);
    double lr = 0.1;
    Map<String, List<Double>> curves = D2l.train_ch3(net, data[0], data[1], loss, num_epochs, params,
        (grads, n) -> D2l.sgd(params, grads, lr, n));
    D2l.plot("4.2-mlp-scratch", "MLP from scratch", "epoch", curves, false);
  }
}
