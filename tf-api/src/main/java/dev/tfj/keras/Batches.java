package dev.tfj.keras;

import dev.tfj.Tensor;
import dev.tfj.data.Dataset;
import dev.tfj.errors.ValueError;
import dev.tfj.tf;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * What {@code fit}, {@code evaluate} and {@code predict} iterate: batches of arrays (Keras's
 * array adapter: 32 per batch by default, the last partial, indices shuffled per epoch with
 * tf.random.shuffle when asked) or the elements of a Dataset, each {@code x}, {@code (x,)},
 * {@code (x, y)} or {@code (x, y, sample_weight)}.
 */
final class Batches {
  record Batch(Tensor x, Tensor y, Tensor sampleWeight) {
    /** The number of samples, which weights the loss tracker. */
    long size() {
      return x.shape().get(0);
    }
  }

  private final Iterable<Batch> source;
  private final Integer steps;

  private Batches(Iterable<Batch> source, Integer steps) {
    this.source = source;
    this.steps = steps;
  }

  static Batches ofArrays(Object x, Object y, Object sampleWeight, Integer batchSize, boolean shuffle) {
    if (x == null) {
      throw new ValueError("Unrecognized data type: x=None (of type <class 'NoneType'>)");
    }
    Tensor xs = tf.convert_to_tensor(x);
    Tensor ys = y == null ? null : tf.convert_to_tensor(y);
    Tensor ws = sampleWeight == null ? null : tf.convert_to_tensor(sampleWeight);
    long n = xs.shape().get(0);
    if (ys != null && ys.shape().get(0) != n) {
      throw new ValueError("Data cardinality is ambiguous. Make sure all arrays contain the same number of"
          + " samples.'x' sizes: " + n + "\n'y' sizes: " + ys.shape().get(0) + "\n");
    }
    int size = batchSize == null ? 32 : batchSize;
    int steps = (int) ((n + size - 1) / size);
    Iterable<Batch> source = () -> {
      Tensor order = shuffle ? tf.random.shuffle(tf.range(0L, n, 1L, tf.int64)) : null;
      return new Iterator<>() {
        private long at;

        @Override
        public boolean hasNext() {
          return at < n;
        }

        @Override
        public Batch next() {
          long end = Math.min(at + size, n);
          Batch b = order == null
              ? new Batch(rows(xs, at, end), rows(ys, at, end), rows(ws, at, end))
              : pick(xs, ys, ws, order.get(tf.slice_((int) at, (int) end)));
          at = end;
          return b;
        }
      };
    };
    return new Batches(source, steps);
  }

  private static Tensor rows(Tensor t, long from, long to) {
    return t == null ? null : t.get(tf.slice_((int) from, (int) to));
  }

  private static Batch pick(Tensor x, Tensor y, Tensor w, Tensor indices) {
    return new Batch(tf.gather(x, indices), y == null ? null : tf.gather(y, indices),
        w == null ? null : tf.gather(w, indices));
  }

  static Batches ofDataset(Dataset dataset) {
    long n = dataset.cardinality().longValue();
    if (n == Dataset.INFINITE_CARDINALITY) {
      throw new ValueError("When providing an infinite dataset, you must specify the number of steps to run"
          + " (if you did not intend to create an infinite dataset, make sure to not call `repeat()` on the"
          + " dataset).");
    }
    Iterable<Batch> source = () -> {
      Iterator<Object> it = dataset.iterator();
      return new Iterator<>() {
        @Override
        public boolean hasNext() {
          return it.hasNext();
        }

        @Override
        public Batch next() {
          return unpack(it.next());
        }
      };
    };
    return new Batches(source, n >= 0 ? (int) n : null);
  }

  /** Keras's {@code unpack_x_y_sample_weight}. */
  private static Batch unpack(Object element) {
    if (element instanceof Tensor x) {
      return new Batch(x, null, null);
    }
    if (element instanceof List<?> list && !list.isEmpty() && list.size() <= 3) {
      List<Tensor> parts = new ArrayList<>();
      for (Object o : list) {
        parts.add((Tensor) o);
      }
      return new Batch(parts.get(0), parts.size() > 1 ? parts.get(1) : null, parts.size() > 2 ? parts.get(2) : null);
    }
    throw new ValueError("Data is expected to be in format `x`, `(x,)`, `(x, y)`, or `(x, y, sample_weight)`,"
        + " found: " + element);
  }

  /** The number of batches, or null when the dataset does not know it. */
  Integer steps() {
    return steps;
  }

  Iterable<Batch> epoch() {
    return source;
  }
}
