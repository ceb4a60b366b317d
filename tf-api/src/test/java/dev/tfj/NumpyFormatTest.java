package dev.tfj;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tfj.ops.DType;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * Expected strings are NumPy 1.24.2's, printed by {@code repr(a)} and {@code str(a)} with the default print options;
 * rank-0 reprs are {@code repr(a.item())}, as TensorFlow prints them.
 */
class NumpyFormatTest {
  @Test
  void notebookColumnPadsToTheWidestElement() {
    assertEquals(
        "array([[ 0.],\n"
            + "       [ 4.],\n"
            + "       [ 8.],\n"
            + "       [12.]], dtype=float32)",
        NumpyFormat.repr(DType.FLOAT32, new long[] {4, 1}, new float[] {0.0f, 4.0f, 8.0f, 12.0f}));
  }

  @Test
  void notebookColumnStr() {
    assertEquals(
        "[[ 0.]\n"
            + " [ 4.]\n"
            + " [ 8.]\n"
            + " [12.]]",
        NumpyFormat.str(DType.FLOAT32, new long[] {4, 1}, new float[] {0.0f, 4.0f, 8.0f, 12.0f}));
  }

  @Test
  void fractionsPadOnTheRight() {
    assertEquals(
        "array([0.1 , 0.25], dtype=float32)",
        NumpyFormat.repr(DType.FLOAT32, new long[] {2}, new float[] {0.1f, 0.25f}));
  }

  @Test
  void negativesAlignWithPositives() {
    assertEquals(
        "array([-2.25,  3.25], dtype=float32)",
        NumpyFormat.repr(DType.FLOAT32, new long[] {2}, new float[] {-2.25f, 3.25f}));
  }

  @Test
  void integralFloatsEndWithAPoint() {
    assertEquals(
        "array([ 0.,  4.,  8., 12.], dtype=float32)",
        NumpyFormat.repr(DType.FLOAT32, new long[] {4}, new float[] {0.0f, 4.0f, 8.0f, 12.0f}));
  }

  @Test
  void mixedDigitCounts() {
    assertEquals(
        "array([   1.5  ,   10.25 , -100.125,    3.   ], dtype=float32)",
        NumpyFormat.repr(DType.FLOAT32, new long[] {4}, new float[] {1.5f, 10.25f, -100.125f, 3.0f}));
  }

  @Test
  void float32PrintsItsOwnShortestDigits() {
    assertEquals(
        "array([0.1, 0.2, 0.3, 1.1], dtype=float32)",
        NumpyFormat.repr(DType.FLOAT32, new long[] {4}, new float[] {0.1f, 0.2f, 0.3f, 1.1f}));
  }

  @Test
  void float32RoundsToEightFractionDigits() {
    assertEquals(
        "array([0.33333334, 0.6666667 , 0.5       ], dtype=float32)",
        NumpyFormat.repr(DType.FLOAT32, new long[] {3}, new float[] {0.33333334f, 0.6666667f, 0.5f}));
  }

  @Test
  void float64RoundsToEightFractionDigitsWithoutDtype() {
    assertEquals(
        "array([0.33333333, 0.3       , 2.        ])",
        NumpyFormat.repr(DType.FLOAT64, new long[] {3}, new double[] {0.3333333333333333, 0.30000000000000004, 2.0}));
  }

  @Test
  void float32IntegersBeyondTwoToThe24PrintEveryDigit() {
    assertEquals(
        "array([69194864. ,  3336470.5], dtype=float32)",
        NumpyFormat.repr(DType.FLOAT32, new long[] {2}, new float[] {69194864.0f, 3336470.5f}));
  }

  @Test
  void scientificForLargeValues() {
    assertEquals(
        "array([1.e+08, 1.e+00], dtype=float32)",
        NumpyFormat.repr(DType.FLOAT32, new long[] {2}, new float[] {100000000.0f, 1.0f}));
  }

  @Test
  void scientificForSmallValues() {
    assertEquals(
        "array([1.0e-05, 1.5e+00], dtype=float32)",
        NumpyFormat.repr(DType.FLOAT32, new long[] {2}, new float[] {1e-05f, 1.5f}));
  }

  @Test
  void scientificForWideRatio() {
    assertEquals(
        "array([1.0e-03, 2.5e+00])",
        NumpyFormat.repr(DType.FLOAT64, new long[] {2}, new double[] {0.001, 2.5}));
  }

  @Test
  void scientificMantissasShareTheWidestFraction() {
    assertEquals(
        "array([9.9999997e-06, 1.2345678e+00], dtype=float32)",
        NumpyFormat.repr(DType.FLOAT32, new long[] {2}, new float[] {1e-05f, 1.2345678f}));
  }

