package dev.tfj.data;

import dev.tfj.Tensor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;

/** The element-wise and counting transformations, each with TensorFlow's cardinality rule. */
final class Transforms {
  private Transforms() {}

  private static long known(long n, java.util.function.LongUnaryOperator f) {
    return n < 0 ? n : f.applyAsLong(n);
  }

  static final class Batch extends Dataset {
    private final Dataset input;
    private final long batchSize;
    private final boolean dropRemainder;

    Batch(Dataset input, long batchSize, boolean dropRemainder) {
      this.input = input;
      this.batchSize = batchSize;
      this.dropRemainder = dropRemainder;
    }

    @Override
    long size() {
      return known(input.size(), n -> dropRemainder ? n / batchSize : (n + batchSize - 1) / batchSize);
    }

    @Override
    public Iterator<Object> iterator() {
      if (input instanceof Sources.Slices slices) {
        // Consecutive slices of the same tensors are one slice of them: same values, one op per component.
        long n = slices.size();
        return new Elements() {
          private long at;

          @Override
          Object produce() {
            long end = Math.min(at + batchSize, n);
            if (at >= n || (dropRemainder && end - at < batchSize)) {
              return null;
            }
            Object rows = slices.rows(at, end);
            at = end;
            return rows;
          }
        };
      }
      Iterator<Object> it = input.iterator();
      return new Elements() {
        @Override
        Object produce() {
          List<Object> group = new ArrayList<>();
          while (group.size() < batchSize && it.hasNext()) {
            group.add(it.next());
          }
          if (group.isEmpty() || (dropRemainder && group.size() < batchSize)) {
            return null;
          }
          return Structure.stack(group);
        }
      };
    }
  }

  static final class Unbatch extends Dataset {
    private final Dataset input;

    Unbatch(Dataset input) {
      this.input = input;
    }

    @Override
    long size() {
      return UNKNOWN_CARDINALITY;
    }

    @Override
    public Iterator<Object> iterator() {
      Iterator<Object> it = input.iterator();
      return new Elements() {
        private Object current;
        private long next;
        private long count;

        @Override
        Object produce() {
          while (next >= count) {
            if (!it.hasNext()) {
              return null;
            }
            current = it.next();
            count = Structure.sliceCount(current);
            next = 0;
          }
          return Structure.slice(current, next++);
        }
      };
    }
  }

  static final class Map extends Dataset {
    private final Dataset input;
    private final Function<Object, Object> fn;

    Map(Dataset input, Function<Object, Object> fn) {
      this.input = input;
      this.fn = fn;
    }

    @Override
    long size() {
      return input.size();
    }

    @Override
    public Iterator<Object> iterator() {
      Iterator<Object> it = input.iterator();
      return new Elements() {
        @Override
        Object produce() {
          return it.hasNext() ? Structure.toTensors(fn.apply(it.next())) : null;
        }
      };
    }
  }

  static final class Filter extends Dataset {
    private final Dataset input;
    private final Function<Object, Object> predicate;

    Filter(Dataset input, Function<Object, Object> predicate) {
      this.input = input;
      this.predicate = predicate;
    }

    @Override
    long size() {
      return UNKNOWN_CARDINALITY;
    }

    private boolean keep(Object element) {
      Object result = predicate.apply(element);
      if (result instanceof Boolean b) {
        return b;
      }
      Tensor t = (Tensor) result;
      if (t.dtype() != dev.tfj.tf.bool || t.ndim() != 0) {
        throw new dev.tfj.errors.ValueError("Invalid `predicate`. `predicate` must return a `tf.bool` scalar"
            + " tensor, but its return type was " + t.shape() + " " + t.dtype() + ".");
      }
      return t.booleanValue();
    }

    @Override
    public Iterator<Object> iterator() {
      Iterator<Object> it = input.iterator();
      return new Elements() {
        @Override
        Object produce() {
          while (it.hasNext()) {
            Object e = it.next();
            if (keep(e)) {
              return e;
            }
          }
          return null;
        }
      };
    }
  }

