package dev.tfj.keras.layers;

import dev.tfj.Tensor;
import dev.tfj.errors.ValueError;
import dev.tfj.keras.random.KerasRandom;
import dev.tfj.keras.random.SeedGenerator;

/**
 * {@code keras.layers.Dropout(rate, noise_shape=None, seed=None)}: in training, each element
 * zeroed with probability {@code rate} and the rest scaled by {@code 1 / (1 - rate)}; the mask is
 * a stateless draw from the layer's seed generator, {@code [seed, 0]}, {@code [seed, 1]}, ..., as
 * Keras 3 draws it. Outside training, the identity.
 */
public class Dropout extends Layer {
  private final double rate;
  private transient long[] noise_shape;
  private transient SeedGenerator seed_generator;

  public Dropout(double rate) {
    if (!(rate >= 0 && rate <= 1)) {
      throw new ValueError("Invalid value received for argument `rate`. Expected a float value between 0 and 1."
          + " Received: rate=" + dev.tfj.keras.PythonText.repr(rate));
    }
    this.rate = rate;
    this.seed_generator = rate > 0 ? new SeedGenerator(null) : null;
  }

  /** {@code seed=}: the seed generator starts at {@code [seed, 0]}. */
  public Dropout seed(long seed) {
    if (seed_generator != null) {
      seed_generator.discard();
      seed_generator = new SeedGenerator(seed);
    }
    return this;
  }

  /** {@code noise_shape=}: the mask's shape, broadcast over the input; -1 takes the input's size. */
  public Dropout noise_shape(long... noise_shape) {
    this.noise_shape = noise_shape.clone();
    return this;
  }

  public double rate() {
    return rate;
  }

  @Override
  protected Tensor call(Tensor inputs, boolean training) {
    if (!training || rate == 0) {
      return inputs;
    }
    long[] shape = inputs.shape().as_list();
    long[] noise = noise_shape == null ? shape : noise_shape.clone();
    for (int i = 0; i < noise.length; i++) {
      noise[i] = noise[i] < 0 ? shape[i] : noise[i];
    }
    return KerasRandom.dropout(inputs, rate, noise, seed_generator.next());
  }

  @Override
  public long[] compute_output_shape(long[] input_shape) {
    return input_shape;
  }
}