  @Test
  void scientificWithThreeDigitExponents() {
    assertEquals(
        "array([ 1.e+100, -1.e-005,  0.e+000])",
        NumpyFormat.repr(DType.FLOAT64, new long[] {3}, new double[] {1e+100, -1e-05, 0.0}));
  }

  @Test
  void nanAndInfinities() {
    assertEquals(
        "array([ nan,  inf, -inf,  1.5], dtype=float32)",
        NumpyFormat.repr(
            DType.FLOAT32,
            new long[] {4},
            new float[] {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 1.5f}));
  }

  @Test
  void onlyNonFiniteValues() {
    assertEquals(
        "array([ nan, -inf], dtype=float32)",
        NumpyFormat.repr(DType.FLOAT32, new long[] {2}, new float[] {Float.NaN, Float.NEGATIVE_INFINITY}));
  }

  @Test
  void nanAmongScientific() {
    assertEquals(
        "[1.e+10    nan 1.e-10]",
        NumpyFormat.str(DType.FLOAT64, new long[] {3}, new double[] {10000000000.0, Double.NaN, 1e-10}));
  }

  @Test
  void negativeZero() {
    assertEquals(
        "array([-0.,  1.])",
        NumpyFormat.repr(DType.FLOAT64, new long[] {2}, new double[] {-0.0, 1.0}));
  }

  @Test
  void allZeros() {
    assertEquals(
        "array([0., 0., 0.], dtype=float32)",
        NumpyFormat.repr(DType.FLOAT32, new long[] {3}, new float[] {0.0f, 0.0f, 0.0f}));
  }

  @Test
  void subnormalFloat32() {
    assertEquals(
        "array([1.e-45], dtype=float32)",
        NumpyFormat.repr(DType.FLOAT32, new long[] {1}, new float[] {1e-45f}));
  }

  @Test
  void boolsPadTrueToTheWidthOfFalse() {
    assertEquals(
        "array([ True, False])",
        NumpyFormat.repr(DType.BOOL, new long[] {2}, new boolean[] {true, false}));
  }

  @Test
  void boolStr() {
    assertEquals(
        "[[ True False]\n"
            + " [False  True]]",
        NumpyFormat.str(DType.BOOL, new long[] {2, 2}, new boolean[] {true, false, false, true}));
  }

  @Test
  void int32RightAlignedWithDtype() {
    assertEquals(
        "array([  1, -20, 300], dtype=int32)",
        NumpyFormat.repr(DType.INT32, new long[] {3}, new int[] {1, -20, 300}));
  }

  @Test
  void int64HasNoDtype() {
    assertEquals(
        "array([[             7, -1234567890123],\n"
            + "       [             0,             42]])",
        NumpyFormat.repr(DType.INT64, new long[] {2, 2}, new long[] {7L, -1234567890123L, 0L, 42L}));
  }

  @Test
  void uint8IsUnsigned() {
    assertEquals(
        "array([  0,   7, 128, 255], dtype=uint8)",
        NumpyFormat.repr(DType.UINT8, new long[] {4}, new byte[] {(byte) 0, (byte) 7, (byte) 128, (byte) 255}));
  }

  @Test
  void int32Str() {
    assertEquals(
        "[[ 1  2]\n"
            + " [30  4]]",
        NumpyFormat.str(DType.INT32, new long[] {2, 2}, new int[] {1, 2, 30, 4}));
  }

  @Test
  void emptyFloat32() {
    assertEquals(
        "array([], dtype=float32)",
        NumpyFormat.repr(DType.FLOAT32, new long[] {0}, new float[] {}));
  }

  @Test
  void emptyFloat64KeepsItsDtype() {
    assertEquals(
        "array([], dtype=float64)",
        NumpyFormat.repr(DType.FLOAT64, new long[] {0}, new double[] {}));
  }

  @Test
  void emptyInt64KeepsItsDtype() {
    assertEquals(
        "array([], dtype=int64)",
        NumpyFormat.repr(DType.INT64, new long[] {0}, new long[] {}));
  }

  @Test
  void emptyMatrixShowsItsShape() {
    assertEquals(
        "array([], shape=(2, 0), dtype=float32)",
        NumpyFormat.repr(DType.FLOAT32, new long[] {2, 0}, new float[] {}));
  }

  @Test
  void emptyStr() {
    assertEquals(
        "[]",
        NumpyFormat.str(DType.FLOAT32, new long[] {2, 0}, new float[] {}));
  }

