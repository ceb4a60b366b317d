package dev.tfj.compat.keras;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tfj.Tensor;
import dev.tfj.data.Dataset;
import dev.tfj.errors.RuntimeError;
import dev.tfj.keras.Sequential;
import dev.tfj.keras.callbacks.EarlyStopping;
import dev.tfj.keras.callbacks.History;
import dev.tfj.tf;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Sequential models as Keras trains them: summary() as Keras 3 prints it, fit's progress bar,
 * History, validation logs, callbacks, evaluate and predict, and an MLP that learns synthetic
 * Fashion-MNIST-shaped data in a few hundred steps.
 */
class ModelTest {
  @BeforeEach
  void fresh() {
    tf.keras.backend.clear_session();
    tf.keras.utils.set_random_seed(7);
  }

  private static Sequential mlp(int hidden) {
    return tf.keras.Sequential(List.of(tf.keras.layers.Flatten(), tf.keras.layers.Dense(hidden, "relu"),
        tf.keras.layers.Dense(10)));
  }

  private static String captured(Runnable body) {
    PrintStream old = System.out;
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
    try {
      body.run();
    } finally {
      System.setOut(old);
    }
    return buffer.toString(StandardCharsets.UTF_8);
  }

  @Test
  void summaryIsKerasTable() {
    Sequential model = tf.keras.Sequential(List.of(tf.keras.Input(784), tf.keras.layers.Dense(256, "relu"),
        tf.keras.layers.Dropout(0.2), tf.keras.layers.Dense(10)));
    StringBuilder out = new StringBuilder();
    model.summary(76, out::append);
    assertEquals(String.join("\n",
        "Model: \"sequential\"",
        "┏━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━┓",
        "┃ Layer (type)                    ┃ Output Shape           ┃       Param # ┃",
        "┡━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━┩",
        "│ dense (Dense)                   │ (None, 256)            │       200,960 │",
        "├─────────────────────────────────┼────────────────────────┼───────────────┤",
        "│ dropout (Dropout)               │ (None, 256)            │             0 │",
        "├─────────────────────────────────┼────────────────────────┼───────────────┤",
        "│ dense_1 (Dense)                 │ (None, 10)             │         2,570 │",
        "└─────────────────────────────────┴────────────────────────┴───────────────┘",
        " Total params: 203,530 (795.04 KB)",
        " Trainable params: 203,530 (795.04 KB)",
        " Non-trainable params: 0 (0.00 B)",
        ""), out.toString());
    StringBuilder wide = new StringBuilder();
    model.summary(88, wide::append);
    assertTrue(wide.toString().contains(
        "┃ Layer (type)                         ┃ Output Shape                ┃         Param # ┃\n"), wide.toString());
  }

  @Test
  void unbuiltLayersShowAsKerasShowsThem() {
    Sequential model = mlp(8);
    StringBuilder out = new StringBuilder();
    model.summary(76, out::append);
    assertTrue(out.toString().contains("│ dense (Dense)                   │ ?                      │   0 (unbuilt) │"),
        out.toString());
  }

