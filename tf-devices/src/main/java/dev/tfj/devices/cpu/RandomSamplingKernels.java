package dev.tfj.devices.cpu;

import static dev.tfj.devices.cpu.CpuKernels.put;
import static dev.tfj.devices.cpu.Elementwise.allocate;
import static dev.tfj.devices.cpu.Elementwise.input;

import dev.tfj.devices.Kernel;
import dev.tfj.devices.KernelContext;
import dev.tfj.errors.NotFoundError;
import dev.tfj.ops.DType;
import dev.tfj.ops.RandomOps;

/**
 * TruncatedNormal, Multinomial and RandomShuffle as TensorFlow's CPU kernels draw them from
 * Philox (random_op.cc, multinomial_op.cc, random_shuffle_op.cc): the same reservations from
 * the per-(op, attrs) generator, the same order of use, so the same seeds give the same numbers.
 */
final class RandomSamplingKernels {
  private RandomSamplingKernels() {}

  /** Outputs reserved per element, and per output group of a variable-sample distribution. */
  private static final int RESERVED_PER_OUTPUT = 256;

  static void register(Kernel[] table) {
    put(table, RandomOps.TRUNCATED_NORMAL, RandomSamplingKernels::truncatedNormal);
    put(table, RandomOps.STATELESS_TRUNCATED_NORMAL, ctx ->
        truncatedNormal(allocate(ctx, 0), RandomKernels.statelessGenerator(ctx)));
    put(table, RandomOps.MULTINOMIAL, RandomSamplingKernels::multinomial);
    put(table, RandomOps.RANDOM_SHUFFLE, RandomSamplingKernels::shuffle);
  }

  /**
   * TruncatedNormalDistribution: each group of 4 floats (2 doubles) starts from its own stretch
   * of the stream, 256 samples per output in, and keeps Box-Muller pairs whose magnitude is
   * below 2 until the group is full.
   */
  private static void truncatedNormal(KernelContext ctx) {
    HostBuffer out = allocate(ctx, 0);
    truncatedNormal(out, reserve(ctx, "TruncatedNormal/" + out.dtype, (long) out.size() * RESERVED_PER_OUTPUT));
  }

  /** Fills {@code out} from {@code base}, the stream's start for this call. */
  private static void truncatedNormal(HostBuffer out, Philox base) {
    int n = out.size();
    boolean single = out.dtype == DType.FLOAT32;
    int groupSize = single ? 4 : 2;
    long skipPerGroup = groupSize * RESERVED_PER_OUTPUT / 4;
    double[] group = new double[groupSize];
    for (int start = 0; start < n; start += groupSize) {
      Philox gen = new Philox(base);
      gen.skip(start / groupSize * skipPerGroup);
      int filled = 0;
      while (filled < groupSize) {
        int[] bits = gen.next();
        double[] candidates = single ? widen(RandomKernels.boxMullerFloat(bits))
            : RandomKernels.boxMullerDouble(bits);
        for (int k = 0; k < candidates.length && filled < groupSize; k++) {
          if (Math.abs(candidates[k]) < 2) {
            group[filled++] = candidates[k];
          }
        }
      }
      for (int k = 0; k < groupSize && start + k < n; k++) {
        out.setDouble(start + k, group[k]);
      }
    }
  }

