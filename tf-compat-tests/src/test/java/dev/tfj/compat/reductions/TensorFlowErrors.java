package dev.tfj.compat.reductions;

import static org.junit.jupiter.api.Assertions.assertTrue;
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

  /**
   * For a message whose wording depends on the kernel TensorFlow's CPU build runs: oneDNN's where
   * TensorFlow turns oneDNN on (by default on CPUs with AVX512_VNNI, AVX512_BF16 or AMX, unless
   * {@code TF_ENABLE_ONEDNN_OPTS=0}), Eigen's generic kernel elsewhere (AVX2 machines, or
   * {@code TF_ENABLE_ONEDNN_OPTS=0}). Fails unless TensorFlow Java gives one of the two known texts;
   * returns the generic kernel's, with the eager suffix: the one TFJ gives on every machine.
   */
  public static String genericKernelMessage(
      String opType, List<Values> inputs, Oracle.TfFn f, String generic, String oneDnn) {
    String suffix = " [Op:" + opType + "]";
    String tensorFlows = message(opType, inputs, f);
    assertTrue(tensorFlows.equals(generic + suffix) || tensorFlows.equals(oneDnn + suffix),
        () -> "TensorFlow Java's message is neither its generic kernel's nor its oneDNN kernel's: " + tensorFlows);
    return generic + suffix;
  }
}
