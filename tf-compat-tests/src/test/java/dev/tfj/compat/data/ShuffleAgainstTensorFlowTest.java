package dev.tfj.compat.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.tfj.Tensor;
import dev.tfj.data.Dataset;
import dev.tfj.eager.RandomSeeds;
import dev.tfj.tf;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tensorflow.EagerSession;
import org.tensorflow.Operand;
import org.tensorflow.exceptions.TFOutOfRangeException;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.data.AnonymousIterator;
import org.tensorflow.op.data.IteratorGetNext;
import org.tensorflow.op.data.MakeIterator;
import org.tensorflow.op.data.RangeDataset;
import org.tensorflow.op.data.ShuffleDataset;
import org.tensorflow.op.random.DummySeedGenerator;
import org.tensorflow.types.TInt64;
import org.tensorflow.types.family.TType;

/**
 * Dataset.shuffle against TensorFlow's own ShuffleDatasetV3 kernel (run through TensorFlow Java's
 * raw dataset ops, with the seeds Python's {@code get_seed} gives): the same order for several
 * buffer sizes (smaller than, equal to and larger than the data), seeds, and three iterations of
 * the same dataset (each reshuffled by the op's seed generator, or not).
 */
class ShuffleAgainstTensorFlowTest {
  private static final List<Class<? extends TType>> TYPES = List.of(TInt64.class);
  private static final List<Shape> SHAPES = List.of(Shape.scalar());

  @AfterEach
  void clearSeed() {
    RandomSeeds.setGlobalSeed(null);
  }

  /** TensorFlow's orders: {@code iterations} passes over range(n).shuffle(buffer) with (seed, seed2). */
  private static List<List<Long>> tensorFlow(long n, long buffer, long seed, long seed2, boolean reshuffle,
      int iterations) {
    try (EagerSession session = EagerSession.create()) {
      Ops tfe = Ops.create(session);
      Operand<? extends TType> range = RangeDataset.create(tfe.scope(), tfe.constant(0L), tfe.constant(n),
          tfe.constant(1L), TYPES, SHAPES);
      Operand<? extends TType> shuffled = ShuffleDataset.create(tfe.scope(), range, tfe.constant(buffer),
          tfe.constant(seed), tfe.constant(seed2), DummySeedGenerator.create(tfe.scope()), TYPES, SHAPES,
          ShuffleDataset.reshuffleEachIteration(reshuffle));
      List<List<Long>> out = new ArrayList<>();
      for (int i = 0; i < iterations; i++) {
        Operand<? extends TType> it = AnonymousIterator.create(tfe.scope(), TYPES, SHAPES);
        MakeIterator.create(tfe.scope(), shuffled, it);
        List<Long> order = new ArrayList<>();
        try {
          while (true) {
            @SuppressWarnings("unchecked")
            Operand<TInt64> next = (Operand<TInt64>) IteratorGetNext.create(tfe.scope(), it, TYPES, SHAPES)
                .components().get(0);
            order.add(next.asTensor().getLong());
          }
        } catch (TFOutOfRangeException endOfSequence) {
          out.add(order);
        }
      }
      return out;
    }
  }

  private static List<List<Long>> tfj(Dataset ds, int iterations) {
    List<List<Long>> out = new ArrayList<>();
    for (int i = 0; i < iterations; i++) {
      List<Long> order = new ArrayList<>();
      for (Object e : ds) {
        order.add(((Tensor) e).longValue());
      }
      out.add(order);
    }
    return out;
  }

  @Test
  void sameOrderAsTensorFlowForSeedsBuffersAndIterations() {
    long[][] cases = {{10, 4}, {10, 10}, {10, 1000}, {100, 7}, {1000, 32}, {1, 1}, {0, 3}};
    for (long[] c : cases) {
      for (long opSeed : new long[] {0, 5, 1234567}) {
        for (boolean reshuffle : new boolean[] {true, false}) {
          tf.random.set_seed(42);
          Dataset ds = Dataset.range(c[0]).shuffle(c[1], opSeed, reshuffle);
          String what = "range(" + c[0] + ").shuffle(" + c[1] + ", seed=" + opSeed + ", reshuffle=" + reshuffle + ")";
          assertEquals(tensorFlow(c[0], c[1], 42, opSeed, reshuffle, 3), tfj(ds, 3), what);
        }
      }
    }
  }

  @Test
  void anOpSeedWithoutGlobalSeedUsesTensorFlowsDefaultGraphSeed() {
    Dataset ds = Dataset.range(50).shuffle(16, 7L);
    assertEquals(tensorFlow(50, 16, 87654321, 7, true, 2), tfj(ds, 2));
  }

  @Test
  void reshufflingGivesEachIterationItsOwnOrder() {
    tf.random.set_seed(1);
    List<List<Long>> orders = tfj(Dataset.range(20).shuffle(20), 2);
    assertNotEquals(orders.get(0), orders.get(1));
    assertEquals(orders.get(0).stream().sorted().toList(), orders.get(1).stream().sorted().toList());
  }
}