  @Test
  void rank3BlocksSeparatedByBlankLines() {
    assertEquals(
        "array([[[ 0.,  1.,  2.,  3.],\n"
            + "        [ 4.,  5.,  6.,  7.],\n"
            + "        [ 8.,  9., 10., 11.]],\n"
            + "\n"
            + "       [[12., 13., 14., 15.],\n"
            + "        [16., 17., 18., 19.],\n"
            + "        [20., 21., 22., 23.]]], dtype=float32)",
        NumpyFormat.repr(DType.FLOAT32, new long[] {2, 3, 4}, range(DType.FLOAT32, 24)));
  }

  @Test
  void rank3Str() {
    assertEquals(
        "[[[ 0.  1.  2.  3.]\n"
            + "  [ 4.  5.  6.  7.]\n"
            + "  [ 8.  9. 10. 11.]]\n"
            + "\n"
            + " [[12. 13. 14. 15.]\n"
            + "  [16. 17. 18. 19.]\n"
            + "  [20. 21. 22. 23.]]]",
        NumpyFormat.str(DType.FLOAT32, new long[] {2, 3, 4}, range(DType.FLOAT32, 24)));
  }

  @Test
  void rank4BlocksSeparatedByTwoBlankLines() {
    assertEquals(
        "array([[[[0, 1],\n"
            + "         [2, 3]]],\n"
            + "\n"
            + "\n"
            + "       [[[4, 5],\n"
            + "         [6, 7]]]], dtype=int32)",
        NumpyFormat.repr(DType.INT32, new long[] {2, 1, 2, 2}, range(DType.INT32, 8)));
  }

  @Test
  void longRowWrapsUnderTheFirstElement() {
    assertEquals(
        "array([ 0. ,  1.5,  3. ,  4.5,  6. ,  7.5,  9. , 10.5, 12. , 13.5, 15. ,\n"
            + "       16.5, 18. , 19.5, 21. , 22.5, 24. , 25.5, 27. , 28.5, 30. , 31.5,\n"
            + "       33. , 34.5, 36. , 37.5, 39. , 40.5, 42. , 43.5])",
        NumpyFormat.repr(DType.FLOAT64, new long[] {30}, range(DType.FLOAT64, 30, 1.5)));
  }

  @Test
  void longRowWrapsInStr() {
    assertEquals(
        "[ 0.   1.5  3.   4.5  6.   7.5  9.  10.5 12.  13.5 15.  16.5 18.  19.5\n"
            + " 21.  22.5 24.  25.5 27.  28.5 30.  31.5 33.  34.5 36.  37.5 39.  40.5\n"
            + " 42.  43.5]",
        NumpyFormat.str(DType.FLOAT64, new long[] {30}, range(DType.FLOAT64, 30, 1.5)));
  }

  @Test
  void dtypeMovesToItsOwnLineWhenTheLastLineIsFull() {
    assertEquals(
        "array([ 0. ,  1.5,  3. ,  4.5,  6. ,  7.5,  9. , 10.5, 12. , 13.5],\n"
            + "      dtype=float32)",
        NumpyFormat.repr(DType.FLOAT32, new long[] {10}, range(DType.FLOAT32, 10, 1.5)));
  }

  @Test
  void moreThanAThousandElementsAreSummarised() {
    assertEquals(
        "array([   0.,    1.,    2., ...,  998.,  999., 1000.], dtype=float32)",
        NumpyFormat.repr(DType.FLOAT32, new long[] {1001}, range(DType.FLOAT32, 1001)));
  }

  @Test
  void summarisedInt64Str() {
    assertEquals(
        "[   0    1    2 ...  998  999 1000]",
        NumpyFormat.str(DType.INT64, new long[] {1001}, range(DType.INT64, 1001)));
  }

  @Test
  void summarisedOnBothAxes() {
    assertEquals(
        "array([[0.00000000e+00, 1.42857143e-01, 2.85714286e-01, ...,\n"
            + "        5.28571429e+00, 5.42857143e+00, 5.57142857e+00],\n"
            + "       [5.71428571e+00, 5.85714286e+00, 6.00000000e+00, ...,\n"
            + "        1.10000000e+01, 1.11428571e+01, 1.12857143e+01],\n"
            + "       [1.14285714e+01, 1.15714286e+01, 1.17142857e+01, ...,\n"
            + "        1.67142857e+01, 1.68571429e+01, 1.70000000e+01],\n"
            + "       ...,\n"
            + "       [2.11428571e+02, 2.11571429e+02, 2.11714286e+02, ...,\n"
            + "        2.16714286e+02, 2.16857143e+02, 2.17000000e+02],\n"
            + "       [2.17142857e+02, 2.17285714e+02, 2.17428571e+02, ...,\n"
            + "        2.22428571e+02, 2.22571429e+02, 2.22714286e+02],\n"
            + "       [2.22857143e+02, 2.23000000e+02, 2.23142857e+02, ...,\n"
            + "        2.28142857e+02, 2.28285714e+02, 2.28428571e+02]])",
        NumpyFormat.repr(DType.FLOAT64, new long[] {40, 40}, range(DType.FLOAT64, 1600, 1.0 / 7)));
  }

