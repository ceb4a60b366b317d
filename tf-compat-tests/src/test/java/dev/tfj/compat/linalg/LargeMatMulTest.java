package dev.tfj.compat.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.tfj.Tensor;
import dev.tfj.tf;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Products big enough to be shared out across cores give exactly the bits of one thread
 * summing each row in order (the oracle tests compare the same kernel with TensorFlow).
 */
class LargeMatMulTest {
  @Test
  void aLargeFloat32ProductEqualsTheSequentialRowByRowSum() {
    int m = 300;
    int k = 200;
    int n = 250;
    float[][] a = random(m, k, 1);
    float[][] b = random(k, n, 2);
    float[][] c = (float[][]) tf.matmul(a, b).numpy();
    for (int i = 0; i < m; i++) {
      float[] row = new float[n];
      for (int p = 0; p < k; p++) {
        for (int j = 0; j < n; j++) {
          row[j] += a[i][p] * b[p][j];
        }
      }
      assertArrayEquals(row, c[i], "row " + i);
    }
  }

  @Test
  void aLargeBatchedProductWithTransposesEqualsItsBatchesOneByOne() {
    float[][][] a = {random(120, 90, 3), random(120, 90, 4)};
    float[][] b = random(100, 90, 5);
    Tensor batched = tf.matmul(a, b, false, true);
    for (int batch = 0; batch < 2; batch++) {
      Tensor single = tf.matmul(a[batch], b, false, true);
      assertArrayEquals((float[][]) single.numpy(), ((float[][][]) batched.numpy())[batch]);
    }
  }

  private static float[][] random(int rows, int cols, long seed) {
    Random r = new Random(seed);
    float[][] x = new float[rows][cols];
    for (float[] row : x) {
      for (int j = 0; j < cols; j++) {
        row[j] = (float) r.nextGaussian();
      }
    }
    return x;
  }
}
