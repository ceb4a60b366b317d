package dev.tfj.compat.keras;

import static dev.tfj.compat.oracle.Oracle.assertAgree;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tfj.Tensor;
import dev.tfj.compat.oracle.Oracle;
import dev.tfj.errors.ValueError;
import dev.tfj.keras.layers.BatchNormalization;
import dev.tfj.keras.layers.Dense;
import dev.tfj.keras.layers.Dropout;
import dev.tfj.keras.layers.Layer;
import dev.tfj.keras.random.KerasRandom;
import dev.tfj.tf;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The layers' outputs against Keras 3's formulas (computed here in float64 or with the same ops),
 * building at the first call, the training flag, weights, and bad input with Keras's messages.
 */
class LayersTest {
  @BeforeEach
  void freshNames() {
    tf.keras.backend.clear_session();
  }

  private static final double[][] X = {{1, 2, 3}, {-1, 0.5, 4}};

  private static void close(double[][] expected, Tensor actual, double tol, String what) {
    float[][] got = (float[][]) actual.numpy();
    for (int i = 0; i < expected.length; i++) {
      for (int j = 0; j < expected[i].length; j++) {
        assertEquals(expected[i][j], got[i][j], tol, what + " [" + i + "][" + j + "]");
      }
    }
  }

  @Test
  void denseIsActivationOfMatmulPlusBiasAndBuildsAtItsFirstCall() {
    Dense d = tf.keras.layers.Dense(2, "relu").kernel_initializer("ones").bias_initializer("ones");
    assertFalse(d.built());
    assertEquals(List.of(), d.get_weights());
    Tensor y = d.apply(X);
    assertTrue(d.built());
    close(new double[][] {{7, 7}, {4.5, 4.5}}, y, 0, "relu(x @ 1 + 1)");
    assertArrayEquals(new long[] {3, 2}, d.kernel().shape().as_list());
    d.set_weights(List.of(new double[][] {{1, 0}, {0, 1}, {-1, -1}}, new double[] {0, 0}));
    close(new double[][] {{0, 0}, {0, 0}}, d.apply(X), 0, "relu after set_weights");
    assertEquals(8, d.count_params());
    Tensor x3 = tf.ones(2, 5, 3);
    assertArrayEquals(new long[] {2, 5, 2}, d.apply(x3).shape().as_list());
    Dense noBias = tf.keras.layers.Dense(4).use_bias(false);
    noBias.apply(X);
    assertEquals(1, noBias.weights().size());
  }

  @Test
  void badInputIsKerasErrors() {
    Dense d = tf.keras.layers.Dense(2);
    ValueError e = assertThrows(ValueError.class, () -> d.apply(tf.ones(3)));
    assertEquals("Input 0 with name 'None' of layer 'dense' is incompatible with the layer: expected min_ndim=2, found"
        + " ndim=1. Full shape received: (3,)", e.getMessage());
    d.apply(tf.ones(1, 3));
    e = assertThrows(ValueError.class, () -> d.apply(tf.ones(1, 4)));
    assertEquals("Input 0 with name 'None' of layer 'dense' is incompatible with the layer: expected axis -1 of input"
        + " shape to have value 3, but received input with shape (1, 4)", e.getMessage());
    Dense unbuilt = tf.keras.layers.Dense(2);
    e = assertThrows(ValueError.class, unbuilt::count_params);
    assertEquals("You tried to call `count_params` on layer 'dense_1', but the layer isn't built. You can build it"
        + " manually via: `layer.build(input_shape)`.", e.getMessage());
    e = assertThrows(ValueError.class, () -> unbuilt.set_weights(List.of(tf.ones(3, 2), tf.ones(2))));
    assertEquals("You called `set_weights(weights)` on layer 'dense_1' with a weight list of length 2, but the layer"
        + " was expecting 0 weights.", e.getMessage());
    e = assertThrows(ValueError.class, () -> d.set_weights(List.of(tf.ones(3, 3), tf.ones(2))));
    assertEquals("Layer dense weight shape (3, 2) is not compatible with provided weight shape (3, 3).",
        e.getMessage());
    e = assertThrows(ValueError.class, () -> tf.keras.layers.Add().apply(tf.ones(2, 2)));
    assertEquals("A merge layer should be called on a list of inputs. Received: input_shape=(2, 2) (not a list of"
        + " shapes)", e.getMessage());
    e = assertThrows(ValueError.class, () -> tf.keras.layers.Concatenate().apply(List.of(tf.ones(2, 2), tf.ones(3, 3))));
    assertEquals("A `Concatenate` layer requires inputs with matching shapes except for the concatenation axis."
        + " Received: input_shape=[(2, 2), (3, 3)]", e.getMessage());
    e = assertThrows(ValueError.class, () -> tf.keras.layers.Dropout(1.5));
    assertEquals("Invalid value received for argument `rate`. Expected a float value between 0 and 1. Received:"
        + " rate=1.5", e.getMessage());
  }

