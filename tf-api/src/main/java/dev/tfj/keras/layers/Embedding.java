package dev.tfj.keras.layers;

import dev.tfj.Tensor;
import dev.tfj.Variable;
import dev.tfj.keras.initializers.Initializer;
import dev.tfj.keras.initializers.Initializers;
import dev.tfj.keras.regularizers.Regularizer;
import dev.tfj.ops.DType;
import dev.tfj.tf;

/**
 * {@code keras.layers.Embedding(input_dim, output_dim, embeddings_initializer="uniform",
 * embeddings_regularizer=None)}: row {@code i} of the {@code (input_dim, output_dim)} table for
 * each index {@code i} (inputs other than int32/int64 are cast to int32, as Keras casts them).
 */
public class Embedding extends Layer {
  private final int input_dim;
  private final int output_dim;
  private transient Initializer embeddings_initializer = Initializers.get("random_uniform");
  private transient Regularizer embeddings_regularizer;
  Variable embeddings;

  public Embedding(int input_dim, int output_dim) {
    if (input_dim <= 0 || output_dim <= 0) {
      throw new dev.tfj.errors.ValueError("Both `input_dim` and `output_dim` should be positive, Received"
          + " input_dim = " + input_dim + " and output_dim = " + output_dim);
    }
    this.input_dim = input_dim;
    this.output_dim = output_dim;
  }

  public Embedding embeddings_initializer(String initializer) {
    return embeddings_initializer(Initializers.get(initializer));
  }

  public Embedding embeddings_initializer(Initializer initializer) {
    this.embeddings_initializer = Keywords.replace(embeddings_initializer, initializer);
    return this;
  }

  public Embedding embeddings_regularizer(Regularizer regularizer) {
    this.embeddings_regularizer = regularizer;
    return this;
  }

  public Variable embeddings() {
    return embeddings;
  }

  @Override
  public void build(long[] input_shape) {
    embeddings = add_weight("embeddings", new long[] {input_dim, output_dim}, embeddings_initializer,
        embeddings_regularizer, true);
    super.build(input_shape);
  }

  @Override
  protected Tensor call(Tensor inputs) {
    Tensor ids = inputs.dtype() == DType.INT32 || inputs.dtype() == DType.INT64 ? inputs : tf.cast(inputs, tf.int32);
    return tf.gather(embeddings, ids);
  }

  @Override
  public long[] compute_output_shape(long[] input_shape) {
    long[] out = java.util.Arrays.copyOf(input_shape, input_shape.length + 1);
    out[input_shape.length] = output_dim;
    return out;
  }
}
