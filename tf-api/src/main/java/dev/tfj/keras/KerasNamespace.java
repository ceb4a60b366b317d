package dev.tfj.keras;

import dev.tfj.keras.callbacks.Callbacks;
import dev.tfj.keras.initializers.Initializers;
import dev.tfj.keras.layers.InputLayer;
import dev.tfj.keras.layers.Layer;
import dev.tfj.keras.layers.Layers;
import dev.tfj.keras.losses.Losses;
import dev.tfj.keras.metrics.Metrics;
import dev.tfj.keras.optimizers.Optimizers;
import dev.tfj.keras.regularizers.Regularizers;
import java.util.List;

/**
 * {@code tf.keras}: the namespaces ({@code tf.keras.layers.Dense(10)}, {@code tf.keras.optimizers.Adam()},
 * ...), {@code Sequential} and {@code Input}. Subclassed models extend {@link Model}.
 */
public final class KerasNamespace {
  public KerasNamespace() {}

  /** The activations the layers use (one instance, so logits recorded by softmax are found by losses). */
  public static final Activations ACTIVATIONS = new Activations();

  public final Activations activations = ACTIVATIONS;
  public final Layers layers = new Layers();
  public final Initializers initializers = new Initializers();
  public final Regularizers regularizers = new Regularizers();
  public final Optimizers optimizers = new Optimizers();
  public final Losses losses = new Losses();
  public final Metrics metrics = new Metrics();
  public final Callbacks callbacks = new Callbacks();
  public final Backend backend = new Backend();
  public final Utils utils = new Utils();

  public Sequential Sequential() {
    return new Sequential();
  }

  public Sequential Sequential(List<? extends Layer> layers) {
    return new Sequential(layers);
  }

  /** {@code tf.keras.Input(shape)}: for a Sequential model's first entry (the batch size is None). */
  public InputLayer Input(long... shape) {
    return new InputLayer(shape, null);
  }

  public InputLayer Input(long[] shape, Long batch_size) {
    return new InputLayer(shape, batch_size);
  }
}