  @Test
  void dropoutDrawsKerasStatelessMasksOnlyInTraining() {
    Dropout drop = tf.keras.layers.Dropout(0.5).seed(1337);
    Tensor x = tf.ones(4, 6);
    assertAgree(Oracle.of(x), Oracle.of(drop.apply(x)), 0, 0, "inference: identity");
    for (int call = 0; call < 3; call++) {
      Tensor expected = tf.where(tf.greater_equal(tf.random.stateless_uniform(new long[] {4, 6},
          new int[] {1337, call}), 0.5f), tf.fill(new long[] {4, 6}, tf.constant(2.0f)), tf.zeros(4, 6));
      assertAgree(Oracle.of(expected), Oracle.of(drop.apply(x, true)), 0, 0, "training call " + call);
    }
    assertEquals(0.0, KerasRandom.seed(2147483646L).get(0).doubleValue(), "seeds are taken mod 2**31 - 2");
  }

  @Test
  void batchNormalizationNormalisesWithBatchStatsInTrainingAndMovesTheAverages() {
    BatchNormalization bn = tf.keras.layers.BatchNormalization().momentum(0.9);
    double[] mean = new double[3];
    double[] var = new double[3];
    for (int c = 0; c < 3; c++) {
      mean[c] = (X[0][c] + X[1][c]) / 2;
      var[c] = ((X[0][c] - mean[c]) * (X[0][c] - mean[c]) + (X[1][c] - mean[c]) * (X[1][c] - mean[c])) / 2;
    }
    Tensor train = bn.apply(X, true);
    double[][] expected = new double[2][3];
    for (int r = 0; r < 2; r++) {
      for (int c = 0; c < 3; c++) {
        expected[r][c] = (X[r][c] - mean[c]) / Math.sqrt(var[c] + 1e-3);
      }
    }
    close(expected, train, 1e-5, "training");
    float[] movingMean = (float[]) bn.moving_mean().numpy();
    float[] movingVar = (float[]) bn.moving_variance().numpy();
    for (int c = 0; c < 3; c++) {
      assertEquals(0.1 * mean[c], movingMean[c], 1e-6, "moving_mean");
      assertEquals(0.9 + 0.1 * var[c], movingVar[c], 1e-6, "moving_variance");
      for (int r = 0; r < 2; r++) {
        expected[r][c] = (X[r][c] - movingMean[c]) / Math.sqrt(movingVar[c] + 1e-3);
      }
    }
    close(expected, bn.apply(X), 1e-5, "inference uses the moving averages");
    assertEquals(List.of("batch_normalization/gamma:0", "batch_normalization/beta:0"),
        bn.trainable_weights().stream().map(dev.tfj.Variable::name).toList());
    assertEquals(2, bn.non_trainable_weights().size());
    bn.trainable(false);
    bn.apply(X, true);
    assertArrayEquals(movingMean, (float[]) bn.moving_mean().numpy(), "frozen: the averages stay");
    assertEquals(0, bn.trainable_weights().size());
  }

