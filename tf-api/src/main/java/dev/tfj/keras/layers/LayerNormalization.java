package dev.tfj.keras.layers;

import dev.tfj.Tensor;
import dev.tfj.Variable;
import dev.tfj.keras.initializers.Initializer;
import dev.tfj.keras.initializers.Initializers;
import dev.tfj.tf;
import java.util.List;

/**
 * {@code keras.layers.LayerNormalization(axis=-1, epsilon=1e-3, center=True, scale=True)}: each
 * sample normalised over {@code axis}, as Keras 3 computes it: {@code inv = rsqrt(variance +
 * epsilon) * gamma}, {@code x * inv + (beta - mean * inv)}.
 */
public class LayerNormalization extends Layer {
  private final int[] axis;
  private transient double epsilon = 1e-3;
  private transient boolean center = true;
  private transient boolean scale = true;
  private transient Initializer beta_initializer = Initializers.get("zeros");
  private transient Initializer gamma_initializer = Initializers.get("ones");
  private transient int[] axes;
  Variable gamma;
  Variable beta;

  public LayerNormalization() {
    this(-1);
  }

  public LayerNormalization(int... axis) {
    this.axis = axis.clone();
  }

  public LayerNormalization epsilon(double epsilon) {
    this.epsilon = epsilon;
    return this;
  }

  public LayerNormalization center(boolean center) {
    this.center = center;
    return this;
  }

  public LayerNormalization scale(boolean scale) {
    this.scale = scale;
    return this;
  }

  public LayerNormalization beta_initializer(String initializer) {
    this.beta_initializer = Keywords.replace(beta_initializer, Initializers.get(initializer));
    return this;
  }

  public LayerNormalization gamma_initializer(String initializer) {
    this.gamma_initializer = Keywords.replace(gamma_initializer, Initializers.get(initializer));
    return this;
  }

  @Override
  public void build(long[] input_shape) {
    axes = Normalization.positive(axis, input_shape.length, input_shape);
    long[] shape = Normalization.paramShape(axes, input_shape);
    if (scale) {
      gamma = add_weight("gamma", shape, gamma_initializer, null, true);
    }
    if (center) {
      beta = add_weight("beta", shape, beta_initializer, null, true);
    }
    super.build(input_shape);
  }

  @Override
  protected Tensor call(Tensor inputs) {
    long[] shape = inputs.shape().as_list();
    List<Tensor> moments = tf.nn.moments(inputs, axes, true);
    boolean lastAxisOnly = axes.length == 1 && axes[0] == shape.length - 1;
    long[] broadcast = Normalization.broadcastShape(axes, shape);
    Tensor inv = tf.math.rsqrt(moments.get(1).add(epsilon));
    if (gamma != null) {
      inv = inv.mul(lastAxisOnly ? gamma : tf.reshape(gamma, broadcast));
    }
    Tensor res = moments.get(0).neg().mul(inv);
    if (beta != null) {
      res = res.add(lastAxisOnly ? beta : tf.reshape(beta, broadcast));
    }
    return inputs.mul(inv).add(res);
  }

  @Override
  public long[] compute_output_shape(long[] input_shape) {
    return input_shape;
  }
}
