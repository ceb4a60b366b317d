package dev.tfj.keras.initializers;

import dev.tfj.errors.ValueError;

/**
 * {@code tf.keras.initializers}: the classes by their Keras names, and {@link #get} for the
 * string identifiers layers take ({@code "glorot_uniform"}, {@code "he_normal"}, ...). Each
 * string makes a new initializer, with a new default seed, as Keras deserializes one per use.
 */
public final class Initializers {
  public Initializers() {}

  public GlorotUniform GlorotUniform() {
    return new GlorotUniform();
  }

  public GlorotUniform GlorotUniform(long seed) {
    return new GlorotUniform(seed);
  }

  public GlorotNormal GlorotNormal() {
    return new GlorotNormal();
  }

  public GlorotNormal GlorotNormal(long seed) {
    return new GlorotNormal(seed);
  }

  public HeNormal HeNormal() {
    return new HeNormal();
  }

  public HeNormal HeNormal(long seed) {
    return new HeNormal(seed);
  }

  public HeUniform HeUniform() {
    return new HeUniform();
  }

  public HeUniform HeUniform(long seed) {
    return new HeUniform(seed);
  }

  public RandomNormal RandomNormal() {
    return new RandomNormal();
  }

  public RandomNormal RandomNormal(double mean, double stddev) {
    return new RandomNormal(mean, stddev);
  }

  public RandomNormal RandomNormal(double mean, double stddev, long seed) {
    return new RandomNormal(mean, stddev, seed);
  }

  public RandomUniform RandomUniform() {
    return new RandomUniform();
  }

  public RandomUniform RandomUniform(double minval, double maxval) {
    return new RandomUniform(minval, maxval);
  }

  public RandomUniform RandomUniform(double minval, double maxval, long seed) {
    return new RandomUniform(minval, maxval, seed);
  }

  public TruncatedNormal TruncatedNormal() {
    return new TruncatedNormal();
  }

  public TruncatedNormal TruncatedNormal(double mean, double stddev, long seed) {
    return new TruncatedNormal(mean, stddev, seed);
  }

  public Zeros Zeros() {
    return new Zeros();
  }

  public Ones Ones() {
    return new Ones();
  }

  public Constant Constant(double value) {
    return new Constant(value);
  }

  /** {@code keras.initializers.get(identifier)} for a string. */
  public static Initializer get(String identifier) {
    return switch (identifier == null ? "" : identifier) {
      case "glorot_uniform" -> new GlorotUniform();
      case "glorot_normal" -> new GlorotNormal();
      case "he_normal" -> new HeNormal();
      case "he_uniform" -> new HeUniform();
      case "lecun_normal" -> new LecunNormal();
      case "lecun_uniform" -> new LecunUniform();
      case "random_normal" -> new RandomNormal();
      case "random_uniform" -> new RandomUniform();
      case "truncated_normal" -> new TruncatedNormal();
      case "variance_scaling" -> new VarianceScaling();
      case "zeros" -> new Zeros();
      case "ones" -> new Ones();
      default -> throw new ValueError("Could not interpret initializer identifier: "
          + (identifier == null ? "None" : identifier));
    };
  }
}
