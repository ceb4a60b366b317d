package dev.tfj.examples.d2l;

import dev.tfj.Tensor;
import dev.tfj.data.Dataset;
import dev.tfj.keras.callbacks.History;
import dev.tfj.tf;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * What d2l's {@code d2l} package gives the book's TensorFlow chapters, in Java: the data
 * (synthetic regression data; Fashion-MNIST, which cannot be downloaded here, made of the same
 * shapes and types from seeds), the accuracy helpers and the plots (PNG files under target/d2l).
 */
public final class D2l {
  private D2l() {}

  public static final String[] TEXT_LABELS = {"t-shirt", "trouser", "pullover", "dress", "coat", "sandal", "shirt",
      "sneaker", "bag", "ankle boot"};

  /**
   * The chapter's number of epochs, or {@code -Dd2l.epochs=N} for a shorter run (the CPU kernels
   * are still slow on large matrix products).
   */
  public static int epochs(int chapter) {
    return Integer.getInteger("d2l.epochs", chapter);
  }

  /** d2l's {@code synthetic_data(w, b, num_examples)}: {@code y = Xw + b + noise(0.01)}. */
  public static Tensor[] synthetic_data(Tensor w, double b, int num_examples) {
    Tensor x = tf.random.normal(new long[] {num_examples, w.shape().get(0)});
    Tensor y = tf.matmul(x, tf.reshape(w, -1, 1)).add(b);
    y = y.add(tf.random.normal(y.shape().as_list(), 0.0, 0.01));
    return new Tensor[] {x, tf.reshape(y, -1, 1)};
  }

  /**
   * Fashion-MNIST's training (60,000) or test (10,000) set as {@code keras.datasets} returns it:
   * uint8 images (n, 28, 28) and uint8 labels. Each class is a fixed random pattern; an image is
   * its class's pattern blended with another class's and noise, so the classes overlap as
   * Fashion-MNIST's do (a linear model reaches about 0.8).
   */
  public static Tensor[] fashion_mnist(boolean train) {
    int n = train ? 60_000 : 10_000;
    long seed = train ? 1 : 2;
    Tensor patterns = tf.random.stateless_uniform(new long[] {10, 28, 28}, new long[] {0, 1});
    Tensor y = tf.cast(tf.floor(tf.random.stateless_uniform(new long[] {n}, new long[] {seed, 2}, 0, 10, tf.float32)),
        tf.int32);
    Tensor other = tf.cast(tf.floor(tf.random.stateless_uniform(new long[] {n}, new long[] {seed, 3}, 0, 10,
        tf.float32)), tf.int32);
    Tensor mix = tf.reshape(tf.random.stateless_uniform(new long[] {n}, new long[] {seed, 4}, 0.0, 0.45), n, 1, 1);
    Tensor noise = tf.random.stateless_uniform(new long[] {n, 28, 28}, new long[] {seed, 5});
    Tensor images = tf.gather(patterns, y).mul(tf.subtract(1.0, mix)).add(tf.gather(patterns, other).mul(mix));
    images = images.mul(0.6).add(noise.mul(0.4));
    return new Tensor[] {tf.cast(images.mul(255.0), tf.uint8), tf.cast(y, tf.uint8)};
  }

  /**
   * d2l's {@code load_data_fashion_mnist(batch_size)}: images scaled to [0, 1] with a channel
   * axis, int32 labels, batched; the training batches shuffled.
   */
  public static Dataset[] load_data_fashion_mnist(int batch_size) {
    Tensor[] train = fashion_mnist(true);
    Tensor[] test = fashion_mnist(false);
    return new Dataset[] {
      Dataset.from_tensor_slices(process(train)).batch(batch_size).shuffle(train[0].shape().get(0)),
      Dataset.from_tensor_slices(process(test)).batch(batch_size)
    };
  }

  private static List<Tensor> process(Tensor[] xy) {
    return List.of(tf.expand_dims(tf.cast(xy[0], tf.float32), 3).div(255.0), tf.cast(xy[1], tf.int32));
  }

  /** d2l's {@code accuracy(y_hat, y)}: the number of correct predictions. */
  public static double accuracy(Tensor y_hat, Tensor y) {
    Tensor predicted = y_hat.ndim() > 1 && y_hat.shape().get(1) > 1 ? tf.argmax(y_hat, 1, tf.int32) : y_hat;
    return tf.reduce_sum(tf.cast(tf.equal(tf.cast(predicted, y.dtype()), y), tf.float32)).doubleValue();
  }

  /** d2l's {@code evaluate_accuracy(net, data_iter)} for any callable model. */
  public static double evaluate_accuracy(java.util.function.Function<Tensor, Tensor> net, Dataset data_iter) {
    double correct = 0;
    double total = 0;
    for (Object batch : data_iter) {
      List<?> xy = (List<?>) batch;
      Tensor y = (Tensor) xy.get(1);
      correct += accuracy(net.apply((Tensor) xy.get(0)), y);
      total += y.shape().get(0);
    }
    return correct / total;
  }

