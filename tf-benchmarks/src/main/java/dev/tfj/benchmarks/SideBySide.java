package dev.tfj.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * TFJ and TensorFlow Java on the same inputs in one JVM, interleaved, as one table of medians and
 * ratios. Each workload is first checked to give the same numbers on both sides; then rounds of
 * TFJ and TensorFlow Java alternate (which one goes first alternates too), the first rounds
 * warming up and sizing how many steps a round times; each round starts after a short pause.
 * Garbage collection falls in the rounds of the side that caused it. Arguments: {@code --quick}
 * (fewer, shorter rounds), {@code --only id,...} (workloads whose id starts with one of these),
 * {@code --list}.
 */
public final class SideBySide {
  private SideBySide() {}

  private record Rounds(int warmup, int measured, long targetNanos) {}

  private static final Rounds FULL = new Rounds(6, 11, 300_000_000L);
  private static final Rounds QUICK = new Rounds(4, 5, 100_000_000L);

  private static final long SETTLE_MILLIS = 20;

  /** Where every step's result goes, so no step is dead code (a plain field: no fence per step). */
  private static Object sink;

  public static void main(String[] args) {
    Rounds rounds = FULL;
    List<Workload> workloads = List.of(Workload.values());
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--quick" -> rounds = QUICK;
        case "--only" -> workloads = select(i + 1 < args.length ? args[++i] : "");
        case "--list" -> {
          Arrays.stream(Workload.values()).forEach(w -> System.out.println(w.id() + "  " + w.title));
          return;
        }
        default -> throw new IllegalArgumentException("unknown argument " + args[i]
            + "; use --quick, --only id[,id...], --list");
      }
    }
    double loadAtStart = Machine.loadAverage();
    // Measured first, printed after: TensorFlow's native start-up lines go to stderr meanwhile.
    List<String> rows = new ArrayList<>();
    for (Workload w : workloads) {
      double[] medians = measure(w, rounds);
      String row = String.format(Locale.ROOT, "| %s | %s | %s | %s |", w.title, time(medians[0]),
          time(medians[1]), significant(medians[1] / medians[0]));
      System.err.println(row);
      rows.add(row);
    }
    System.out.println();
    System.out.println("TFJ and TensorFlow Java 1.1.0 (TensorFlow 2.18) in one JVM, on the same inputs;");
    System.out.printf(Locale.ROOT, "median time per step of %d interleaved rounds (each about %d ms, or one step),"
        + " after %d warm-up rounds.%n", rounds.measured, rounds.targetNanos / 1_000_000, rounds.warmup);
    System.out.println("ratio = TensorFlow Java time / TFJ time: above 1 means TFJ is faster.");
    System.out.println(Machine.describe(loadAtStart));
    System.out.println();
    System.out.println("| workload (float32) | TFJ | TensorFlow Java | ratio |");
    System.out.println("|---|---|---|---|");
    rows.forEach(System.out::println);
    if (sink == null) {
      throw new AssertionError("no step ran");
    }
  }

  /** The workloads whose id starts with one of the comma-separated prefixes, in the table's order. */
  private static List<Workload> select(String ids) {
    List<String> prefixes = Arrays.stream(ids.toLowerCase(Locale.ROOT).split(",")).map(String::trim).toList();
    for (String prefix : prefixes) {
      if (prefix.isEmpty() || Arrays.stream(Workload.values()).noneMatch(w -> w.id().startsWith(prefix))) {
        throw new IllegalArgumentException("no workload '" + prefix + "'; --list shows them");
      }
    }
    return Arrays.stream(Workload.values()).filter(w -> prefixes.stream().anyMatch(w.id()::startsWith)).toList();
  }

  /** Median nanoseconds per step, TFJ's then TensorFlow Java's. */
  private static double[] measure(Workload workload, Rounds rounds) {
    BothSides sides = workload.sides();
    try (Run<?> tfj = sides.tfj(); Run<?> tensorFlowJava = sides.tensorFlowJava()) {
      Agreement.check(workload, tfj.values(), tensorFlowJava.values());
      Run<?>[] runs = {tfj, tensorFlowJava};
      int[] steps = {1, 1};
      double[][] perStep = new double[2][rounds.measured];
      for (int round = 0; round < rounds.warmup + rounds.measured; round++) {
        for (int k = 0; k < 2; k++) {
          int side = (round + k) % 2;
          double nanos = nanosPerStep(runs[side], steps[side]);
          if (round < rounds.warmup) {
            steps[side] = (int) Math.max(1, Math.min(1_000_000, rounds.targetNanos / nanos));
          } else {
            perStep[side][round - rounds.warmup] = nanos;
          }
        }
      }
      return new double[] {median(perStep[0]), median(perStep[1])};
    }
  }

  private static double nanosPerStep(Run<?> run, int steps) {
    settle();
    long start = System.nanoTime();
    for (int i = 0; i < steps; i++) {
      sink = run.step();
    }
    return (double) (System.nanoTime() - start) / steps;
  }

  /**
   * Lets the other side's worker threads (TensorFlow's pool, the ForkJoin pool) stop spinning
   * for work before a round starts, so that neither side's round pays for the other's idle threads.
   */
  private static void settle() {
    try {
      Thread.sleep(SETTLE_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static double median(double[] xs) {
    double[] sorted = xs.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  private static String time(double nanos) {
    if (nanos < 1e3) {
      return significant(nanos) + " ns";
    } else if (nanos < 1e6) {
      return significant(nanos / 1e3) + " µs";
    } else if (nanos < 1e9) {
      return significant(nanos / 1e6) + " ms";
    }
    return significant(nanos / 1e9) + " s";
  }

  /** Three significant digits, no exponent: 0.372, 55.1, 162. */
  private static String significant(double x) {
    int digits = x >= 100 ? 0 : x >= 10 ? 1 : x >= 1 ? 2 : 3;
    return String.format(Locale.ROOT, "%." + digits + "f", x);
  }
}
