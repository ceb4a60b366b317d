package dev.tfj;

import static dev.tfj.Ops.RUN;

import dev.tfj.eager.RandomSeeds;
import dev.tfj.eager.TensorHandle;
import dev.tfj.errors.ValueError;
import dev.tfj.ops.Attrs;
import dev.tfj.ops.DType;
import dev.tfj.ops.Op;
import dev.tfj.ops.Operand;
import dev.tfj.ops.PythonNone;
import dev.tfj.ops.RandomOps;

/**
 * {@code tf.random}. Seeds follow TensorFlow: {@code set_seed} fixes the sequence of a program,
 * an op seed fixes one op, and TensorFlow's generator (Philox) gives TensorFlow's numbers.
 */
public final class RandomNamespace {
  RandomNamespace() {}

  public void set_seed(long seed) {
    RandomSeeds.setGlobalSeed(seed);
  }

  public Tensor normal(long[] shape) {
    return normal(shape, 0.0, 1.0, DType.FLOAT32, null);
  }

  public Tensor normal(long[] shape, DType dtype) {
    return normal(shape, 0.0, 1.0, dtype, null);
  }

  public Tensor normal(long[] shape, Object mean) {
    return normal(shape, mean, 1.0, DType.FLOAT32, null);
  }

  public Tensor normal(long[] shape, Object mean, Object stddev) {
    return normal(shape, mean, stddev, DType.FLOAT32, null);
  }

  public Tensor normal(long[] shape, Object mean, Object stddev, DType dtype) {
    return normal(shape, mean, stddev, dtype, null);
  }

  /** {@code RandomStandardNormal(shape) * stddev + mean}. */
  public Tensor normal(long[] shape, Object mean, Object stddev, DType dtype, Long seed) {
    return scaled(RandomOps.STANDARD_NORMAL, shape, mean, stddev, dtype, seed);
  }

  public Tensor truncated_normal(long[] shape) {
    return truncated_normal(shape, 0.0, 1.0, DType.FLOAT32, null);
  }

  public Tensor truncated_normal(long[] shape, DType dtype) {
    return truncated_normal(shape, 0.0, 1.0, dtype, null);
  }

  public Tensor truncated_normal(long[] shape, Object mean) {
    return truncated_normal(shape, mean, 1.0, DType.FLOAT32, null);
  }

  public Tensor truncated_normal(long[] shape, Object mean, Object stddev) {
    return truncated_normal(shape, mean, stddev, DType.FLOAT32, null);
  }

  public Tensor truncated_normal(long[] shape, Object mean, Object stddev, DType dtype) {
    return truncated_normal(shape, mean, stddev, dtype, null);
  }

  /** {@code TruncatedNormal(shape) * stddev + mean}: samples within two standard deviations. */
  public Tensor truncated_normal(long[] shape, Object mean, Object stddev, DType dtype, Long seed) {
    return scaled(RandomOps.TRUNCATED_NORMAL, shape, mean, stddev, dtype, seed);
  }

  /**
   * In TensorFlow's order: the shape, mean and stddev converted, then the op, whose dtype attr
   * has no default (so a null dtype is its TypeError).
   */
  private static Tensor scaled(Op op, long[] shape, Object mean, Object stddev, DType dtype, Long seed) {
    Operand dims = RUN.int32s(shape);
    TensorHandle m = Convert.toHandle(mean, dtype);
    TensorHandle s = Convert.toHandle(stddev, dtype);
    Operand sample = sample(op, dims, dtype, seed);
    return Tensor.wrap(RUN.add(RUN.mul(sample, s), m));
  }

  public Tensor uniform(long[] shape) {
    return uniform(shape, 0, null, DType.FLOAT32, null);
  }

  public Tensor uniform(long[] shape, DType dtype) {
    return uniform(shape, 0, null, dtype, null);
  }

  public Tensor uniform(long[] shape, Object minval, Object maxval) {
    return uniform(shape, minval, maxval, DType.FLOAT32, null);
  }

  public Tensor uniform(long[] shape, Object minval, Object maxval, DType dtype) {
    return uniform(shape, minval, maxval, dtype, null);
  }

