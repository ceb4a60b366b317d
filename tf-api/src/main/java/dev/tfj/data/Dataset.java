package dev.tfj.data;

import dev.tfj.Tensor;
import dev.tfj.errors.InvalidArgumentError;
import dev.tfj.tf;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * {@code tf.data.Dataset}: a re-iterable sequence of elements, each a Tensor, a List (a Python
 * tuple) or a Map (a dict) of them. Every for-each loop starts a fresh iteration, as iterating a
 * TensorFlow dataset does (a shuffle reshuffles, a cache replays). Transformations are lazy and
 * named as TensorFlow names them; {@link #cardinality} follows TensorFlow's rules
 * ({@link #INFINITE_CARDINALITY}, {@link #UNKNOWN_CARDINALITY}).
 */
public abstract class Dataset implements Iterable<Object> {
  public static final long INFINITE_CARDINALITY = -1;
  public static final long UNKNOWN_CARDINALITY = -2;
  /** {@code tf.data.AUTOTUNE}. */
  public static final long AUTOTUNE = -1;

  Dataset() {}

  /** The number of elements, or INFINITE_CARDINALITY / UNKNOWN_CARDINALITY, as a long. */
  abstract long size();

  /** {@code dataset.cardinality()}: an int64 scalar. */
  public Tensor cardinality() {
    return tf.constant(size());
  }

  // ---- sources ----

  /** {@code Dataset.from_tensor_slices(tensors)}: slices along the first axis of every component. */
  public static Dataset from_tensor_slices(Object tensors) {
    return new Sources.Slices(Structure.toTensors(tensors));
  }

  /** {@code Dataset.from_tensors(tensors)}: one element. */
  public static Dataset from_tensors(Object tensors) {
    return new Sources.Single(Structure.toTensors(tensors));
  }

  public static Dataset range(long stop) {
    return range(0, stop, 1);
  }

  public static Dataset range(long start, long stop) {
    return range(start, stop, 1);
  }

  /** {@code Dataset.range(start, stop, step)}: int64 scalars. */
  public static Dataset range(long start, long stop, long step) {
    if (step == 0) {
      throw new InvalidArgumentError("step must be a non-zero integer.");
    }
    return new Sources.Range(start, stop, step);
  }

  /** {@code Dataset.zip((a, b, ...))}: tuples, as long as the shortest. */
  public static Dataset zip(Dataset... datasets) {
    return new Sources.Zip(List.of(datasets));
  }

  // ---- transformations ----

  public Dataset batch(long batch_size) {
    return batch(batch_size, false);
  }

  /** Consecutive elements stacked; a smaller last batch unless {@code drop_remainder}. */
  public Dataset batch(long batch_size, boolean drop_remainder) {
    if (batch_size <= 0) {
      throw new InvalidArgumentError("Batch size must be greater than zero.");
    }
    return new Transforms.Batch(this, batch_size, drop_remainder);
  }

  /** Each element split along its first axis again. */
  public Dataset unbatch() {
    return new Transforms.Unbatch(this);
  }

  /** {@code map(fn)}: the element as one argument (a tuple as a List). */
  public Dataset map(Function<Object, Object> map_func) {
    return new Transforms.Map(this, map_func);
  }

  /** {@code map(lambda x, y: ...)} for (x, y) elements. */
  public Dataset map(BiFunction<Tensor, Tensor, Object> map_func) {
    return map(element -> map_func.apply((Tensor) Structure.first(element), Structure.second(element)));
  }

  /** {@code filter(predicate)}: elements whose predicate is true (a bool scalar or Boolean). */
  public Dataset filter(Function<Object, Object> predicate) {
    return new Transforms.Filter(this, predicate);
  }

  public Dataset filter(BiFunction<Tensor, Tensor, Object> predicate) {
    return filter(element -> predicate.apply((Tensor) Structure.first(element), Structure.second(element)));
  }

  /** {@code repeat()}: forever. */
  public Dataset repeat() {
    return repeat(-1);
  }

  public Dataset repeat(long count) {
    return new Transforms.Repeat(this, count);
  }

  /** The first {@code count} elements (-1: all). */
  public Dataset take(long count) {
    return new Transforms.Take(this, count);
  }

  /** All but the first {@code count} elements (-1: none left). */
  public Dataset skip(long count) {
    return new Transforms.Skip(this, count);
  }

  public Dataset shuffle(long buffer_size) {
    return shuffle(buffer_size, null, true);
  }

  public Dataset shuffle(long buffer_size, Long seed) {
    return shuffle(buffer_size, seed, true);
  }

  /**
   * {@code shuffle(buffer_size, seed=None, reshuffle_each_iteration=True)}: TensorFlow's
   * ShuffleDatasetV3 (see {@link Shuffle}), with the seeds {@code tf.random.set_seed} and
   * {@code seed} give an op, so the same seeds give TensorFlow's order.
   */
  public Dataset shuffle(long buffer_size, Long seed, boolean reshuffle_each_iteration) {
    if (buffer_size <= 0) {
      throw new InvalidArgumentError("buffer_size must be greater than zero.");
    }
    return new Shuffle(this, buffer_size, seed, reshuffle_each_iteration);
  }

  /** The elements produced by a background thread, up to {@code buffer_size} ahead (AUTOTUNE: 2). */
  public Dataset prefetch(long buffer_size) {
    return new Prefetch(this, buffer_size == AUTOTUNE ? 2 : buffer_size);
  }

  /** The first complete iteration's elements kept in memory and replayed after. */
  public Dataset cache() {
    return new Transforms.Cache(this);
  }

  /** This dataset's elements, then {@code dataset}'s. */
  public Dataset concatenate(Dataset dataset) {
    return new Transforms.Concatenate(this, dataset);
  }

  /** {@code enumerate()}: (int64 index, element) tuples. */
  public Dataset enumerate() {
    return zip(range(0, Long.MAX_VALUE), this);
  }

  /** Every element, in order (infinite datasets never end). */
  public List<Object> elements() {
    List<Object> out = new ArrayList<>();
    forEach(out::add);
    return out;
  }

  @Override
  public String toString() {
    return "<_" + getClass().getSimpleName() + "Dataset>";
  }

  /** An iterator that computes each element on demand; {@link #produce} returns null at the end. */
  abstract static class Elements implements Iterator<Object> {
    private Object pending;
    private boolean done;

    /** The next element, or null at the end. */
    abstract Object produce();

    @Override
    public final boolean hasNext() {
      if (pending == null && !done) {
        pending = produce();
        done = pending == null;
      }
      return pending != null;
    }

    @Override
    public final Object next() {
      if (!hasNext()) {
        throw new NoSuchElementException("End of sequence");
      }
      Object out = pending;
      pending = null;
      return out;
    }
  }
}
