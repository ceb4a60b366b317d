package dev.tfj.ops;

/**
 * An op's gradient rule: given a recorded call, returns one gradient per input (null where an
 * input gets none). Rules are written with {@link OpRunner} ops, so a gradient is itself a sequence
 * of ops that outer tapes record. Broadcasting ops return gradients of the output's shape; the
 * tape reduces them to each input's shape, once, centrally.
 */
@FunctionalInterface
public interface GradientFn {
  Operand[] apply(OpRunner o, OpCall c);

  /** The gradients of a rule, one per input, in input order. */
  static Operand[] grads(Operand... perInput) {
    return perInput;
  }
}
