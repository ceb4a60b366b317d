package dev.tfj.ops;

/**
 * One recorded execution of an op, as its gradient rule sees it: the forward inputs and outputs,
 * the attrs, and the upstream gradients of the outputs ({@code dys[i]} for output i).
 */
public record OpCall(Op op, Attrs attrs, Operand[] inputs, Operand[] outputs, Operand[] dys) {
  /** Input 0. */
  public Operand x() {
    return inputs[0];
  }

  /** Input 1. */
  public Operand y() {
    return inputs[1];
  }

  /** Output 0. */
  public Operand out() {
    return outputs[0];
  }

  /** The upstream gradient of output 0. */
  public Operand dy() {
    return dys[0];
  }
}
