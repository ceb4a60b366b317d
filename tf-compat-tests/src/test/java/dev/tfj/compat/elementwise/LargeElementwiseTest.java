package dev.tfj.compat.elementwise;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.tfj.Tensor;
import dev.tfj.tf;
import java.util.Arrays;
import java.util.Random;
import java.util.function.BinaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Tensors big enough to be shared out across cores give exactly the elements the same op gives
 * on small pieces of them (which one thread computes; the oracle tests compare those with TensorFlow).
 */
class LargeElementwiseTest {
  private static final int N = 600_000;
  private static final int PIECE = 50_000;

  @Test
  void unaryAndBinaryOpsOnALargeTensorMatchThemPieceByPiece() {
    float[] x = random(1);
    float[] y = random(2);
    check(x, y, (a, b) -> tf.exp(a));
    check(x, y, tf::multiply);
    check(x, y, (a, b) -> tf.sigmoid(tf.add(a, b)));
  }

  private static void check(float[] x, float[] y, BinaryOperator<Tensor> op) {
    float[] whole = (float[]) op.apply(tf.constant(x), tf.constant(y)).numpy();
    for (int from = 0; from < N; from += PIECE) {
      float[] px = Arrays.copyOfRange(x, from, from + PIECE);
      float[] py = Arrays.copyOfRange(y, from, from + PIECE);
      float[] piece = (float[]) op.apply(tf.constant(px), tf.constant(py)).numpy();
      assertArrayEquals(piece, Arrays.copyOfRange(whole, from, from + PIECE), "elements from " + from);
    }
  }

  private static float[] random(long seed) {
    Random r = new Random(seed);
    float[] v = new float[N];
    for (int i = 0; i < N; i++) {
      v[i] = (float) (4 * r.nextGaussian());
    }
    return v;
  }
}
