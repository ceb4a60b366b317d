package dev.tfj.ops;

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
}
