package dev.tfj.benchmarks;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.bytedeco.javacpp.Pointer;
import org.tensorflow.Operand;
import org.tensorflow.Operation;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/** TensorFlow Java's side of the inputs and the read-back, and freeing eager outputs at once. */
final class TensorFlowJava {
  private TensorFlowJava() {}

  /** A host tensor holding the input; the caller closes it. */
  static TFloat32 tensor(Input in) {
    return TFloat32.tensorOf(Shape.of(in.shape()), DataBuffers.of(in.data(), true, false));
  }

  /** A graph input of the input's shape, fed with {@link #tensor} on each run. */
  static Placeholder<TFloat32> placeholder(Ops tf, Input in) {
    return tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(in.shape())));
  }

  static float[] read(Tensor t) {
    float[] values = new float[Math.toIntExact(t.shape().size())];
    ((TFloat32) t).copyTo(DataBuffers.of(values, false, false));
    return values;
  }

  // TensorFlow Java 1.1.0 ties an eager op, its output handles and any tensor read from them to
  // the EagerSession and frees them only when the session closes or the garbage collector finds
  // the op unreachable. The Java heap barely grows per op, so collections are rare and native
  // memory piles up (10 GB after 2,500 multiplies of 1e6 floats). Tensor.close() on a read output
  // is a no-op there, and the API has no public way to free an eager op: this detaches the op's
  // native resources from the session, as its own close does, right after the step.
  private static final Field SESSION;
  private static final Field OP_HANDLE;
  private static final Field OUTPUT_HANDLES;
  private static final Field OUTPUT_TENSORS;
  private static final Field RAW_TENSOR_HANDLE;
  private static final Method DETACH;

  static {
    try {
      Class<?> eagerOperation = Class.forName("org.tensorflow.EagerOperation");
      SESSION = accessible(eagerOperation.getDeclaredField("session"));
      OP_HANDLE = accessible(eagerOperation.getDeclaredField("opHandle"));
      OUTPUT_HANDLES = accessible(eagerOperation.getDeclaredField("outputHandles"));
      OUTPUT_TENSORS = accessible(eagerOperation.getDeclaredField("outputTensors"));
      RAW_TENSOR_HANDLE = accessible(Class.forName("org.tensorflow.RawTensor").getDeclaredField("tensorHandle"));
      DETACH = Class.forName("org.tensorflow.EagerSession").getDeclaredMethod("detach", Pointer[].class);
      DETACH.setAccessible(true);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError("TensorFlow Java is not the 1.1.0 this harness knows: " + e);
    }
  }

  private static Field accessible(Field f) {
    f.setAccessible(true);
    return f;
  }

  /** Frees an eager op's outputs (and what was read from them) now; the operand is dead after. */
  static void release(Operand<?> eagerOutput) {
    Operation op = eagerOutput.op();
    try {
      Object session = SESSION.get(op);
      AtomicReferenceArray<?> read = (AtomicReferenceArray<?>) OUTPUT_TENSORS.get(op);
      for (int i = 0; i < read.length(); i++) {
        if (read.get(i) instanceof Tensor t) {
          DETACH.invoke(session, (Object) new Pointer[] {(Pointer) RAW_TENSOR_HANDLE.get(t.asRawTensor())});
        }
      }
      DETACH.invoke(session, (Object) OUTPUT_HANDLES.get(op));
      DETACH.invoke(session, (Object) new Pointer[] {(Pointer) OP_HANDLE.get(op)});
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot free a TensorFlow Java eager op", e);
    }
  }
}