  @Test
  void anMlpLearnsFashionMnistShapedDataAndReportsAsKerasDoes() {
    Tensor[] train = SyntheticImages.make(2048, 1);
    Tensor[] test = SyntheticImages.make(512, 2);
    Sequential model = mlp(64);
    model.compile(tf.keras.optimizers.SGD(0.1), tf.keras.losses.SparseCategoricalCrossentropy(true),
        List.of("accuracy"));
    History[] history = new History[1];
    String printed = captured(() -> history[0] = model.fit(train[0], train[1], 32, 4, List.of(test[0], test[1])));
    Map<String, List<Double>> h = history[0].history;
    assertEquals(List.of("accuracy", "loss", "val_accuracy", "val_loss"), List.copyOf(h.keySet()));
    assertEquals(List.of(0, 1, 2, 3), history[0].epoch);
    assertTrue(h.get("loss").get(3) < h.get("loss").get(0) / 3, "loss falls: " + h.get("loss"));
    assertTrue(h.get("val_accuracy").get(3) > 0.95, "learns: " + h.get("val_accuracy"));
    assertEquals(256, model.optimizer().iterations().longValue(), "4 epochs of 64 steps");
    String line = "\u001b\\[1m64/64\u001b\\[0m \u001b\\[32m━{20}\u001b\\[0m\u001b\\[37m\u001b\\[0m \u001b\\[1m\\d+s\u001b\\[0m"
        + " \\d+(ms|us|s)/step - accuracy: \\d\\.\\d{4} - loss: \\d\\.\\d{4}(e-\\d\\d)? - val_accuracy: \\d\\.\\d{4}"
        + " - val_loss: \\d\\.\\d{4}(e-\\d\\d)?";
    String[] lines = printed.split("\n");
    assertEquals(8, lines.length, printed);
    for (int e = 0; e < 4; e++) {
      assertEquals("Epoch " + (e + 1) + "/4", lines[2 * e]);
      assertTrue(lines[2 * e + 1].matches(line), lines[2 * e + 1]);
    }
    List<Double> evaluated = model.evaluate(test[0], test[1], 64, 0);
    assertEquals(h.get("val_loss").get(3), evaluated.get(0), 1e-6);
    assertEquals(h.get("val_accuracy").get(3), evaluated.get(1), 1e-6);
    Tensor logits = model.predict(test[0], null, 0);
    assertEquals(List.of(512L, 10L), List.of(logits.shape().get(0), logits.shape().get(1)));
    Tensor predicted = tf.argmax(logits, 1, tf.int32);
    double acc = tf.reduce_mean(tf.cast(tf.equal(predicted, test[1]), tf.float32)).doubleValue();
    assertEquals(evaluated.get(1), acc, 1e-6);
  }

  @Test
  void fitTakesADatasetAndCallbacksStopAndLog(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    Tensor[] train = SyntheticImages.make(256, 3);
    Dataset ds = Dataset.from_tensor_slices(List.of(train[0], train[1])).shuffle(256, 1L).batch(64);
    Sequential model = mlp(16);
    model.compile("adam", "sparse_categorical_crossentropy", List.of("accuracy"));
    Path csv = dir.resolve("log.csv");
    EarlyStopping stop = tf.keras.callbacks.EarlyStopping("loss", 10.0, 1).verbose(1);
    String printed = captured(() -> model.fit(ds, 10, null, List.of(stop, tf.keras.callbacks.CSVLogger(csv.toString())), 0));
    assertEquals("Epoch 2: early stopping\n", printed, "the second epoch does not improve the loss by 10");
    List<String> rows = Files.readAllLines(csv);
    assertEquals(List.of("epoch", "accuracy", "loss"), List.of(rows.get(0).split(",")));
    assertEquals(3, rows.size());
    assertTrue(Files.readString(csv).contains("\r\n"), "csv lines end in \\r\\n, as Python's csv writes them");
    assertTrue(rows.get(1).matches("0,0\\.\\d+,\\d\\.\\d+"), rows.get(1));
  }

  @Test
  void trackableChildrenNameLayersAsKerasCheckpointsDo() {
    Sequential model = tf.keras.Sequential(List.of(tf.keras.Input(4), tf.keras.layers.Dense(3),
        tf.keras.layers.Dropout(0.1), tf.keras.layers.Dense(2)));
    model.compile("sgd", "mse");
    Map<String, Object> children = model.trackable_children();
    assertEquals(List.of("layer_with_weights-0", "layer_with_weights-1", "layer-0", "layer-1", "layer-2", "optimizer"),
        List.copyOf(children.keySet()));
    var first = (dev.tfj.keras.layers.Layer) children.get("layer_with_weights-0");
    assertEquals(List.of("kernel", "bias"), List.copyOf(first.trackable_children().keySet()));
  }

  @Test
  void usingAModelBeforeCompileIsKerasError() {
    Sequential model = mlp(4);
    RuntimeError e = assertThrows(RuntimeError.class, () -> model.fit(tf.ones(2, 28, 28), tf.constant(new int[] {1, 2})));
    assertEquals("You must call `compile()` before using the model.", e.getMessage());
  }
}
