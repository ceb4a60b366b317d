package dev.tfj.devices.cpu;

import static dev.tfj.devices.cpu.CpuKernels.put;
import static dev.tfj.devices.cpu.Elementwise.allocate;
import static dev.tfj.devices.cpu.Elementwise.input;

import dev.tfj.devices.Kernel;
import dev.tfj.devices.KernelContext;
import dev.tfj.ops.DType;
import dev.tfj.ops.RandomOps;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * RandomStandardNormal, RandomUniform and RandomUniformInt as TensorFlow's CPU kernels compute them. TensorFlow
 * caches one kernel per (op, attrs), each with its own generator that every call advances; the
 * generators here are kept the same way, and {@link #clear} drops them as {@code set_seed} does.
 */
final class RandomKernels {
  private RandomKernels() {}

  /** Each call reserves 256 outputs per element, as TensorFlow's PhiloxRandomOp does. */
  private static final int RESERVE_MULTIPLIER = 256;
  /**
   * Generators by (op, dtype, seeds), least recently used first. After {@code set_seed} every
   * call without an op seed draws a fresh seed pair, so a long loop would add an entry per call:
   * the oldest are dropped past this many, which changes nothing unless a dropped pair recurs.
   */
  private static final int MAX_GENERATORS = 4096;
  private static final Map<String, Philox> GENERATORS =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Philox> eldest) {
          return size() > MAX_GENERATORS;
        }
      };
  private static final SecureRandom NONDETERMINISTIC = new SecureRandom();

  static final Kernel STANDARD_NORMAL = ctx -> fill(ctx, "RandomStandardNormal",
      floating(ctx, RandomKernels::boxMullerFloat, RandomKernels::boxMullerDouble));
  static final Kernel UNIFORM = ctx -> fill(ctx, "RandomUniform",
      floating(ctx, RandomKernels::uniformFloat, RandomKernels::uniformDouble));
  static final Kernel UNIFORM_INT = ctx -> fill(ctx, "RandomUniformInt", uniformInt(ctx));
  static final Kernel STATELESS_NORMAL = ctx -> fillStateless(ctx,
      floating(ctx, RandomKernels::boxMullerFloat, RandomKernels::boxMullerDouble));
  static final Kernel STATELESS_UNIFORM = ctx -> fillStateless(ctx,
      floating(ctx, RandomKernels::uniformFloat, RandomKernels::uniformDouble));

  static void register(Kernel[] table) {
    put(table, RandomOps.STANDARD_NORMAL, RandomKernels.STANDARD_NORMAL);
    put(table, RandomOps.UNIFORM, RandomKernels.UNIFORM);
    put(table, RandomOps.UNIFORM_INT, RandomKernels.UNIFORM_INT);
    put(table, RandomOps.STATELESS_NORMAL, RandomKernels.STATELESS_NORMAL);
    put(table, RandomOps.STATELESS_UNIFORM, RandomKernels.STATELESS_UNIFORM);
  }

  static void clear() {
    synchronized (GENERATORS) {
      GENERATORS.clear();
    }
  }

  /**
   * A distribution of TensorFlow's random_distributions.h: how many outputs one Philox draw
   * (four 32-bit words) gives, and how it writes them to {@code out} from {@code at}, at most
   * {@code count} of them (the last draw of an odd-sized output is cut short).
   */
  private record Distribution(int perDraw, Writer writer) {}

  private interface Writer {
    void write(int[] bits, Object out, int at, int count);
  }

  /** FillPhiloxRandom: one draw per group of outputs, in order, from this call's reservation. */
  private static void fill(KernelContext ctx, String op, Distribution dist) {
    HostBuffer out = allocate(ctx, 0);
    long seed = ctx.attrs.integer("seed");
    long seed2 = ctx.attrs.integer("seed2");
    Philox gen = reserve(op + "/" + out.dtype + "/" + seed + "/" + seed2, seed, seed2,
        (long) out.size() * RESERVE_MULTIPLIER);
    int n = out.size();
    for (int at = 0; at < n; at += dist.perDraw) {
      dist.writer.write(gen.next(), out.data, at, Math.min(dist.perDraw, n - at));
    }
  }

  /** The stateless kernels: the same distribution, from the seed's own generator at its start. */
  private static void fillStateless(KernelContext ctx, Distribution dist) {
    HostBuffer out = allocate(ctx, 0);
    Philox gen = statelessGenerator(ctx);
    int n = out.size();
    for (int at = 0; at < n; at += dist.perDraw) {
      dist.writer.write(gen.next(), out.data, at, Math.min(dist.perDraw, n - at));
    }
  }

  /** The generator a stateless op's seed input (int32 or int64, shape [2]) names. */
  static Philox statelessGenerator(KernelContext ctx) {
    HostBuffer seed = input(ctx, 1);
    return Philox.stateless(seed.getLong(0), seed.getLong(1));
  }

  /** Four floats or two doubles per draw. */
  private static Distribution floating(KernelContext ctx,
      java.util.function.Function<int[], float[]> f32,
      java.util.function.Function<int[], double[]> f64) {
    return ctx.outputTypes[0] == DType.FLOAT32
        ? new Distribution(4, (bits, out, at, count) ->
            System.arraycopy(f32.apply(bits), 0, out, at, count))
        : new Distribution(2, (bits, out, at, count) ->
            System.arraycopy(f64.apply(bits), 0, out, at, count));
  }

  /**
   * UniformDistribution for int32 (four per draw: lo + word % range) and int64 (two per draw,
   * each from two words, low word first), the range taken unsigned as TensorFlow takes it, so
   * [INT_MIN, INT_MAX) works. The shape rule has checked minval < maxval.
   */
  private static Distribution uniformInt(KernelContext ctx) {
    long lo = input(ctx, 1).getLong(0);
    long range = input(ctx, 2).getLong(0) - lo;
    if (ctx.outputTypes[0] == DType.INT32) {
      return new Distribution(4, (bits, out, at, count) -> {
        for (int j = 0; j < count; j++) {
          ((int[]) out)[at + j] = (int) lo + Integer.remainderUnsigned(bits[j], (int) range);
        }
      });
    }
    return new Distribution(2, (bits, out, at, count) -> {
      for (int j = 0; j < count; j++) {
        long word = (bits[2 * j] & 0xFFFFFFFFL) | ((long) bits[2 * j + 1] << 32);
        ((long[]) out)[at + j] = lo + Long.remainderUnsigned(word, range);
      }
    });
  }

  /** How many generators are kept (bounded by {@code MAX_GENERATORS}). */
  static int generatorCount() {
    synchronized (GENERATORS) {
      return GENERATORS.size();
    }
  }

  /** GuardedPhiloxRandom::ReserveSamples128: a copy for this call; the shared one skips past it. */
  static Philox reserve(String key, long seed, long seed2, long outputs) {
    synchronized (GENERATORS) {
      Philox shared = GENERATORS.computeIfAbsent(key, k -> seed == 0 && seed2 == 0
          ? new Philox(NONDETERMINISTIC.nextLong(), NONDETERMINISTIC.nextLong())
          : new Philox(seed, seed2));
      Philox local = new Philox(shared);
      shared.skip(outputs);
      return local;
    }
  }

  private static float[] uniformFloat(int[] bits) {
    return new float[] {
      Philox.uint32ToFloat(bits[0]), Philox.uint32ToFloat(bits[1]),
      Philox.uint32ToFloat(bits[2]), Philox.uint32ToFloat(bits[3])
    };
  }

  private static double[] uniformDouble(int[] bits) {
    return new double[] {
      Philox.uint64ToDouble(bits[0], bits[1]), Philox.uint64ToDouble(bits[2], bits[3])
    };
  }

  /**
   * TensorFlow's BoxMullerFloat (lib/random/random_distributions_utils.h): {@code u1} clamped to
   * 1e-7, {@code v1 = 2π·u} rounded to float, {@code sqrtf(-2 logf(u1))}, {@code sincosf(v1)}. The
   * float math functions are glibc's (see {@link Libm}), so the bits are TensorFlow's.
   */
  static float[] boxMullerFloat(int[] bits) {
    float[] out = new float[4];
    float[] sinCos = new float[2];
    for (int i = 0; i < 4; i += 2) {
      float u1 = Math.max(Philox.uint32ToFloat(bits[i]), 1.0e-7f);
      float v1 = (float) (2.0 * Math.PI * Philox.uint32ToFloat(bits[i + 1]));
      float u2 = (float) Math.sqrt(-2.0f * Libm.logf(u1));
      Libm.sincosf(v1, sinCos);
      out[i] = sinCos[0] * u2;
      out[i + 1] = sinCos[1] * u2;
    }
    return out;
  }

  /**
   * TensorFlow's BoxMullerDouble. The log is glibc's (bit-exact, see {@link Libm}); sin and cos
   * are Java's, which round differently from glibc's sincos in about 0.2% of arguments (by one ulp):
   * glibc's double sin/cos is the IBM Accurate Mathematical Library (LGPL), not ported here.
   */
  static double[] boxMullerDouble(int[] bits) {
    double u1 = Math.max(Philox.uint64ToDouble(bits[0], bits[1]), 1.0e-7);
    double v1 = 2 * Math.PI * Philox.uint64ToDouble(bits[2], bits[3]);
    double u2 = Math.sqrt(-2.0 * Libm.log(u1));
    return new double[] {Math.sin(v1) * u2, Math.cos(v1) * u2};
  }
}
