package dev.tfj.keras.regularizers;

/** {@code tf.keras.regularizers}: {@code l1}, {@code l2}, {@code l1_l2} and their class spellings. */
public final class Regularizers {
  public Regularizers() {}

  /** {@code l2(l2=0.01)}. */
  public Regularizer l2() {
    return l2(0.01);
  }

  public Regularizer l2(double l2) {
    return new Regularizer(0, l2);
  }

  public Regularizer L2(double l2) {
    return l2(l2);
  }

  /** {@code l1(l1=0.01)}. */
  public Regularizer l1() {
    return l1(0.01);
  }

  public Regularizer l1(double l1) {
    return new Regularizer(l1, 0);
  }

  public Regularizer L1(double l1) {
    return l1(l1);
  }

  /** {@code l1_l2(l1=0.0, l2=0.0)}. */
  public Regularizer l1_l2(double l1, double l2) {
    return new Regularizer(l1, l2);
  }

  public Regularizer L1L2(double l1, double l2) {
    return l1_l2(l1, l2);
  }

  /** {@code regularizers.get("l2")}: the named regularizer with its default factor. */
  public static Regularizer get(String identifier) {
    return switch (identifier) {
      case "l1" -> new Regularizer(0.01, 0);
      case "l2" -> new Regularizer(0, 0.01);
      case "l1_l2" -> new Regularizer(0, 0);
      default -> throw new dev.tfj.errors.ValueError("Could not interpret regularizer identifier: " + identifier);
    };
  }
}
