package dev.tfj.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** What the numbers were measured on, for the table's header. */
final class Machine {
  private Machine() {}

  static String describe(double loadAtStart) {
    List<String> cpuinfo = cpuinfo();
    String model = field(cpuinfo, "model name");
    String flags = " " + field(cpuinfo, "flags") + " ";
    String cpu = cpuinfo.isEmpty() ? System.getProperty("os.arch")
        : model + " (AVX2 " + yesNo(flags.contains(" avx2 ")) + ", AVX-512 " + yesNo(flags.contains(" avx512f ")) + ")";
    return String.format(Locale.ROOT,
        "CPU: %s, %d cores; Java %s (%s); Vector API %s; load average %.2f at start, %.2f at end",
        cpu,
        Runtime.getRuntime().availableProcessors(),
        Runtime.version(), System.getProperty("java.vm.name"),
        vectorApiReadable() ? "on (jdk.incubator.vector readable)"
            : "off (run with --add-modules jdk.incubator.vector to enable)",
        loadAtStart, loadAverage());
  }

  /** The system's one-minute load average: other processes on the cores skew every number. */
  static double loadAverage() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  static boolean vectorApiReadable() {
    return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
  }

  private static List<String> cpuinfo() {
    try {
      return Files.readAllLines(Path.of("/proc/cpuinfo"));
    } catch (IOException | UnsupportedOperationException e) {
      return List.of();
    }
  }

  private static String field(List<String> cpuinfo, String name) {
    return cpuinfo.stream().filter(l -> l.startsWith(name)).findFirst()
        .map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("");
  }

  private static String yesNo(boolean b) {
    return b ? "yes" : "no";
  }
}
