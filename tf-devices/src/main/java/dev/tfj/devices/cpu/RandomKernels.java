package dev.tfj.devices.cpu;

import static dev.tfj.devices.cpu.CpuKernels.put;
import static dev.tfj.devices.cpu.Elementwise.allocate;

import dev.tfj.devices.Kernel;
import dev.tfj.devices.KernelContext;
import dev.tfj.ops.DType;
import dev.tfj.ops.RandomOps;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * RandomStandardNormal and RandomUniform as TensorFlow's CPU kernels compute them. TensorFlow
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

  static final Kernel STANDARD_NORMAL = ctx -> fill(ctx, "RandomStandardNormal", true);
  static final Kernel UNIFORM = ctx -> fill(ctx, "RandomUniform", false);

  static void register(Kernel[] table) {
    put(table, RandomOps.STANDARD_NORMAL, RandomKernels.STANDARD_NORMAL);
    put(table, RandomOps.UNIFORM, RandomKernels.UNIFORM);
  }

  static void clear() {
    synchronized (GENERATORS) {
      GENERATORS.clear();
    }
  }

  private static void fill(KernelContext ctx, String op, boolean normal) {
    HostBuffer out = allocate(ctx, 0);
    long seed = ctx.attrs.integer("seed");
    long seed2 = ctx.attrs.integer("seed2");
    Philox gen = reserve(op + "/" + out.dtype + "/" + seed + "/" + seed2, seed, seed2,
        (long) out.size() * RESERVE_MULTIPLIER);
    int n = out.size();
    int perGroup = out.dtype == DType.FLOAT32 ? 4 : 2;
    for (int group = 0; group * perGroup < n; group++) {
      int[] bits = gen.next();
      if (out.data instanceof float[] f) {
        float[] samples = normal ? boxMullerFloat(bits) : uniformFloat(bits);
        for (int j = 0; j < 4 && group * 4 + j < n; j++) {
          f[group * 4 + j] = samples[j];
        }
      } else {
        double[] d = (double[]) out.data;
        double[] samples = normal ? boxMullerDouble(bits) : uniformDouble(bits);
        for (int j = 0; j < 2 && group * 2 + j < n; j++) {
          d[group * 2 + j] = samples[j];
        }
      }
    }
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
