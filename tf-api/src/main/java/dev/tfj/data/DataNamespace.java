package dev.tfj.data;

/** {@code tf.data}: {@code tf.data.Dataset.from_tensor_slices(...)} and {@code tf.data.AUTOTUNE}. */
public final class DataNamespace {
  public DataNamespace() {}

  public final Datasets Dataset = new Datasets();
  public final long AUTOTUNE = Dataset.AUTOTUNE;
  public final long INFINITE_CARDINALITY = dev.tfj.data.Dataset.INFINITE_CARDINALITY;
  public final long UNKNOWN_CARDINALITY = dev.tfj.data.Dataset.UNKNOWN_CARDINALITY;

  /** The static side of {@link Dataset}, reachable as {@code tf.data.Dataset.range(10)}. */
  public static final class Datasets {
    Datasets() {}

    public final long AUTOTUNE = dev.tfj.data.Dataset.AUTOTUNE;

    public Dataset from_tensor_slices(Object tensors) {
      return dev.tfj.data.Dataset.from_tensor_slices(tensors);
    }

    public Dataset from_tensors(Object tensors) {
      return dev.tfj.data.Dataset.from_tensors(tensors);
    }

    public Dataset range(long stop) {
      return dev.tfj.data.Dataset.range(stop);
    }

    public Dataset range(long start, long stop) {
      return dev.tfj.data.Dataset.range(start, stop);
    }

    public Dataset range(long start, long stop, long step) {
      return dev.tfj.data.Dataset.range(start, stop, step);
    }

    public Dataset zip(Dataset... datasets) {
      return dev.tfj.data.Dataset.zip(datasets);
    }
  }
}
