package dev.tfj.keras.layers;

import dev.tfj.Tensor;
import java.util.function.UnaryOperator;

/** {@code keras.layers.Activation(activation)}: the activation function as a layer. */
public class Activation extends Layer {
  private final transient UnaryOperator<Tensor> activation;

  public Activation(String activation) {
    this.activation = Dense.ACTIVATIONS.get(activation);
  }

  public Activation(UnaryOperator<Tensor> activation) {
    this.activation = activation;
  }

  @Override
  protected Tensor call(Tensor inputs) {
    return activation.apply(inputs);
  }

  @Override
  public long[] compute_output_shape(long[] input_shape) {
    return input_shape;
  }
}
