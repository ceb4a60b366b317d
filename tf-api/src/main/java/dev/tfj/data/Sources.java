package dev.tfj.data;

import dev.tfj.tf;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** The datasets that start a pipeline: slices, one element, a range, a zip. */
final class Sources {
  private Sources() {}

  static final class Slices extends Dataset {
    private final Object tensors;
    private final long count;

    Slices(Object tensors) {
      this.tensors = tensors;
      this.count = Structure.sliceCount(tensors);
    }

    @Override
    long size() {
      return count;
    }

    /** Rows {@code [from, to)} of every component, as one batch (batch's fast path). */
    Object rows(long from, long to) {
      return Structure.mapLeaves(tensors, t -> ((dev.tfj.Tensor) t).get(tf.slice_((int) from, (int) to)));
    }

    @Override
    public Iterator<Object> iterator() {
      return new Elements() {
        private long i;

        @Override
        Object produce() {
          return i < count ? Structure.slice(tensors, i++) : null;
        }
      };
    }
  }

  static final class Single extends Dataset {
    private final Object element;

    Single(Object element) {
      this.element = element;
    }

    @Override
    long size() {
      return 1;
    }

    @Override
    public Iterator<Object> iterator() {
      return List.of(element).iterator();
    }
  }

  static final class Range extends Dataset {
    private final long start;
    private final long stop;
    private final long step;

    Range(long start, long stop, long step) {
      this.start = start;
      this.stop = stop;
      this.step = step;
    }

    @Override
    long size() {
      if (step > 0 ? stop <= start : stop >= start) {
        return 0;
      }
      return step > 0 ? (stop - start + step - 1) / step : (start - stop - step - 1) / -step;
    }

    @Override
    public Iterator<Object> iterator() {
      return new Elements() {
        private long next = start;

        @Override
        Object produce() {
          if (step > 0 ? next >= stop : next <= stop) {
            return null;
          }
          long value = next;
          next += step;
          return tf.constant(value);
        }
      };
    }
  }

  static final class Zip extends Dataset {
    private final List<Dataset> datasets;

    Zip(List<Dataset> datasets) {
      this.datasets = datasets;
    }

    @Override
    long size() {
      long n = Dataset.INFINITE_CARDINALITY;
      for (Dataset d : datasets) {
        long s = d.size();
        if (s == Dataset.UNKNOWN_CARDINALITY) {
          return s;
        }
        if (s >= 0) {
          n = n < 0 ? s : Math.min(n, s);
        }
      }
      return n;
    }

    @Override
    public Iterator<Object> iterator() {
      List<Iterator<Object>> its = new ArrayList<>();
      datasets.forEach(d -> its.add(d.iterator()));
      return new Elements() {
        @Override
        Object produce() {
          List<Object> tuple = new ArrayList<>();
          for (Iterator<Object> it : its) {
            if (!it.hasNext()) {
              return null;
            }
            tuple.add(it.next());
          }
          return List.copyOf(tuple);
        }
      };
    }
  }
}