  /** The curves of a History (loss, accuracy, val_...), one series each. */
  public static Map<String, List<Double>> curves(History history) {
    return history.history;
  }

  /**
   * d2l's plots: each named series against its epoch (1, 2, ...), saved as {@code target/d2l/<file>.png}.
   * Returns the file written.
   */
  public static Path plot(String file, String title, String xlabel, Map<String, List<Double>> series, boolean logY) {
    XYChart chart = new XYChartBuilder().width(640).height(420).title(title).xAxisTitle(xlabel).build();
    chart.getStyler().setYAxisLogarithmic(logY);
    for (Map.Entry<String, List<Double>> e : series.entrySet()) {
      List<Integer> x = new ArrayList<>();
      for (int i = 1; i <= e.getValue().size(); i++) {
        x.add(i);
      }
      chart.addSeries(e.getKey(), x, e.getValue()).setMarker(SeriesMarkers.CIRCLE);
    }
    Path out = Path.of("target", "d2l", file + ".png");
    try {
      Files.createDirectories(out.getParent());
      BitmapEncoder.saveBitmap(chart, out.toString(), BitmapEncoder.BitmapFormat.PNG);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    System.out.println("Plot written to " + out.toAbsolutePath());
    return out;
  }

  /** An ordered map of series, for {@link #plot}. */
  public static Map<String, List<Double>> series(Object... nameThenValues) {
    Map<String, List<Double>> out = new LinkedHashMap<>();
    for (int i = 0; i < nameThenValues.length; i += 2) {
      @SuppressWarnings("unchecked")
      List<Double> values = (List<Double>) nameThenValues[i + 1];
      out.put((String) nameThenValues[i], values);
    }
    return out;
  }

  /** What a scratch model's parameters take from their gradients each step (d2l's {@code updater}). */
  public interface Updater {
    void update(List<Tensor> grads, int batch_size);
  }

  /**
   * d2l's {@code train_ch3}: per epoch, a pass over {@code train_iter} under a tape (the loss
   * summed, the updater applied), Keras's progress bar with the running loss and accuracy, then the
   * test accuracy; returns the curves (train loss, train acc, test acc).
   */
  public static Map<String, List<Double>> train_ch3(java.util.function.Function<Tensor, Tensor> net,
      Dataset train_iter, Dataset test_iter, java.util.function.BiFunction<Tensor, Tensor, Tensor> loss,
      int num_epochs, List<? extends Tensor> params, Updater updater) {
    return train_ch3((x, training) -> net.apply(x), train_iter, test_iter, loss, num_epochs, params, updater);
  }

  /** {@link #train_ch3} for a model that takes {@code training} (a Keras model: true in the training pass). */
  public static Map<String, List<Double>> train_ch3(java.util.function.BiFunction<Tensor, Boolean, Tensor> net,
      Dataset train_iter, Dataset test_iter, java.util.function.BiFunction<Tensor, Tensor, Tensor> loss,
      int num_epochs, List<? extends Tensor> params, Updater updater) {
    Map<String, List<Double>> curves = series("train loss", new ArrayList<Double>(), "train acc",
        new ArrayList<Double>(), "test acc", new ArrayList<Double>());
    int steps = (int) train_iter.cardinality().longValue();
    for (int epoch = 0; epoch < num_epochs; epoch++) {
      System.out.println("Epoch " + (epoch + 1) + "/" + num_epochs);
      var bar = tf.keras.utils.Progbar(steps);
      double lossSum = 0;
      double correct = 0;
      double count = 0;
      int step = 0;
      for (Object batch : train_iter) {
        List<?> xy = (List<?>) batch;
        Tensor x = (Tensor) xy.get(0);
        Tensor y = (Tensor) xy.get(1);
        var tape = tf.GradientTape();
        Tensor y_hat;
        Tensor l;
        try (tape) {
          y_hat = net.apply(x, true);
          l = loss.apply(y_hat, y);
        }
        updater.update(tape.gradient(l, params), (int) x.shape().get(0));
        lossSum += tf.reduce_sum(l).doubleValue();
        correct += accuracy(y_hat, y);
        count += y.shape().get(0);
        bar.update(++step, List.of(Map.entry("accuracy", correct / count), Map.entry("loss", lossSum / count)), null);
      }
      double testAcc = evaluate_accuracy(x -> net.apply(x, false), test_iter);
      curves.get("train loss").add(lossSum / count);
      curves.get("train acc").add(correct / count);
      curves.get("test acc").add(testAcc);
      System.out.println("test acc " + String.format("%.3f", testAcc));
    }
    return curves;
  }

  /** d2l's {@code sgd(params, grads, lr, batch_size)}: {@code param -= lr * grad / batch_size}. */
  public static void sgd(List<? extends Tensor> params, List<Tensor> grads, double lr, int batch_size) {
    for (int i = 0; i < params.size(); i++) {
      ((dev.tfj.Variable) params.get(i)).assign_sub(grads.get(i).mul(lr / batch_size));
    }
  }
}
