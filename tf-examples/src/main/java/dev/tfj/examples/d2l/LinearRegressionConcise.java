package dev.tfj.examples.d2l;

import dev.tfj.GradientTape;
import dev.tfj.Tensor;
import dev.tfj.data.Dataset;
import dev.tfj.keras.Sequential;
import dev.tfj.keras.losses.Loss;
import dev.tfj.keras.optimizers.Optimizer;
import dev.tfj.tf;
import java.util.ArrayList;
import java.util.List;

/** d2l 3.3, "Concise Implementation of Linear Regression": tf.data, a Dense layer, Keras's loss and SGD. */
public final class LinearRegressionConcise {
  private LinearRegressionConcise() {}

  static Dataset load_array(List<Tensor> data_arrays, int batch_size, boolean is_train) {
    Dataset dataset = tf.data.Dataset.from_tensor_slices(data_arrays);
    if (is_train) {
      dataset = dataset.shuffle(1000);
    }
    return dataset.batch(batch_size);
  }

  public static void main(String[] args) {
    tf.keras.utils.set_random_seed(42);
    Tensor true_w = tf.constant(new double[] {2, -3.4});
    double true_b = 4.2;
    Tensor[] data = D2l.synthetic_data(true_w, true_b, 1000);
    Dataset data_iter = load_array(List.of(data[0], data[1]), 10, true);

    var initializer = tf.keras.initializers.RandomNormal(0.0, 0.01);
    Sequential net = tf.keras.Sequential();
    net.add(tf.keras.layers.Dense(1).kernel_initializer(initializer));
    Loss loss = tf.keras.losses.MeanSquaredError();
    Optimizer trainer = tf.keras.optimizers.SGD(0.03);
    int num_epochs = D2l.epochs(3);
    List<Double> losses = new ArrayList<>();
    for (int epoch = 0; epoch < num_epochs; epoch++) {
      System.out.println("Epoch " + (epoch + 1) + "/" + num_epochs);
      var bar = tf.keras.utils.Progbar((int) data_iter.cardinality().longValue());
      int step = 0;
      for (Object batch : data_iter) {
        List<?> xy = (List<?>) batch;
        GradientTape tape = tf.GradientTape();
        Tensor l;
        try (tape) {
          l = loss.apply(xy.get(1), net.apply(xy.get(0), true));
        }
        List<Tensor> grads = tape.gradient(l, net.trainable_variables());
        trainer.apply_gradients(grads, net.trainable_variables());
        bar.update(++step, List.of(java.util.Map.entry("loss", l.doubleValue())), null);
      }
      double l = loss.apply(data[1], net.apply(data[0])).doubleValue();
      losses.add(l);
      System.out.printf("epoch %d, loss %f%n", epoch + 1, l);
    }
    Tensor w = net.get_weights().get(0);
    System.out.println("error in estimating w " + true_w.sub(tf.reshape(w, 2)));
    Tensor b = net.get_weights().get(1);
    System.out.println("error in estimating b " + tf.subtract(true_b, b));
    net.summary();
    D2l.plot("3.3-linear-regression-concise", "Concise linear regression", "epoch", D2l.series("loss", losses), true);
  }
}
