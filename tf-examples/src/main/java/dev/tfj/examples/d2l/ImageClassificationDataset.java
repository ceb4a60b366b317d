package dev.tfj.examples.d2l;

import dev.tfj.Tensor;
import dev.tfj.data.Dataset;
import dev.tfj.tf;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * d2l 3.5, "The Image Classification Dataset": Fashion-MNIST's shapes and labels, reading it
 * through tf.data, and a picture of the first images (Fashion-MNIST itself cannot be downloaded
 * here, so the data are made of its shapes: see {@link D2l#fashion_mnist}).
 */
public final class ImageClassificationDataset {
  private ImageClassificationDataset() {}

  public static void main(String[] args) throws IOException {
    Tensor[] mnist_train = D2l.fashion_mnist(true);
    Tensor[] mnist_test = D2l.fashion_mnist(false);
    System.out.println(mnist_train[0].shape().get(0) + ", " + mnist_test[0].shape().get(0));
    System.out.println(mnist_train[0].get(0).shape());
    int[] first = new int[9];
    StringBuilder names = new StringBuilder();
    for (int i = 0; i < 9; i++) {
      first[i] = mnist_train[1].get(i).intValue();
      names.append(i > 0 ? ", " : "").append(D2l.TEXT_LABELS[first[i]]);
    }
    System.out.println("[" + names + "]");

    int batch_size = 256;
    Dataset train_iter = tf.data.Dataset.from_tensor_slices(List.of(mnist_train[0], mnist_train[1]))
        .batch(batch_size).shuffle(mnist_train[0].shape().get(0));
    long start = System.nanoTime();
    var bar = tf.keras.utils.Progbar((int) train_iter.cardinality().longValue());
    int step = 0;
    for (Object batch : train_iter) {
      bar.update(++step, List.of(), null);
    }
    System.out.printf("%.2f sec%n", (System.nanoTime() - start) / 1e9);

    Dataset[] loaded = D2l.load_data_fashion_mnist(32);
    for (Object batch : loaded[0].take(1)) {
      List<?> xy = (List<?>) batch;
      Tensor x = (Tensor) xy.get(0);
      Tensor y = (Tensor) xy.get(1);
      System.out.println(x.shape() + " " + x.dtype() + " " + y.shape() + " " + y.dtype());
    }
    Path out = showImages(mnist_train[0], 18, 9);
    System.out.println("Images written to " + out.toAbsolutePath());
  }

  /** d2l's {@code show_images}: the first {@code count} images in rows of {@code perRow}, scaled 3x. */
  static Path showImages(Tensor images, int count, int perRow) throws IOException {
    int scale = 3;
    int rows = (count + perRow - 1) / perRow;
    BufferedImage canvas = new BufferedImage(perRow * 30 * scale, rows * 30 * scale, BufferedImage.TYPE_BYTE_GRAY);
    for (int k = 0; k < count; k++) {
      byte[][] pixels = (byte[][]) images.get(k).numpy();
      for (int r = 0; r < 28; r++) {
        for (int c = 0; c < 28; c++) {
          int v = pixels[r][c] & 0xFF;
          for (int dy = 0; dy < scale; dy++) {
            for (int dx = 0; dx < scale; dx++) {
              int px = ((k % perRow) * 30 + 1 + c) * scale + dx;
              int py = ((k / perRow) * 30 + 1 + r) * scale + dy;
              canvas.getRaster().setSample(px, py, 0, v);
            }
          }
        }
      }
    }
    Path out = Path.of("target", "d2l", "3.5-fashion-mnist.png");
    Files.createDirectories(out.getParent());
    ImageIO.write(canvas, "png", out.toFile());
    return out;
  }
}
