package dev.tfj.keras;

import dev.tfj.Tensor;
import dev.tfj.errors.TypeError;
import dev.tfj.errors.ValueError;
import dev.tfj.keras.layers.InputLayer;
import dev.tfj.keras.layers.Layer;
import dev.tfj.tf;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code tf.keras.Sequential(layers)}: each layer's output the next one's input. With an Input
 * (an InputLayer) first the model is built at once; otherwise at its first call, or by
 * {@code fit} before its first step, for the batch's shape with an unknown batch size. Building
 * passes the shape through each layer's {@code compute_output_shape}, so {@code summary()} shows
 * {@code (None, 256)}; a layer that cannot compute its shape is run once on zeros instead.
 */
public class Sequential extends Model {
  private final transient List<Layer> layers = new ArrayList<>();
  private transient InputLayer input;

  public Sequential() {}

  public Sequential(List<? extends Layer> layers) {
    layers.forEach(this::add);
  }

  /** {@code model.add(layer)}; an InputLayer is only allowed first. */
  public void add(Layer layer) {
    if (layer == null) {
      throw new TypeError("Only instances of `keras.Layer` can be added to a Sequential model. Received: None"
          + " (of type <class 'NoneType'>)");
    }
    if (layer instanceof InputLayer in) {
      if (!layers.isEmpty() || input != null) {
        throw new ValueError("Sequential model '" + name() + "' has already been configured to use an input"
            + " shape. You cannot add a different Input layer to it.");
      }
      input = in;
      return;
    }
    layers.add(layer);
    if (input != null) {
      // Keras's _maybe_rebuild: a model with an Input is built again, without its scope, as each layer joins.
      build(input.batch_shape());
    }
  }

  /** {@code model.pop()}: removes the last layer. */
  public Layer pop() {
    if (layers.isEmpty()) {
      throw new TypeError("There are no layers in the model.");
    }
    return layers.remove(layers.size() - 1);
  }

  @Override
  public List<Layer> sublayers() {
    return Collections.unmodifiableList(layers);
  }

  @Override
  public void build(long[] input_shape) {
    if (layers.isEmpty()) {
      throw new ValueError("Sequential model " + name() + " cannot be built because it has no layers. Call"
          + " `model.add(layer)`.");
    }
    long[] shape = input_shape;
    for (Layer layer : layers) {
      layer.maybe_build(shape);
      long[] out = layer.compute_output_shape(shape);
      if (out == null) {
        out = runOnZeros(layer, shape);
      }
      layer.setSymbolicOutputShape(out);
      shape = out;
    }
    super.build(input_shape);
  }

  /** A layer's output shape found by running it in inference mode on one batch of zeros. */
  private static long[] runOnZeros(Layer layer, long[] shape) {
    long[] concrete = shape.clone();
    for (int i = 0; i < concrete.length; i++) {
      concrete[i] = concrete[i] < 0 ? 1 : concrete[i];
    }
    long[] out = layer.apply(tf.zeros(concrete), false).shape().as_list();
    if (shape.length > 0 && shape[0] < 0 && out.length > 0) {
      out[0] = -1;
    }
    return out;
  }

  @Override
  protected Tensor call(Tensor inputs, boolean training) {
    Tensor x = inputs;
    for (Layer layer : layers) {
      x = layer.apply(x, training);
    }
    return x;
  }

  @Override
  public long[] compute_output_shape(long[] input_shape) {
    long[] shape = input_shape;
    for (Layer layer : layers) {
      shape = shape == null ? null : layer.compute_output_shape(shape);
    }
    return shape;
  }

  /**
   * A Keras 2 Sequential model's checkpoint children: each layer as {@code layer-i} and each
   * layer with weights also as {@code layer_with_weights-j}, and the optimizer once compiled
   * ({@code model/layer_with_weights-0/kernel/.ATTRIBUTES/VARIABLE_VALUE}).
   */
  @Override
  public Map<String, Object> trackable_children() {
    Map<String, Object> out = new LinkedHashMap<>();
    int withWeights = 0;
    for (Layer layer : layers) {
      if (!layer.weights().isEmpty()) {
        out.put("layer_with_weights-" + withWeights++, layer);
      }
    }
    for (int i = 0; i < layers.size(); i++) {
      out.put("layer-" + i, layers.get(i));
    }
    if (compiled()) {
      out.put("optimizer", optimizer());
    }
    return Collections.unmodifiableMap(out);
  }
}