  static final class Repeat extends Dataset {
    private final Dataset input;
    private final long count;

    Repeat(Dataset input, long count) {
      this.input = input;
      this.count = count;
    }

    @Override
    long size() {
      long n = input.size();
      if (count == 0 || n == 0) {
        return 0;
      }
      if (count < 0) {
        return n == UNKNOWN_CARDINALITY ? n : INFINITE_CARDINALITY;
      }
      return known(n, m -> m * count);
    }

    @Override
    public Iterator<Object> iterator() {
      return new Elements() {
        private long done;
        private Iterator<Object> it;

        @Override
        Object produce() {
          while (count < 0 || done < count) {
            if (it == null) {
              it = input.iterator();
              if (!it.hasNext()) {
                return null;
              }
            }
            if (it.hasNext()) {
              return it.next();
            }
            it = null;
            done++;
          }
          return null;
        }
      };
    }
  }

  static final class Take extends Dataset {
    private final Dataset input;
    private final long count;

    Take(Dataset input, long count) {
      this.input = input;
      this.count = count;
    }

    @Override
    long size() {
      long n = input.size();
      if (count < 0) {
        return n;
      }
      return n == INFINITE_CARDINALITY ? count : n == UNKNOWN_CARDINALITY ? n : Math.min(n, count);
    }

    @Override
    public Iterator<Object> iterator() {
      Iterator<Object> it = input.iterator();
      return new Elements() {
        private long taken;

        @Override
        Object produce() {
          return (count < 0 || taken++ < count) && it.hasNext() ? it.next() : null;
        }
      };
    }
  }

  static final class Skip extends Dataset {
    private final Dataset input;
    private final long count;

    Skip(Dataset input, long count) {
      this.input = input;
      this.count = count;
    }

    @Override
    long size() {
      long n = input.size();
      if (count < 0) {
        return n == INFINITE_CARDINALITY ? n : 0;
      }
      return known(n, m -> Math.max(m - count, 0));
    }

    @Override
    public Iterator<Object> iterator() {
      Iterator<Object> it = input.iterator();
      return new Elements() {
        private boolean skipped;

        @Override
        Object produce() {
          if (!skipped) {
            for (long i = 0; (count < 0 || i < count) && it.hasNext(); i++) {
              it.next();
            }
            skipped = true;
          }
          return it.hasNext() ? it.next() : null;
        }
      };
    }
  }

  /** In memory after the first complete iteration; an iteration cut short caches nothing. */
  static final class Cache extends Dataset {
    private final Dataset input;
    private volatile List<Object> cached;

    Cache(Dataset input) {
      this.input = input;
    }

    @Override
    long size() {
      return input.size();
    }

    @Override
    public Iterator<Object> iterator() {
      List<Object> done = cached;
      if (done != null) {
        return done.iterator();
      }
      Iterator<Object> it = input.iterator();
      List<Object> filling = new ArrayList<>();
      return new Elements() {
        @Override
        Object produce() {
          if (it.hasNext()) {
            Object e = it.next();
            filling.add(e);
            return e;
          }
          cached = Collections.unmodifiableList(filling);
          return null;
        }
      };
    }
  }

  static final class Concatenate extends Dataset {
    private final Dataset first;
    private final Dataset second;

    Concatenate(Dataset first, Dataset second) {
      this.first = first;
      this.second = second;
    }

    @Override
    long size() {
      long a = first.size();
      long b = second.size();
      if (a == INFINITE_CARDINALITY || b == INFINITE_CARDINALITY) {
        return INFINITE_CARDINALITY;
      }
      return a < 0 || b < 0 ? UNKNOWN_CARDINALITY : a + b;
    }

    @Override
    public Iterator<Object> iterator() {
      Iterator<Object> a = first.iterator();
      Iterator<Object> b = second.iterator();
      return new Elements() {
        @Override
        Object produce() {
          return a.hasNext() ? a.next() : b.hasNext() ? b.next() : null;
        }
      };
    }
  }
}
