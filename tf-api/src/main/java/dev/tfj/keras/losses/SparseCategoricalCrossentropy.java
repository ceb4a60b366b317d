package dev.tfj.keras.losses;

import dev.tfj.Tensor;

/** {@code keras.losses.SparseCategoricalCrossentropy(from_logits=False)}: integer labels. */
public class SparseCategoricalCrossentropy extends Loss {
  private final boolean from_logits;

  public SparseCategoricalCrossentropy() {
    this(false);
  }

  public SparseCategoricalCrossentropy(boolean from_logits) {
    super("sparse_categorical_crossentropy");
    this.from_logits = from_logits;
  }

  @Override
  protected Tensor call(Tensor y_true, Tensor y_pred) {
    // Keras's LossFunctionWrapper first brings the ranks together (a trailing axis of 1).
    Tensor[] same = LossFunctions.squeezeOrExpandToSameRank(y_true, y_pred);
    return Losses.FUNCTIONS.sparse_categorical_crossentropy(same[0], same[1], from_logits);
  }
}
