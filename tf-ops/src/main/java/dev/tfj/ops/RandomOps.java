package dev.tfj.ops;

import dev.tfj.errors.InvalidArgumentError;

/**
 * Random ops. Their outputs are samples, not functions of their inputs, so TensorFlow marks
 * them not differentiable; tf.random.normal's mean and stddev are applied with ordinary ops
 * after the sample and get gradients through those.
 */
public final class RandomOps {
  private RandomOps() {}

  static void load() {}

  public static final Op STANDARD_NORMAL = Op.define("RandomStandardNormal")
      .outputShape((in, a) -> ShapeRules.shapeFromInput(in, 0))
      .notDifferentiable();

  public static final Op UNIFORM = Op.define("RandomUniform")
      .outputShape((in, a) -> ShapeRules.shapeFromInput(in, 0))
      .notDifferentiable();

  /**
   * RandomUniformInt(shape, minval, maxval): integers in [minval, maxval), with the checks of
   * TensorFlow's kernel in its order. An empty output needs no valid range, as there.
   */
  public static final Op UNIFORM_INT = Op.define("RandomUniformInt")
      .outputShape((in, a) -> {
        for (int i = 1; i <= 2; i++) {
          if (in[i].shape().length != 0) {
            throw new InvalidArgumentError((i == 1 ? "minval" : "maxval") + " must be 0-D, got shape "
                + Shapes.str(in[i].shape()));
          }
        }
        long[] shape = ShapeRules.shapeFromInput(in, 0);
        long lo = in[1].longValues()[0];
        long hi = in[2].longValues()[0];
        if (Shapes.numElements(shape) > 0 && lo >= hi) {
          throw new InvalidArgumentError("Need minval < maxval, got " + lo + " >= " + hi);
        }
        return shape;
      })
      .notDifferentiable();

  /** Normal samples redrawn until they fall within two standard deviations. */
  public static final Op TRUNCATED_NORMAL = Op.define("TruncatedNormal")
      .outputShape((in, a) -> ShapeRules.shapeFromInput(in, 0))
      .notDifferentiable();

  /** Multinomial(logits [batch, classes], num_samples) -> class indices [batch, num_samples]. */
  public static final Op MULTINOMIAL = Op.define("Multinomial")
      .outputShape((in, a) -> {
        long[] logits = in[0].shape();
        if (logits.length != 2) {
          throw new InvalidArgumentError("logits should be a matrix, got shape " + Shapes.str(logits));
        }
        if (in[1].shape().length != 0) {
          throw new InvalidArgumentError("num_samples should be a scalar, got shape "
              + Shapes.str(in[1].shape()));
        }
        long samples = in[1].longValues()[0];
        if (samples < 0) {
          throw new InvalidArgumentError("num_samples should be nonnegative, got " + samples);
        }
        if (logits[1] == 0) {
          throw new InvalidArgumentError("num_classes should be positive, got 0");
        }
        return new long[] {logits[0], samples};
      })
      .notDifferentiable();

  /** A permutation of the first axis. TensorFlow registers no gradient for it. */
  public static final Op RANDOM_SHUFFLE = Op.define("RandomShuffle")
      .outputShape(ShapeRules::sameAsFirst)
      .noGradientRegistered();

  /**
   * The stateless ops (shape, seed[2]): the same seed gives the same numbers, whatever ran before.
   * TensorFlow's kernel reads the shape first, then checks the seed.
   */
  private static long[] statelessShape(Operand[] in) {
    long[] shape = ShapeRules.shapeFromInput(in, 0);
    long[] seed = in[1].shape();
    if (seed.length != 1 || seed[0] != 2) {
      throw new InvalidArgumentError("seed must have shape [2], not " + Shapes.str(seed));
    }
    return shape;
  }

  public static final Op STATELESS_UNIFORM = Op.define("StatelessRandomUniform")
      .outputShape((in, a) -> statelessShape(in))
      .notDifferentiable();

  public static final Op STATELESS_NORMAL = Op.define("StatelessRandomNormal")
      .outputShape((in, a) -> statelessShape(in))
      .notDifferentiable();

  public static final Op STATELESS_TRUNCATED_NORMAL = Op.define("StatelessTruncatedNormal")
      .outputShape((in, a) -> statelessShape(in))
      .notDifferentiable();
}