  @Test
  void layerNormalizationEmbeddingFlattenReshapeMergeAndActivations() {
    Tensor ln = tf.keras.layers.LayerNormalization().apply(X);
    double[][] expected = new double[2][3];
    for (int r = 0; r < 2; r++) {
      double m = (X[r][0] + X[r][1] + X[r][2]) / 3;
      double v = 0;
      for (double x : X[r]) {
        v += (x - m) * (x - m) / 3;
      }
      for (int c = 0; c < 3; c++) {
        expected[r][c] = (X[r][c] - m) / Math.sqrt(v + 1e-3);
      }
    }
    close(expected, ln, 1e-5, "LayerNormalization");
    var emb = tf.keras.layers.Embedding(10, 4).embeddings_initializer("ones");
    assertArrayEquals(new long[] {2, 3, 4}, emb.apply(tf.constant(new int[][] {{1, 2, 3}, {4, 5, 9}})).shape().as_list());
    assertArrayEquals(new long[] {2, 12}, tf.keras.layers.Flatten().apply(tf.ones(2, 3, 4)).shape().as_list());
    assertArrayEquals(new long[] {2, 4, 3}, tf.keras.layers.Reshape(-1, 3).apply(tf.ones(2, 12)).shape().as_list());
    close(new double[][] {{2, 4, 6}, {-2, 1, 8}}, tf.keras.layers.Add().apply(List.of(tf.constant(X, tf.float32),
        tf.constant(X, tf.float32))), 0, "Add");
    assertArrayEquals(new long[] {2, 6}, tf.keras.layers.Concatenate().apply(List.of(tf.ones(2, 3), tf.ones(2, 3)))
        .shape().as_list());
    close(new double[][] {{1, 2, 3}, {0, 0.5, 3}}, tf.keras.layers.ReLU().max_value(3).apply(X), 0, "ReLU(max_value=3)");
    close(new double[][] {{1, 2, 3}, {-0.1, 0.5, 4}}, tf.keras.layers.ReLU().negative_slope(0.1).apply(X), 1e-7,
        "ReLU(negative_slope=0.1)");
    Tensor sm = tf.keras.layers.Softmax().apply(X);
    assertEquals(1.0, tf.reduce_sum(sm.get(0)).doubleValue(), 1e-6);
    close(new double[][] {{Math.tanh(1), Math.tanh(2), Math.tanh(3)}, {Math.tanh(-1), Math.tanh(0.5), Math.tanh(4)}},
        tf.keras.layers.Activation("tanh").apply(X), 1e-6, "Activation(tanh)");
  }

  @Test
  void regularizersAddToLosses() {
    Dense d = tf.keras.layers.Dense(2).kernel_initializer("ones").kernel_regularizer(tf.keras.regularizers.l2(0.01));
    d.apply(X);
    List<Tensor> losses = d.losses();
    assertEquals(1, losses.size());
    assertEquals(0.01 * 6, losses.get(0).doubleValue(), 1e-7);
    assertEquals(0.5 * 6, tf.keras.regularizers.l1_l2(0.5, 0).apply(tf.ones(3, 2)).doubleValue());
  }

  static class TwoLayers extends dev.tfj.keras.Model {
    final Dense hidden = new Dense(4, "relu");
    final Dropout drop = new Dropout(0.5);
    final Dense out = new Dense(2);
    boolean sawTraining;

    @Override
    protected Tensor call(Tensor x, boolean training) {
      sawTraining = training;
      return out.apply(drop.apply(hidden.apply(x)));
    }
  }

  @Test
  void subclassedModelsTrackTheirLayersAndPassTrainingDown() {
    TwoLayers m = new TwoLayers();
    assertEquals("two_layers", m.name());
    m.apply(X);
    assertEquals(List.of("two_layers/dense/kernel:0", "two_layers/dense/bias:0", "two_layers/dense_1/kernel:0",
        "two_layers/dense_1/bias:0"), m.weights().stream().map(dev.tfj.Variable::name).toList());
    List<Layer> layers = m.layers();
    assertEquals(List.of(m.hidden, m.drop, m.out), layers);
    assertFalse(m.sawTraining);
    Tensor a = m.apply(tf.ones(8, 3), true);
    assertTrue(m.sawTraining);
    assertEquals(List.of("drop", "hidden", "out"), List.copyOf(new java.util.TreeMap<>(m.trackable_children()).keySet()));
    assertArrayEquals(new long[] {8, 2}, a.shape().as_list());
  }
}
