package dev.tfj.errors;

/**
 * TensorFlow's {@code tf.errors.OpError}: an op failed. Subclasses carry TensorFlow's canonical
 * error codes, so callers can catch the same classes a TensorFlow user catches.
 */
public class OpError extends RuntimeException {
  private final int errorCode;

  public OpError(String message, int errorCode) {
    super(message);
    this.errorCode = errorCode;
  }

  /** TensorFlow's canonical code: 3 for InvalidArgumentError, 5 for NotFoundError, ... */
  public int error_code() {
    return errorCode;
  }

  public String message() {
    return getMessage();
  }

  /**
   * The same error with TensorFlow's eager suffix {@code " [Op:MatMul]"} appended. The eager
   * executor adds it once, where the op is known, so kernels and shape functions need not.
   */
  public OpError withOpName(String opName) {
    return create(errorCode, getMessage() + " [Op:" + opName + "]");
  }

  /** Builds the subclass that TensorFlow raises for a canonical code. */
  public static OpError create(int code, String message) {
    return switch (code) {
      case 1 -> new CancelledError(message);
      case 3 -> new InvalidArgumentError(message);
      case 4 -> new DeadlineExceededError(message);
      case 5 -> new NotFoundError(message);
      case 6 -> new AlreadyExistsError(message);
      case 7 -> new PermissionDeniedError(message);
      case 8 -> new ResourceExhaustedError(message);
      case 9 -> new FailedPreconditionError(message);
      case 10 -> new AbortedError(message);
      case 11 -> new OutOfRangeError(message);
      case 12 -> new UnimplementedError(message);
      case 13 -> new InternalError(message);
      case 14 -> new UnavailableError(message);
      case 15 -> new DataLossError(message);
      case 16 -> new UnauthenticatedError(message);
      default -> new UnknownError(message);
    };
  }
}