  private static final java.util.Set<DType> UNIFORM_TYPES = java.util.EnumSet.of(DType.FLOAT32,
      DType.FLOAT64, DType.INT32, DType.INT64);

  /**
   * Numbers in [minval, maxval). Floats: maxval null means 1; as in TensorFlow, the default
   * range [0, 1) returns the raw sample, and otherwise {@code sample * (maxval - minval) +
   * minval}. Integers (int32, int64) need maxval and come from RandomUniformInt, whose numbers
   * are slightly biased unless maxval - minval is a power of two, as TensorFlow's are. The dtype
   * goes through {@code as_dtype} first, so null is its TypeError; the shape converts before
   * the bounds, as in TensorFlow.
   */
  public Tensor uniform(long[] shape, Object minval, Object maxval, DType dtype, Long seed) {
    PythonNone.dtype(dtype);
    if (!UNIFORM_TYPES.contains(dtype)) {
      throw new ValueError("Argument `dtype` got invalid value <dtype: '" + dtype.typeName()
          + "'>. Accepted dtypes are (tf.float16, tf.bfloat16, tf.float32, tf.float64, tf.int32,"
          + " tf.int64).");
    }
    if (dtype.is_integer() && maxval == null) {
      throw new ValueError("Must specify maxval for integer dtype " + dtype);
    }
    Operand dims = RUN.int32s(shape);
    if (dtype.is_integer()) {
      TensorHandle lo = Convert.toHandle(minval, dtype);
      TensorHandle hi = Convert.toHandle(maxval, dtype);
      long[] seeds = RandomSeeds.seedsFor(seed);
      return Tensor.wrap(RUN.run1(RandomOps.UNIFORM_INT, Attrs.of("seed", seeds[0], "seed2", seeds[1]),
          dims, lo, hi));
    }
    boolean minIsZero = minval instanceof Integer i && i == 0;
    boolean maxIsOne = maxval == null || (maxval instanceof Integer i && i == 1);
    TensorHandle lo = minIsZero && maxIsOne ? null : Convert.toHandle(minval, dtype);
    TensorHandle hi = minIsZero && maxIsOne ? null : Convert.toHandle(maxval == null ? 1 : maxval, dtype);
    Operand result = sample(RandomOps.UNIFORM, dims, dtype, seed);
    if (minIsZero) {
      return Tensor.wrap(maxIsOne ? result : RUN.mul(result, hi));
    }
    return Tensor.wrap(RUN.add(RUN.mul(result, RUN.sub(hi, lo)), lo));
  }

  public Tensor categorical(Object logits, int num_samples) {
    return categorical(logits, num_samples, null, null);
  }

  public Tensor categorical(Object logits, int num_samples, DType dtype) {
    return categorical(logits, num_samples, dtype, null);
  }

  /**
   * {@code num_samples} class indices per row of {@code logits} ([batch, classes]), drawn with
   * probabilities softmax(logits); dtype int64 (null) or int32.
   */
  public Tensor categorical(Object logits, int num_samples, DType dtype, Long seed) {
    TensorHandle l = Convert.toHandle(logits, null);
    DType out = dtype == null ? DType.INT64 : dtype;
    if (out != DType.INT32 && out != DType.INT64) {
      throw new ValueError("Argument `dtype` got invalid value <dtype: '" + out.typeName()
          + "'>. Accepted dtypes are (tf.int32, tf.int64).");
    }
    long[] seeds = RandomSeeds.seedsFor(seed);
    Attrs attrs = Attrs.of("seed", seeds[0], "seed2", seeds[1], "output_dtype", out);
    return Tensor.wrap(RUN.run1(RandomOps.MULTINOMIAL, attrs, l, RUN.scalar(DType.INT32, num_samples)));
  }

  public Tensor shuffle(Object value) {
    return shuffle(value, null);
  }

  /** A random permutation of {@code value} along its first axis. */
  public Tensor shuffle(Object value, Long seed) {
    TensorHandle v = Convert.toHandle(value, null);
    long[] seeds = RandomSeeds.seedsFor(seed);
    return Tensor.wrap(RUN.run1(RandomOps.RANDOM_SHUFFLE, Attrs.of("seed", seeds[0], "seed2", seeds[1]), v));
  }

