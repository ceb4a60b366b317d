package dev.tfj.ops;

/** Loads every class that declares ops, so {@link Op#all()} sees them all. */
final class OpFamilies {
  private OpFamilies() {}

  static void load() {
    MathOps.load();
    ArrayOps.load();
    ReductionOps.load();
    LinalgOps.load();
    RandomOps.load();
    NnOps.load();
    StateOps.load();
    JoinOps.load();
    SliceOps.load();
    PadOps.load();
    GatherOps.load();
    ElementwiseOps.load();
    ActivationOps.load();
  }
}
