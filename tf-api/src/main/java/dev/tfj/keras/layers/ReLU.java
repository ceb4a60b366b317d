package dev.tfj.keras.layers;

import dev.tfj.Tensor;
import dev.tfj.errors.ValueError;
import dev.tfj.tf;

/**
 * {@code keras.layers.ReLU(max_value=None, negative_slope=0.0, threshold=0.0)}: {@code x} above
 * the threshold (clipped at max_value), {@code negative_slope * (x - threshold)} below, composed
 * from the ops Keras 3's {@code ReLU.static_call} uses.
 */
public class ReLU extends Layer {
  private transient Double max_value;
  private transient double negative_slope;
  private transient double threshold;

  public ReLU() {}

  public ReLU max_value(double max_value) {
    if (max_value < 0) {
      throw new ValueError("max_value of a ReLU layer cannot be a negative value. Received: " + max_value);
    }
    this.max_value = max_value;
    return this;
  }

  public ReLU negative_slope(double negative_slope) {
    if (negative_slope < 0) {
      throw new ValueError("negative_slope of a ReLU layer cannot be a negative value. Received: "
          + negative_slope);
    }
    this.negative_slope = negative_slope;
    return this;
  }

  public ReLU threshold(double threshold) {
    this.threshold = threshold;
    return this;
  }

  @Override
  protected Tensor call(Tensor x) {
    Tensor negativePart = null;
    if (negative_slope != 0.0) {
      if (max_value == null && threshold == 0) {
        return tf.nn.leaky_relu(x, negative_slope);
      }
      negativePart = tf.nn.relu(threshold != 0 ? x.neg().add(threshold) : x.neg());
    }
    boolean clipMax = max_value != null;
    Tensor y;
    if (threshold != 0) {
      y = x.mul(tf.cast(tf.greater(x, threshold), x.dtype()));
    } else if (max_value != null && max_value == 6) {
      y = tf.nn.relu6(x);
      clipMax = false;
    } else {
      y = tf.nn.relu(x);
    }
    if (clipMax) {
      y = tf.clip_by_value(y, 0.0, max_value);
    }
    return negativePart == null ? y : y.sub(negativePart.mul(negative_slope));
  }

  @Override
  public long[] compute_output_shape(long[] input_shape) {
    return input_shape;
  }
}
