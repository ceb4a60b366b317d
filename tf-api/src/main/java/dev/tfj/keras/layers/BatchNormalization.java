package dev.tfj.keras.layers;

import dev.tfj.Tensor;
import dev.tfj.Variable;
import dev.tfj.keras.initializers.Initializer;
import dev.tfj.keras.initializers.Initializers;
import dev.tfj.tf;
import java.util.List;

/**
 * {@code keras.layers.BatchNormalization(axis=-1, momentum=0.99, epsilon=1e-3, center=True,
 * scale=True)}, as Keras 3 computes it. In training (and while trainable) the batch's moments
 * normalise and move the averages ({@code moving * momentum + batch * (1 - momentum)});
 * otherwise the moving averages normalise. The normalisation is tf.nn.batch_normalization's
 * arithmetic: {@code inv = rsqrt(variance + epsilon) * gamma}, {@code x * inv + (beta - mean * inv)}.
 */
public class BatchNormalization extends Layer {
  private final int axis;
  private transient double momentum = 0.99;
  private transient double epsilon = 1e-3;
  private transient boolean center = true;
  private transient boolean scale = true;
  private transient Initializer beta_initializer = Initializers.get("zeros");
  private transient Initializer gamma_initializer = Initializers.get("ones");
  private transient Initializer moving_mean_initializer = Initializers.get("zeros");
  private transient Initializer moving_variance_initializer = Initializers.get("ones");
  private transient int channelAxis;
  Variable gamma;
  Variable beta;
  Variable moving_mean;
  Variable moving_variance;

  public BatchNormalization() {
    this(-1);
  }

  public BatchNormalization(int axis) {
    this.axis = axis;
  }

  public BatchNormalization momentum(double momentum) {
    this.momentum = momentum;
    return this;
  }

  public BatchNormalization epsilon(double epsilon) {
    this.epsilon = epsilon;
    return this;
  }

  public BatchNormalization center(boolean center) {
    this.center = center;
    return this;
  }

  public BatchNormalization scale(boolean scale) {
    this.scale = scale;
    return this;
  }

  public BatchNormalization beta_initializer(String initializer) {
    this.beta_initializer = Keywords.replace(beta_initializer, Initializers.get(initializer));
    return this;
  }

  public BatchNormalization gamma_initializer(String initializer) {
    this.gamma_initializer = Keywords.replace(gamma_initializer, Initializers.get(initializer));
    return this;
  }

  public Variable moving_mean() {
    return moving_mean;
  }

  public Variable moving_variance() {
    return moving_variance;
  }

  @Override
  public void build(long[] input_shape) {
    channelAxis = Normalization.positive(new int[] {axis}, input_shape.length, input_shape)[0];
    long[] shape = {input_shape[channelAxis]};
    if (scale) {
      gamma = add_weight("gamma", shape, gamma_initializer, null, true);
    }
    if (center) {
      beta = add_weight("beta", shape, beta_initializer, null, true);
    }
    moving_mean = add_weight("moving_mean", shape, moving_mean_initializer, null, false);
    moving_variance = add_weight("moving_variance", shape, moving_variance_initializer, null, false);
    input_spec = new InputSpec(input_shape.length, null, null, java.util.Map.of(axis, input_shape[channelAxis]));
    super.build(input_shape);
  }

  @Override
  protected Tensor call(Tensor inputs, boolean training) {
    Tensor mean = moving_mean.value();
    Tensor variance = moving_variance.value();
    if (training && trainable()) {
      int rank = inputs.ndim();
      List<Tensor> moments = tf.nn.moments(inputs, Normalization.others(new int[] {channelAxis}, rank), false);
      moving_mean.assign(mean.mul(momentum).add(moments.get(0).mul(1.0 - momentum)));
      moving_variance.assign(variance.mul(momentum).add(moments.get(1).mul(1.0 - momentum)));
      mean = moments.get(0);
      variance = moments.get(1);
    }
    long[] shape = inputs.shape().as_list();
    boolean last = channelAxis == shape.length - 1;
    long[] broadcast = Normalization.broadcastShape(new int[] {channelAxis}, shape);
    Tensor inv = tf.math.rsqrt(variance.add(epsilon));
    if (gamma != null) {
      inv = inv.mul(gamma);
    }
    Tensor shift = beta != null ? beta.sub(mean.mul(inv)) : mean.neg().mul(inv);
    return inputs.mul(last ? inv : tf.reshape(inv, broadcast)).add(last ? shift : tf.reshape(shift, broadcast));
  }

  @Override
  public long[] compute_output_shape(long[] input_shape) {
    return input_shape;
  }
}
