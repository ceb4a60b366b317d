package dev.tfj.devices.cpu;

import dev.tfj.devices.Kernel;
import dev.tfj.ops.Op;

/** The CPU's kernel for each op, as a table indexed by op id; each family registers its own. */
final class CpuKernels {
  private CpuKernels() {}

  static Kernel[] table() {
    Kernel[] table = new Kernel[Op.all().size()];
    ArrayKernels.register(table);
    MathKernels.register(table);
    ReductionKernels.register(table);
    LinalgKernels.register(table);
    SvdKernels.register(table);
    RandomKernels.register(table);
    RandomSamplingKernels.register(table);
    NnKernels.register(table);
    JoinKernels.register(table);
    SliceKernels.register(table);
    PadKernels.register(table);
    GatherKernels.register(table);
    ElementwiseKernels.register(table);
    ActivationKernels.register(table);
    for (int i = 0; i < table.length; i++) {
      table[i] = FlushToZero.wrap(table[i]);
    }
    return table;
  }

  static void put(Kernel[] table, Op op, Kernel kernel) {
    table[op.id] = kernel;
  }
}
