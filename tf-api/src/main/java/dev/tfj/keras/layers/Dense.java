package dev.tfj.keras.layers;

import dev.tfj.Tensor;
import dev.tfj.Variable;
import dev.tfj.errors.ValueError;
import dev.tfj.keras.initializers.Initializer;
import dev.tfj.keras.initializers.Initializers;
import dev.tfj.keras.regularizers.Regularizer;
import dev.tfj.tf;
import java.util.function.UnaryOperator;

/**
 * {@code keras.layers.Dense(units, activation=None, use_bias=True,
 * kernel_initializer="glorot_uniform", bias_initializer="zeros", kernel_regularizer=None,
 * bias_regularizer=None)}: {@code activation(inputs @ kernel + bias)} over the last axis.
 */
public class Dense extends Layer {
  private final int units;
  private transient UnaryOperator<Tensor> activation;
  private transient boolean use_bias = true;
  private transient Initializer kernel_initializer = Initializers.get("glorot_uniform");
  private transient Initializer bias_initializer = Initializers.get("zeros");
  private transient Regularizer kernel_regularizer;
  private transient Regularizer bias_regularizer;
  Variable kernel;
  Variable bias;

  public Dense(int units) {
    this(units, (String) null);
  }

  public Dense(int units, String activation) {
    if (units <= 0) {
      throw new ValueError("Received an invalid value for `units`, expected a positive integer. Received: units="
          + units);
    }
    this.units = units;
    this.activation = ACTIVATIONS.get(activation);
    this.input_spec = InputSpec.min_ndim(2);
  }

  public Dense(int units, UnaryOperator<Tensor> activation) {
    this(units);
    this.activation = activation;
  }

  public Dense activation(String activation) {
    this.activation = ACTIVATIONS.get(activation);
    return this;
  }

  public Dense activation(UnaryOperator<Tensor> activation) {
    this.activation = activation == null ? ACTIVATIONS.get(null) : activation;
    return this;
  }

  public Dense use_bias(boolean use_bias) {
    this.use_bias = use_bias;
    return this;
  }

  public Dense kernel_initializer(String initializer) {
    return kernel_initializer(Initializers.get(initializer));
  }

  public Dense kernel_initializer(Initializer initializer) {
    this.kernel_initializer = Keywords.replace(this.kernel_initializer, initializer);
    return this;
  }

  public Dense bias_initializer(String initializer) {
    return bias_initializer(Initializers.get(initializer));
  }

  public Dense bias_initializer(Initializer initializer) {
    this.bias_initializer = Keywords.replace(this.bias_initializer, initializer);
    return this;
  }

  public Dense kernel_regularizer(Regularizer regularizer) {
    this.kernel_regularizer = regularizer;
    return this;
  }

  public Dense kernel_regularizer(String regularizer) {
    return kernel_regularizer(dev.tfj.keras.regularizers.Regularizers.get(regularizer));
  }

  public Dense bias_regularizer(Regularizer regularizer) {
    this.bias_regularizer = regularizer;
    return this;
  }

  public int units() {
    return units;
  }

  public Variable kernel() {
    return kernel;
  }

  public Variable bias() {
    return bias;
  }

  @Override
  public void build(long[] input_shape) {
    long inputDim = input_shape[input_shape.length - 1];
    kernel = add_weight("kernel", new long[] {inputDim, units}, kernel_initializer, kernel_regularizer, true);
    if (use_bias) {
      bias = add_weight("bias", new long[] {units}, bias_initializer, bias_regularizer, true);
    }
    input_spec = InputSpec.min_ndim(2, -1, inputDim);
    super.build(input_shape);
  }

  @Override
  protected Tensor call(Tensor inputs) {
    int rank = inputs.ndim();
    Tensor x = rank == 2 ? tf.matmul(inputs, kernel) : tf.tensordot(inputs, kernel, new int[][] {{rank - 1}, {0}});
    if (bias != null) {
      x = tf.add(x, bias);
    }
    return activation.apply(x);
  }

  @Override
  public long[] compute_output_shape(long[] input_shape) {
    long[] out = input_shape.clone();
    out[out.length - 1] = units;
    return out;
  }

  static final dev.tfj.keras.Activations ACTIVATIONS = dev.tfj.keras.KerasNamespace.ACTIVATIONS;
}
