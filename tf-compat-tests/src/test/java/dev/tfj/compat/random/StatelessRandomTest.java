package dev.tfj.compat.random;

import static dev.tfj.compat.nn.NnOracle.assertBitForBit;
import static dev.tfj.compat.nn.NnOracle.assertRejected;
import static dev.tfj.compat.nn.NnOracle.of;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tfj.Tensor;
import dev.tfj.compat.ComparedWithTensorFlow;
import dev.tfj.compat.oracle.Oracle;
import dev.tfj.errors.InvalidArgumentError;
import dev.tfj.errors.ValueError;
import dev.tfj.ops.DType;
import dev.tfj.tf;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.tensorflow.EagerSession;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.random.StatelessRandomNormal;
import org.tensorflow.op.random.StatelessRandomUniform;
import org.tensorflow.op.random.StatelessTruncatedNormal;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

/**
 * tf.random.stateless_uniform / stateless_normal / stateless_truncated_normal (what Keras 3's
 * seeded initializers and dropout draw from): TensorFlow's StatelessRandom* kernels bit for bit
 * (float64 normals to the last bit, as for tf.random.normal),
 * for int32 and int64 seeds (negative and large ones included), float32 and float64, odd sizes;
 * the same seed gives the same numbers call after call, whatever ran in between.
 */
@ComparedWithTensorFlow({"StatelessRandomUniform", "StatelessRandomNormal", "StatelessTruncatedNormal"})
class StatelessRandomTest {
  private static final Ops TFE = Ops.create(EagerSession.create());
  private static final long[][] SHAPES = {{1}, {3}, {5}, {2, 3}, {1001}, {0}};
  private static final long[][] SEEDS = {{0, 0}, {42, 0}, {1, 2}, {-7, 123456789}, {2147483645, 3}};

  private enum Kind { UNIFORM, NORMAL, TRUNCATED }

  private static Operand<?> tensorFlow(Kind kind, long[] shape, long[] seed, boolean int64Seed, DType dtype) {
    Operand<TInt32> dims = TFE.constant(Arrays.stream(shape).mapToInt(Math::toIntExact).toArray());
    Operand<?> s = int64Seed ? TFE.constant(seed) : TFE.constant(new int[] {(int) seed[0], (int) seed[1]});
    Class<? extends org.tensorflow.types.family.TNumber> type = dtype == DType.FLOAT32 ? TFloat32.class : TFloat64.class;
    @SuppressWarnings({"unchecked", "rawtypes"})
    Operand<?> out = switch (kind) {
      case UNIFORM -> StatelessRandomUniform.create(TFE.scope(), dims, (Operand) s, (Class) type);
      case NORMAL -> StatelessRandomNormal.create(TFE.scope(), dims, (Operand) s, (Class) type);
      case TRUNCATED -> StatelessTruncatedNormal.create(TFE.scope(), dims, (Operand) s, (Class) type);
    };
    return out;
  }

  private static Tensor tfj(Kind kind, long[] shape, long[] seed, boolean int64Seed, DType dtype) {
    Object s = int64Seed ? seed : new int[] {(int) seed[0], (int) seed[1]};
    return switch (kind) {
      case UNIFORM -> tf.random.stateless_uniform(shape, s, 0, null, dtype);
      case NORMAL -> tf.random.stateless_normal(shape, s, 0.0, 1.0, dtype);
      case TRUNCATED -> tf.random.stateless_truncated_normal(shape, s, 0.0, 1.0, dtype);
    };
  }

  @Test
  void bitForBitWithTensorFlowForEverySeedShapeAndDtype() {
    for (Kind kind : Kind.values()) {
      for (DType dtype : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
        for (long[] shape : SHAPES) {
          for (long[] seed : SEEDS) {
            for (boolean int64 : new boolean[] {false, true}) {
              String what = kind + " " + dtype + " " + Arrays.toString(shape) + " seed " + Arrays.toString(seed)
                  + (int64 ? " int64" : " int32");
              Tensor first = tfj(kind, shape, seed, int64, dtype);
              // float64 normals can differ in the last bit (glibc's double sin/cos, see the README).
              double ulps = kind != Kind.UNIFORM && dtype == DType.FLOAT64 ? 3e-16 : 0;
              Oracle.assertAgree(of(tensorFlow(kind, shape, seed, int64, dtype)), of(first), ulps, ulps, what);
              tf.random.uniform(new long[] {7});
              assertBitForBit(of(first), of(tfj(kind, shape, seed, int64, dtype)), what + ", called again");
            }
          }
        }
      }
    }
  }

  @Test
  void rangeAndMomentsAreApplied() {
    Tensor u = tf.random.stateless_uniform(new long[] {4}, new int[] {3, 4}, -2.0, 6.0, DType.FLOAT32);
    Tensor raw = tf.random.stateless_uniform(new long[] {4}, new int[] {3, 4});
    assertBitForBit(of(raw.mul(8.0).add(-2.0)), of(u), "uniform in [-2, 6)");
    Tensor n = tf.random.stateless_normal(new long[] {4}, new int[] {3, 4}, 1.0, 0.5, DType.FLOAT32);
    assertBitForBit(of(tf.random.stateless_normal(new long[] {4}, new int[] {3, 4}).mul(0.5).add(1.0)), of(n),
        "normal * 0.5 + 1");
  }

  @Test
  void badSeedsAndDtypesAreTensorFlowsErrors() {
    assertRejected(InvalidArgumentError.class, "seed must have shape [2], not [3] [Op:StatelessRandomUniform]",
        () -> tf.random.stateless_uniform(new long[] {2}, new int[] {1, 2, 3}));
    assertRejected(ValueError.class, "Argument `dtype` got invalid value <dtype: 'int32'>. Accepted dtypes are"
        + " (tf.float16, tf.bfloat16, tf.float32, tf.float64).",
        () -> tf.random.stateless_normal(new long[] {2}, new int[] {1, 2}, 0, 1, DType.INT32));
    assertEquals(DType.FLOAT64, tf.random.stateless_truncated_normal(new long[] {2}, new long[] {1, 2}, 0.0, 1.0,
        DType.FLOAT64).dtype());
  }
}
