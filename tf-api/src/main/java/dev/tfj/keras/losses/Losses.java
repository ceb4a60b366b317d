package dev.tfj.keras.losses;

import dev.tfj.Tensor;
import dev.tfj.errors.ValueError;
import java.util.function.BiFunction;

/**
 * {@code tf.keras.losses} (and {@code tf.losses}): the loss classes by their Keras names, the
 * functional forms (inherited from {@link LossFunctions}), and {@link #get} for compile strings.
 */
public final class Losses extends LossFunctions {
  static final LossFunctions FUNCTIONS = new LossFunctions();

  public Losses() {}

  public MeanSquaredError MeanSquaredError() {
    return new MeanSquaredError();
  }

  public MeanAbsoluteError MeanAbsoluteError() {
    return new MeanAbsoluteError();
  }

  public Huber Huber() {
    return new Huber();
  }

  public Huber Huber(double delta) {
    return new Huber(delta);
  }

  public BinaryCrossentropy BinaryCrossentropy() {
    return new BinaryCrossentropy();
  }

  public BinaryCrossentropy BinaryCrossentropy(boolean from_logits) {
    return new BinaryCrossentropy(from_logits);
  }

  public BinaryCrossentropy BinaryCrossentropy(boolean from_logits, double label_smoothing) {
    return new BinaryCrossentropy(from_logits, label_smoothing);
  }

  public CategoricalCrossentropy CategoricalCrossentropy() {
    return new CategoricalCrossentropy();
  }

  public CategoricalCrossentropy CategoricalCrossentropy(boolean from_logits) {
    return new CategoricalCrossentropy(from_logits);
  }

  public CategoricalCrossentropy CategoricalCrossentropy(boolean from_logits, double label_smoothing) {
    return new CategoricalCrossentropy(from_logits, label_smoothing);
  }

  public SparseCategoricalCrossentropy SparseCategoricalCrossentropy() {
    return new SparseCategoricalCrossentropy();
  }

  public SparseCategoricalCrossentropy SparseCategoricalCrossentropy(boolean from_logits) {
    return new SparseCategoricalCrossentropy(from_logits);
  }

  /** A compile string as Keras reads it: the function, wrapped with the default reduction. */
  public static Loss get(String identifier) {
    BiFunction<Tensor, Tensor, Tensor> fn = identifier == null ? null : FUNCTIONS.byName(identifier);
    if (fn == null) {
      throw new ValueError("Could not interpret loss identifier: " + identifier);
    }
    return new Loss(identifier) {
      @Override
      protected Tensor call(Tensor y_true, Tensor y_pred) {
        Tensor[] same = squeezeOrExpandToSameRank(y_true, y_pred);
        return fn.apply(same[0], same[1]);
      }
    };
  }
}