  private static double[] widen(float[] values) {
    double[] out = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = values[i];
    }
    return out;
  }

  /**
   * Per row: an unnormalised CDF of exp(logit - max) over the finite logits (non-finite ones
   * add nothing), then per sample the first class whose CDF exceeds uniform * total. TensorFlow
   * splits large batches across its thread pool, each shard skipping ahead; this is its
   * single-shard order, which it uses while batch * (samples * log2(classes) + classes) < 4200.
   */
  private static void multinomial(KernelContext ctx) {
    HostBuffer logits = input(ctx, 0);
    if (!logits.dtype.is_floating()) {
      throw new NotFoundError(noMultinomialKernel(ctx));
    }
    HostBuffer out = allocate(ctx, 0);
    if (out.size() == 0) {
      return;
    }
    int batch = (int) ctx.inputShapes[0][0];
    int classes = (int) ctx.inputShapes[0][1];
    int samples = (int) ctx.outputShapes[0][1];
    long perRow = (samples + 3) / 4 * 4 * 2L;
    SingleSamples uniform = new SingleSamples(reserve(ctx,
        "Multinomial/" + logits.dtype + "/" + out.dtype, batch * perRow * RESERVED_PER_OUTPUT));
    double lowest = logits.dtype == DType.FLOAT32 ? -Float.MAX_VALUE : -Double.MAX_VALUE;
    double[] cdf = new double[classes];
    for (int b = 0; b < batch; b++) {
      double max = lowest;
      for (int j = 0; j < classes; j++) {
        double logit = logits.getDouble(b * classes + j);
        if (Double.isFinite(logit)) {
          max = Math.max(max, logit);
        }
      }
      double total = 0;
      for (int j = 0; j < classes; j++) {
        double logit = logits.getDouble(b * classes + j);
        if (Double.isFinite(logit)) {
          total += Math.exp(logit - max);
        }
        cdf[j] = total;
      }
      for (int s = 0; s < samples; s++) {
        double toFind = Philox.uint64ToDouble(uniform.next(), uniform.next()) * total;
        out.setLong(b * samples + s, upperBound(cdf, toFind));
      }
    }
  }

  /** std::upper_bound: the first index whose value exceeds {@code x}, or the length. */
  private static int upperBound(double[] sorted, double x) {
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] > x) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }

  /**
   * TensorFlow's CPU build registers Multinomial for floating logits only (XLA's JIT kernel, which
   * TensorFlow lists too, runs only inside compiled functions).
   */
  private static String noMultinomialKernel(KernelContext ctx) {
    StringBuilder kernels = new StringBuilder("  device='XLA_CPU_JIT'; output_dtype in [DT_INT32,"
        + " DT_INT64]; T in [DT_FLOAT, DT_DOUBLE, DT_INT32, DT_UINT8, DT_INT16, DT_INT8, DT_INT64,"
        + " DT_BFLOAT16, DT_UINT16, DT_HALF, DT_UINT32, DT_UINT64]\n");
    for (String t : new String[] {"DT_DOUBLE", "DT_FLOAT", "DT_BFLOAT16", "DT_HALF"}) {
      for (String o : new String[] {"DT_INT64", "DT_INT32"}) {
        kernels.append("  device='CPU'; T in [").append(t).append("]; output_dtype in [")
            .append(o).append("]\n");
      }
    }
    return "Could not find device for node: {{node Multinomial}} = Multinomial[T="
        + protoName(ctx.inputTypes[0]) + ", output_dtype=" + protoName(ctx.outputTypes[0])
        + ", seed=" + ctx.attrs.integer("seed") + ", seed2=" + ctx.attrs.integer("seed2")
        + "]\nAll kernels registered for op Multinomial:\n" + kernels;
  }

  private static String protoName(DType dtype) {
    return dtype.proto().name();
  }

  /**
   * Fisher-Yates over the first axis with exactly size - 1 draws, {@code draw % (size - i)},
   * as TensorFlow's own RandomShuffle; rows then move whole. Nothing to permute draws nothing.
   */
  private static void shuffle(KernelContext ctx) {
    HostBuffer x = input(ctx, 0);
    long[] shape = ctx.inputShapes[0];
    int n = x.size();
    if (n <= 1 || shape[0] <= 1) {
      ctx.outputs[0] = x;
      return;
    }
    int size = (int) shape[0];
    SingleSamples draws = new SingleSamples(reserve(ctx, "RandomShuffle/" + x.dtype, (size - 1 + 3) / 4));
    int[] rows = new int[size];
    for (int i = 0; i < size; i++) {
      rows[i] = i;
    }
    for (int i = 0; i < size - 1; i++) {
      int j = i + Integer.remainderUnsigned(draws.next(), size - i);
      int swap = rows[i];
      rows[i] = rows[j];
      rows[j] = swap;
    }
    int rowLength = n / size;
    int[] index = new int[n];
    for (int i = 0; i < n; i++) {
      index[i] = rows[i / rowLength] * rowLength + i % rowLength;
    }
    ctx.outputs[0] = x.gather(index);
  }

  /** This call's generator, from the one kept for the op and its seeds. */
  private static Philox reserve(KernelContext ctx, String key, long samples128) {
    long seed = ctx.attrs.integer("seed");
    long seed2 = ctx.attrs.integer("seed2");
    return RandomKernels.reserve(key + "/" + seed + "/" + seed2, seed, seed2, samples128);
  }
}