  public Tensor stateless_uniform(long[] shape, Object seed) {
    return stateless_uniform(shape, seed, 0, null, DType.FLOAT32);
  }

  public Tensor stateless_uniform(long[] shape, Object seed, Object minval, Object maxval) {
    return stateless_uniform(shape, seed, minval, maxval, DType.FLOAT32);
  }

  /**
   * {@code StatelessRandomUniform(shape, seed) * (maxval - minval) + minval} (maxval null: 1):
   * the same {@code seed} (two int32 or int64 numbers) gives the same numbers, TensorFlow's, on
   * every call. Floating dtypes only.
   */
  public Tensor stateless_uniform(long[] shape, Object seed, Object minval, Object maxval, DType dtype) {
    Operand dims = RUN.int32s(shape);
    TensorHandle lo = Convert.toHandle(minval, floating(dtype));
    TensorHandle hi = Convert.toHandle(maxval == null ? 1 : maxval, dtype);
    Operand sample = stateless(RandomOps.STATELESS_UNIFORM, dims, seed, dtype);
    return Tensor.wrap(RUN.add(RUN.mul(sample, RUN.sub(hi, lo)), lo));
  }

  public Tensor stateless_normal(long[] shape, Object seed) {
    return stateless_normal(shape, seed, 0.0, 1.0, DType.FLOAT32);
  }

  /** {@code StatelessRandomNormal(shape, seed) * stddev + mean}. */
  public Tensor stateless_normal(long[] shape, Object seed, Object mean, Object stddev, DType dtype) {
    return statelessScaled(RandomOps.STATELESS_NORMAL, shape, seed, mean, stddev, dtype);
  }

  public Tensor stateless_truncated_normal(long[] shape, Object seed) {
    return stateless_truncated_normal(shape, seed, 0.0, 1.0, DType.FLOAT32);
  }

  /** {@code StatelessTruncatedNormal(shape, seed) * stddev + mean}: within two standard deviations. */
  public Tensor stateless_truncated_normal(long[] shape, Object seed, Object mean, Object stddev, DType dtype) {
    return statelessScaled(RandomOps.STATELESS_TRUNCATED_NORMAL, shape, seed, mean, stddev, dtype);
  }

  private static Tensor statelessScaled(Op op, long[] shape, Object seed, Object mean, Object stddev, DType dtype) {
    Operand dims = RUN.int32s(shape);
    TensorHandle m = Convert.toHandle(mean, floating(dtype));
    TensorHandle s = Convert.toHandle(stddev, dtype);
    Operand sample = stateless(op, dims, seed, dtype);
    return Tensor.wrap(RUN.add(RUN.mul(sample, s), m));
  }

  private static DType floating(DType dtype) {
    PythonNone.dtype(dtype);
    if (!dtype.is_floating()) {
      throw new ValueError("Argument `dtype` got invalid value <dtype: '" + dtype.typeName()
          + "'>. Accepted dtypes are (tf.float16, tf.bfloat16, tf.float32, tf.float64).");
    }
    return dtype;
  }

  /** A seed converts as TensorFlow converts it: Java ints to int32, longs to int64. */
  private static Operand stateless(Op op, Operand shape, Object seed, DType dtype) {
    TensorHandle s = Convert.toHandle(seed, null);
    if (s.dtype != DType.INT32 && s.dtype != DType.INT64) {
      throw new dev.tfj.errors.TypeError("Value passed to parameter 'seed' has DataType "
          + s.dtype.typeName() + " not in list of allowed values: int32, int64");
    }
    return RUN.run1(op, Attrs.of("dtype", dtype), shape, s);
  }

  private static Operand sample(Op op, Operand shape, DType dtype, Long seed) {
    long[] seeds = RandomSeeds.seedsFor(seed);
    return RUN.run1(op, Attrs.of("dtype", dtype, "seed", seeds[0], "seed2", seeds[1]), shape);
  }
}
