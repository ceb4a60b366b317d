package dev.tfj.ops;

/** Java arrays as the host form of tensor data: float32 is float[], int32 int[], bool boolean[], ... */
public final class HostArrays {
  private HostArrays() {}

  public static Object allocate(DType dtype, int n) {
    return switch (dtype) {
      case FLOAT32 -> new float[n];
      case FLOAT64 -> new double[n];
      case INT32 -> new int[n];
      case INT64 -> new long[n];
      case UINT8 -> new byte[n];
      case BOOL -> new boolean[n];
      case RESOURCE -> throw new IllegalArgumentException("resource tensors have no host array");
    };
  }

  /** {@code value} as the boxed element type of {@code dtype}'s host array. */
  public static Object scalarElement(DType dtype, double value) {
    return java.lang.reflect.Array.get(scalar(dtype, value), 0);
  }

  /** An integer as the boxed element type of {@code dtype}'s host array, keeping all 64 bits. */
  public static Object scalarElement(DType dtype, long value) {
    return switch (dtype) {
      case INT64 -> value;
      case INT32 -> (int) value;
      case UINT8 -> (byte) value;
      default -> scalarElement(dtype, (double) value);
    };
  }

  /** A one-element array holding {@code value} converted to {@code dtype}. */
  public static Object scalar(DType dtype, double value) {
    return switch (dtype) {
      case FLOAT32 -> new float[] {(float) value};
      case FLOAT64 -> new double[] {value};
      case INT32 -> new int[] {(int) value};
      case INT64 -> new long[] {(long) value};
      case UINT8 -> new byte[] {(byte) (long) value};
      case BOOL -> new boolean[] {value != 0};
      case RESOURCE -> throw new IllegalArgumentException("resource tensors have no host array");
    };
  }
}
