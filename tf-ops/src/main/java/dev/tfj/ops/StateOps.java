package dev.tfj.ops;

import static dev.tfj.ops.GradientFn.grads;

/**
 * Variable ops. Only the read is recorded on tapes (its input, the variable's resource handle,
 * is what a tape watches); assignments change state and carry no gradient.
 */
public final class StateOps {
  private StateOps() {}

  static void load() {}

  /** Reading a variable: the gradient reaching the value reaches the variable unchanged. */
  public static final Op READ_VARIABLE = Op.define("ReadVariableOp")
      .outputShape((in, a) -> {
        throw new IllegalStateException("variable reads are executed by the eager runtime");
      })
      .gradient((o, c) -> grads(c.dy()));
}
