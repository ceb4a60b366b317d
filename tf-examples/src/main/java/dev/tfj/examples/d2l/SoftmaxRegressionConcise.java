package dev.tfj.examples.d2l;

import dev.tfj.data.Dataset;
import dev.tfj.keras.Sequential;
import dev.tfj.keras.callbacks.History;
import dev.tfj.tf;
import java.util.List;

/** d2l 3.7, "Concise Implementation of Softmax Regression": Keras layers, loss and optimizer, trained by fit. */
public final class SoftmaxRegressionConcise {
  private SoftmaxRegressionConcise() {}

  public static void main(String[] args) {
    tf.keras.utils.set_random_seed(42);
    int batch_size = 256;
    Dataset[] data = D2l.load_data_fashion_mnist(batch_size);
    Sequential net = tf.keras.Sequential();
    net.add(tf.keras.Input(28, 28, 1));
    net.add(tf.keras.layers.Flatten());
    var weight_initializer = tf.keras.initializers.RandomNormal(0.0, 0.01);
    net.add(tf.keras.layers.Dense(10).kernel_initializer(weight_initializer));
    var loss = tf.keras.losses.SparseCategoricalCrossentropy(true);
    var trainer = tf.keras.optimizers.SGD(0.1);
    net.compile(trainer, loss, List.of("accuracy"));
    net.summary();
    int num_epochs = D2l.epochs(10);
    History history = net.fit(data[0], num_epochs, data[1]);
    D2l.plot("3.7-softmax-regression-concise", "Concise softmax regression", "epoch", history.history, false);
  }
}