  @Test
  void summarisedOnlyAlongLongAxes() {
    assertEquals(
        "array([[   0,    1,    2, ...,  597,  598,  599],\n"
            + "       [ 600,  601,  602, ..., 1197, 1198, 1199]], dtype=int32)",
        NumpyFormat.repr(DType.INT32, new long[] {2, 600}, range(DType.INT32, 1200)));
  }

  @Test
  void scalarFloat32Repr() {
    assertEquals(
        "6.0",
        NumpyFormat.repr(DType.FLOAT32, new long[] {}, new float[] {6.0f}));
  }

  @Test
  void scalarFloat32ReprShowsTheWidenedDouble() {
    assertEquals(
        "0.10000000149011612",
        NumpyFormat.repr(DType.FLOAT32, new long[] {}, new float[] {0.1f}));
  }

  @Test
  void scalarFloat32StrUsesFloat32Digits() {
    assertEquals(
        "0.1",
        NumpyFormat.str(DType.FLOAT32, new long[] {}, new float[] {0.1f}));
  }

  @Test
  void scalarFloat32StrScientific() {
    assertEquals(
        "1e-05",
        NumpyFormat.str(DType.FLOAT32, new long[] {}, new float[] {1e-05f}));
  }

  @Test
  void scalarFloat64ReprLarge() {
    assertEquals(
        "1e+20",
        NumpyFormat.repr(DType.FLOAT64, new long[] {}, new double[] {1e+20}));
  }

  @Test
  void scalarFloat64ReprShortestWhereJavaIsNot() {
    assertEquals(
        "2.82879384806159e+17",
        NumpyFormat.repr(DType.FLOAT64, new long[] {}, new double[] {2.82879384806159e+17}));
  }

  @Test
  void scalarFloat64ReprSmallestSubnormal() {
    assertEquals(
        "5e-324",
        NumpyFormat.repr(DType.FLOAT64, new long[] {}, new double[] {5e-324}));
  }

  @Test
  void scalarNan() {
    assertEquals(
        "nan",
        NumpyFormat.repr(DType.FLOAT32, new long[] {}, new float[] {Float.NaN}));
  }

  @Test
  void scalarNegativeInfinityStr() {
    assertEquals(
        "-inf",
        NumpyFormat.str(DType.FLOAT64, new long[] {}, new double[] {Double.NEGATIVE_INFINITY}));
  }

  @Test
  void scalarInt32() {
    assertEquals(
        "3",
        NumpyFormat.repr(DType.INT32, new long[] {}, new int[] {3}));
  }

  @Test
  void scalarInt64() {
    assertEquals(
        "-9000000000",
        NumpyFormat.str(DType.INT64, new long[] {}, new long[] {-9000000000L}));
  }

  @Test
  void scalarUint8() {
    assertEquals(
        "200",
        NumpyFormat.repr(DType.UINT8, new long[] {}, new byte[] {(byte) 200}));
  }

  @Test
  void scalarBool() {
    assertEquals(
        "True",
        NumpyFormat.repr(DType.BOOL, new long[] {}, new boolean[] {true}));
  }

  @Test
  void scalarBoolStr() {
    assertEquals(
        "False",
        NumpyFormat.str(DType.BOOL, new long[] {}, new boolean[] {false}));
  }

  /** {@code np.arange(n) * step} in the given dtype, flat. */
  private static Object range(DType dtype, int n, double step) {
    return switch (dtype) {
      case FLOAT32 -> {
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
          values[i] = (float) i * (float) step;
        }
        yield values;
      }
      case FLOAT64 -> {
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
          values[i] = i * step;
        }
        yield values;
      }
      default -> throw new IllegalArgumentException(dtype.typeName());
    };
  }

  /** {@code np.arange(n)} in the given dtype, flat. */
  private static Object range(DType dtype, int n) {
    return switch (dtype) {
      case FLOAT32, FLOAT64 -> range(dtype, n, 1.0);
      case INT32 -> IntStream.range(0, n).toArray();
      case INT64 -> LongStream.range(0, n).toArray();
      default -> throw new IllegalArgumentException(dtype.typeName());
    };
  }
}
