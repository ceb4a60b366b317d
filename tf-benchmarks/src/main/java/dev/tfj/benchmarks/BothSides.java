package dev.tfj.benchmarks;

/** A workload's inputs, made once, and its two implementations on them. */
interface BothSides {
  Run<?> tfj();

  Run<?> tensorFlowJava();

  default Run<?> run(Side side) {
    return side == Side.TFJ ? tfj() : tensorFlowJava();
  }
}
