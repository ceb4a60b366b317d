package dev.tfj.examples.d2l;

import dev.tfj.Tensor;
import dev.tfj.Variable;
import dev.tfj.data.Dataset;
import dev.tfj.keras.Model;
import dev.tfj.keras.Sequential;
import dev.tfj.keras.callbacks.History;
import dev.tfj.keras.layers.Dense;
import dev.tfj.keras.layers.Flatten;
import dev.tfj.tf;
import java.util.List;
import java.util.Map;

/**
 * d2l 4.6, "Dropout": dropout written by hand in a subclassed Keras model (active only when
 * {@code training}), then Keras's Dropout layers in a Sequential model trained by fit.
 */
public final class DropoutExample {
  private DropoutExample() {}

  static Tensor dropout_layer(Tensor x, double dropout) {
    if (dropout == 1) {
      return tf.zeros_like(x);
    }
    if (dropout == 0) {
      return x;
    }
    Tensor mask = tf.cast(tf.greater(tf.random.uniform(x.shape().as_list(), 0, 1), dropout), tf.float32);
    return mask.mul(x).div(1.0 - dropout);
  }

  static final double DROPOUT1 = 0.2;
  static final double DROPOUT2 = 0.5;

  /** d2l's {@code Net(tf.keras.Model)}. */
  static final class Net extends Model {
    final Flatten input_layer = tf.keras.layers.Flatten();
    final Dense hidden1 = tf.keras.layers.Dense(256, "relu");
    final Dense hidden2 = tf.keras.layers.Dense(256, "relu");
    final Dense output_layer = tf.keras.layers.Dense(10);

    @Override
    protected Tensor call(Tensor inputs, boolean training) {
      Tensor x = input_layer.apply(inputs);
      x = hidden1.apply(x);
      if (training) {
        x = dropout_layer(x, DROPOUT1);
      }
      x = hidden2.apply(x);
      if (training) {
        x = dropout_layer(x, DROPOUT2);
      }
      return output_layer.apply(x);
    }
  }

  public static void main(String[] args) {
    tf.keras.utils.set_random_seed(42);
    int num_epochs = D2l.epochs(10);
    double lr = 0.5;
    int batch_size = 256;
    Dataset[] data = D2l.load_data_fashion_mnist(batch_size);

    Net net = new Net();
    net.apply(tf.zeros(1, 28, 28, 1));
    List<Variable> params = net.trainable_variables();
    var loss = tf.keras.losses.SparseCategoricalCrossentropy(true);
    var trainer = tf.keras.optimizers.SGD(lr);
    Map<String, List<Double>> scratch = D2l.train_ch3((x, training) -> net.apply(x, training), data[0], data[1],
        (y_hat, y) -> loss.apply(y, y_hat), num_epochs, params, (grads, n) -> trainer.apply_gradients(grads, params));
    D2l.plot("4.6-dropout-scratch", "Dropout from scratch", "epoch", scratch, false);

    Sequential concise = tf.keras.Sequential(List.of(
        tf.keras.layers.Flatten(),
        tf.keras.layers.Dense(256, "relu"),
        tf.keras.layers.Dropout(DROPOUT1),
        tf.keras.layers.Dense(256, "relu"),
        tf.keras.layers.Dropout(DROPOUT2),
        tf.keras.layers.Dense(10)));
    concise.compile(tf.keras.optimizers.SGD(lr), loss, List.of("accuracy"));
    History history = concise.fit(data[0], num_epochs, data[1]);
    D2l.plot("4.6-dropout-concise", "Concise dropout", "epoch", history.history, false);
  }
}
