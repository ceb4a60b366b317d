package dev.tfj.compat.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tfj.Tensor;
import dev.tfj.data.Dataset;
import dev.tfj.errors.InvalidArgumentError;
import dev.tfj.errors.ValueError;
import dev.tfj.tf;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** tf.data's transformations, their element structures and cardinalities, as TensorFlow gives them. */
class DatasetTest {
  private static List<Long> longs(Dataset ds) {
    List<Long> out = new ArrayList<>();
    for (Object e : ds) {
      out.add(((Tensor) e).longValue());
    }
    return out;
  }

  @Test
  void rangeTakeSkipRepeatFilterMap() {
    assertEquals(List.of(0L, 1L, 2L, 3L, 4L), longs(Dataset.range(5)));
    assertEquals(List.of(2L, 5L, 8L), longs(tf.data.Dataset.range(2, 10, 3)));
    assertEquals(List.of(5L, 4L), longs(Dataset.range(5, 3, -1)));
    assertEquals(List.of(0L, 1L, 0L, 1L, 0L, 1L), longs(Dataset.range(2).repeat(3)));
    assertEquals(List.of(0L, 1L, 0L), longs(Dataset.range(2).repeat().take(3)));
    assertEquals(List.of(3L, 4L), longs(Dataset.range(5).skip(3)));
    assertEquals(List.of(0L, 2L, 4L), longs(Dataset.range(6).filter(x -> ((Tensor) x).longValue() % 2 == 0)));
    assertEquals(List.of(0L, 10L, 20L), longs(Dataset.range(3).map(x -> ((Tensor) x).mul(10L))));
    assertEquals(-1, Dataset.range(2).repeat().cardinality().longValue());
    assertEquals(-2, Dataset.range(6).filter(x -> true).cardinality().longValue());
    assertEquals(3, Dataset.range(5).skip(2).cardinality().longValue());
    assertEquals(3, Dataset.range(2).repeat().take(3).cardinality().longValue());
  }

  @Test
  void slicesOfTensorsTuplesAndMapsBatchAndUnbatch() {
    Tensor x = tf.reshape(tf.range(0, 12), 6, 2);
    Tensor y = tf.range(0, 6);
    Dataset ds = Dataset.from_tensor_slices(List.of(x, y));
    assertEquals(6, ds.cardinality().longValue());
    List<?> first = (List<?>) ds.elements().get(0);
    assertEquals("[0 1]", ((Tensor) first.get(0)).str().replaceAll("tf.Tensor\\((.*), shape.*", "$1"));
    List<Object> batches = ds.batch(4).elements();
    assertEquals(2, batches.size());
    assertEquals(List.of(4L, 2L), List.of(((Tensor) ((List<?>) batches.get(0)).get(0)).shape().as_list()[0],
        ((Tensor) ((List<?>) batches.get(1)).get(0)).shape().as_list()[0]));
    assertEquals(1, ds.batch(4, true).elements().size());
    assertEquals(1, ds.batch(4, true).cardinality().longValue());
    Dataset mapped = ds.map((a, b) -> List.of(a.mul(2), b));
    assertEquals(22, ((Tensor) ((List<?>) mapped.elements().get(5)).get(0)).get(1).longValue());
    Dataset unbatched = ds.batch(4).unbatch();
    assertEquals(6, unbatched.elements().size());
    Dataset dict = Dataset.from_tensor_slices(Map.of("a", tf.range(0, 3), "b", tf.range(3, 6)));
    assertEquals(5L, ((Tensor) ((Map<?, ?>) dict.elements().get(2)).get("b")).longValue() + 0);
    Dataset stacked = Dataset.range(5).batch(2);
    assertEquals(List.of(2L, 2L, 1L), stacked.elements().stream().map(e -> ((Tensor) e).shape().get(0)).toList());
  }

  @Test
  void zipCacheConcatenatePrefetchEnumerate() {
    Dataset zipped = Dataset.zip(Dataset.range(3), Dataset.range(10, 20));
    assertEquals(3, zipped.cardinality().longValue());
    assertEquals(12L, ((Tensor) ((List<?>) zipped.elements().get(2)).get(1)).longValue());
    int[] calls = {0};
    Dataset cached = Dataset.range(4).map(x -> {
      calls[0]++;
      return x;
    }).cache();
    assertEquals(longs(cached), longs(cached));
    assertEquals(4, calls[0], "the second pass replays the cache");
    assertEquals(List.of(0L, 1L, 5L, 6L), longs(Dataset.range(2).concatenate(Dataset.range(5, 7))));
    assertEquals(longs(Dataset.range(1000).map(x -> ((Tensor) x).add(1L))),
        longs(Dataset.range(1000).map(x -> ((Tensor) x).add(1L)).prefetch(tf.data.AUTOTUNE)));
    List<?> second = (List<?>) Dataset.range(5, 8).enumerate().elements().get(1);
    assertEquals(List.of(1L, 6L), List.of(((Tensor) second.get(0)).longValue(), ((Tensor) second.get(1)).longValue()));
  }

  @Test
  void errorsAreTensorFlows() {
    ValueError e = assertThrows(ValueError.class, () -> Dataset.from_tensor_slices(List.of(tf.zeros(3), tf.zeros(4))));
    assertEquals("Dimensions 3 and 4 are not compatible", e.getMessage());
    InvalidArgumentError b = assertThrows(InvalidArgumentError.class,
        () -> Dataset.from_tensor_slices(List.of(tf.zeros(2))).batch(0));
    assertEquals("Batch size must be greater than zero.", b.getMessage());
    Dataset ragged = Dataset.range(1, 3).map(n -> tf.zeros(((Tensor) n).longValue())).batch(2);
    b = assertThrows(InvalidArgumentError.class, ragged::elements);
    assertEquals("Cannot batch tensors with different shapes in component 0. First element had shape [1] and element 1"
        + " had shape [2].", b.getMessage());
    RuntimeException failing = assertThrows(RuntimeException.class, () -> Dataset.range(3).map(x -> {
      throw new ValueError("boom");
    }).prefetch(1).elements());
    assertEquals("boom", failing.getMessage(), "an error in the pipeline reaches the consumer");
  }
}
