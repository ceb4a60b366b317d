package dev.tfj.compat.reductions;

import static org.junit.jupiter.api.Assertions.fail;

import dev.tfj.compat.oracle.Oracle;
import dev.tfj.compat.oracle.Oracle.Values;
import java.util.List;
import org.tensorflow.EagerSession;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;

/** The message TensorFlow's kernel gives for bad input, read from TensorFlow Java's eager mode. */
public final class TensorFlowErrors {
  private static final Ops EAGER = Ops.create(EagerSession.getDefault());

  private TensorFlowErrors() {}

  /** TensorFlow's message for {@code f} on {@code inputs}, with the eager suffix TFJ appends. */
  public static String message(String opType, List<Values> inputs, Oracle.TfFn f) {
    try {
      Operand<?> out = f.apply(EAGER, Oracle.constants(EAGER, inputs));
      Oracle.read(out);
    } catch (RuntimeException e) { // TensorFlow Java's TF*Exception classes
      return e.getMessage() + " [Op:" + opType + "]";
    }
    return fail("TensorFlow accepted the input");
  }
}
