package dev.tfj.keras.losses;

import dev.tfj.Tensor;

/** {@code keras.losses.BinaryCrossentropy(from_logits=False, label_smoothing=0.0)}. */
public class BinaryCrossentropy extends Loss {
  private final boolean from_logits;
  private final double label_smoothing;

  public BinaryCrossentropy() {
    this(false, 0.0);
  }

  public BinaryCrossentropy(boolean from_logits) {
    this(from_logits, 0.0);
  }

  public BinaryCrossentropy(boolean from_logits, double label_smoothing) {
    super("binary_crossentropy");
    this.from_logits = from_logits;
    this.label_smoothing = label_smoothing;
  }

  @Override
  protected Tensor call(Tensor y_true, Tensor y_pred) {
    // Keras's LossFunctionWrapper first brings the ranks together (a trailing axis of 1).
    Tensor[] same = LossFunctions.squeezeOrExpandToSameRank(y_true, y_pred);
    return Losses.FUNCTIONS.binary_crossentropy(same[0], same[1], from_logits, label_smoothing);
  }
}
