package dev.tfj.ops;

/** Loads every class that declares ops, so {@link Op#all()} sees them all. */
final class OpFamilies {
  private OpFamilies() {}

  static void load() {
    MathOps.load();
    ArrayOps.load();
    RandomOps.load();
    StateOps.load();
    ElementwiseOps.load();
    ActivationOps.load();
  }
}
