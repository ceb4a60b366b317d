package dev.tfj.examples.d2l;

import dev.tfj.data.Dataset;
import dev.tfj.keras.Sequential;
import dev.tfj.keras.callbacks.History;
import dev.tfj.tf;
import java.util.List;

/** d2l 4.3, "Concise Implementation of Multilayer Perceptrons". */
public final class MlpConcise {
  private MlpConcise() {}

  public static void main(String[] args) {
    tf.keras.utils.set_random_seed(42);
    Sequential net = tf.keras.Sequential(List.of(
        tf.keras.layers.Flatten(),
        tf.keras.layers.Dense(256, "relu"),
        tf.keras.layers.Dense(10)));
    int batch_size = 256;
    double lr = 0.1;
    int num_epochs = D2l.epochs(10);
    Dataset[] data = D2l.load_data_fashion_mnist(batch_size);
    var loss = tf.keras.losses.SparseCategoricalCrossentropy(true);
    var trainer = tf.keras.optimizers.SGD(lr);
    net.compile(trainer, loss, List.of("accuracy"));
    History history = net.fit(data[0], num_epochs, data[1]);
    net.summary();
    D2l.plot("4.3-mlp-concise", "Concise MLP", "epoch", history.history, false);
  }
}
