package dev.tfj.data;

import dev.tfj.errors.CancelledError;
import java.lang.ref.Cleaner;
import java.util.Iterator;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code prefetch(buffer_size)}: a daemon thread runs the input pipeline up to
 * {@code buffer_size} elements ahead of the consumer; the order is the input's. An error in the
 * pipeline reaches the consumer at the element where it happened. An iteration dropped before its
 * end stops its thread once the iterator is garbage.
 */
final class Prefetch extends Dataset {
  private static final Cleaner CLEANER = Cleaner.create();
  private static final Object END = new Object();

  private final Dataset input;
  private final int bufferSize;

  Prefetch(Dataset input, long bufferSize) {
    this.input = input;
    this.bufferSize = (int) Math.max(1, Math.min(bufferSize, 1 << 20));
  }

  @Override
  long size() {
    return input.size();
  }

  private record Failure(RuntimeException error) {}

  @Override
  public Iterator<Object> iterator() {
    BlockingQueue<Object> queue = new ArrayBlockingQueue<>(bufferSize);
    AtomicBoolean abandoned = new AtomicBoolean();
    Iterator<Object> source = input.iterator();
    Thread producer = new Thread(() -> produceInto(source, queue, abandoned), "tf.data prefetch");
    producer.setDaemon(true);
    producer.start();
    Elements elements = new Elements() {
      @Override
      Object produce() {
        Object next;
        try {
          next = queue.take();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new CancelledError("Prefetch was interrupted");
        }
        if (next instanceof Failure f) {
          throw f.error();
        }
        return next == END ? null : next;
      }
    };
    CLEANER.register(elements, () -> {
      abandoned.set(true);
      producer.interrupt();
    });
    return elements;
  }

  private static void produceInto(Iterator<Object> source, BlockingQueue<Object> queue, AtomicBoolean abandoned) {
    try {
      while (!abandoned.get() && source.hasNext()) {
        queue.put(source.next());
      }
      queue.put(END);
    } catch (InterruptedException stopped) {
      // The consumer is gone.
    } catch (RuntimeException error) {
      try {
        queue.put(new Failure(error));
      } catch (InterruptedException stopped) {
        // The consumer is gone.
      }
    }
  }
}
