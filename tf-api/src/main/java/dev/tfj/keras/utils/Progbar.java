package dev.tfj.keras.utils;

import dev.tfj.keras.PythonText;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code keras.utils.Progbar}, Keras 3's verbose=1 display: {@code 469/469 ━━━━━━━━━━━━━━━━━━━━ 2s
 * 3ms/step - accuracy: 0.8123 - loss: 0.5271}, with its ANSI bold and colours, the ETA while
 * running, and metric values averaged over the steps seen (a final update shows them as given).
 * On a terminal it redraws its line at most every 0.05 s; elsewhere (a file, a pipe, a test) only
 * the final line of each bar is printed, so logs hold one line per epoch.
 */
public final class Progbar {
  private static final int WIDTH = 20;
  private static final double INTERVAL = 0.05;

  private Integer target;
  private final PrintStream out;
  private final boolean dynamic;
  private final Map<String, double[]> values = new LinkedHashMap<>();
  private final long start = System.nanoTime();
  private double lastUpdate = Double.NEGATIVE_INFINITY;
  private Double timeAfterFirstStep;
  private int prevTotalWidth;
  private int seenSoFar;

  public Progbar(Integer target) {
    this(target, System.out, Terminal.isInteractive());
  }

  public Progbar(Integer target, PrintStream out, boolean dynamic) {
    this.target = target;
    this.out = out;
    this.dynamic = dynamic;
  }

  public void setTarget(Integer target) {
    this.target = target;
  }

  public Integer target() {
    return target;
  }

  private double now() {
    return (System.nanoTime() - start) / 1e9;
  }

  /** {@code update(current, values, finalize)}; finalize null means {@code current >= target}. */
  public void update(int current, List<Map.Entry<String, Double>> newValues, Boolean finalize) {
    boolean fin = finalize != null ? finalize : target != null && current >= target;
    for (Map.Entry<String, Double> e : newValues) {
      double v = e.getValue();
      if (fin) {
        values.put(e.getKey(), new double[] {v, 1});
      } else {
        int base = Math.max(current - seenSoFar, 1);
        double[] acc = values.computeIfAbsent(e.getKey(), k -> new double[2]);
        acc[0] += v * base;
        acc[1] += base;
      }
    }
    seenSoFar = current;
    double now = now();
    double timePerUnit = estimateStepDuration(current, now);
    if ((now - lastUpdate < INTERVAL && !fin) || (!dynamic && !fin)) {
      return;
    }
    StringBuilder message = new StringBuilder(dynamic ? "\b".repeat(prevTotalWidth) + "\r" : "");
    int specialChars = 0;
    String bar;
    if (target != null && target > 0) {
      int digits = (int) Math.log10(target) + 1;
      bar = "\u001b[1m" + String.format("%" + digits + "d/%d", current, target) + "\u001b[0m ";
      specialChars += 8;
      int progWidth = (int) (WIDTH * ((double) current / target));
      if (progWidth > 0) {
        bar += "\u001b[32m" + "━".repeat(progWidth) + "\u001b[0m";
        specialChars += 9;
      }
      bar += "\u001b[37m" + "━".repeat(WIDTH - progWidth) + "\u001b[0m";
      specialChars += 9;
    } else {
      bar = String.format("%7d/Unknown", current);
    }
    StringBuilder info = new StringBuilder();
    if (target != null && target > 0 && !fin) {
      double eta = timePerUnit * (target - current);
      String etaFormat;
      if (eta > 3600) {
        etaFormat = String.format("%d:%02d:%02d", (long) (eta / 3600), (long) (eta % 3600) / 60, (long) (eta % 60));
      } else if (eta > 60) {
        etaFormat = String.format("%d:%02d", (long) (eta / 60), (long) (eta % 60));
      } else {
        etaFormat = (long) eta + "s";
      }
      info.append(" \u001b[1m").append(etaFormat).append("\u001b[0m");
    } else {
      info.append(" \u001b[1m").append(PythonText.fixed(now, 0)).append("s\u001b[0m");
    }
    specialChars += 8;
    info.append(formatTime(timePerUnit));
    for (Map.Entry<String, double[]> e : values.entrySet()) {
      double avg = e.getValue()[0] / Math.max(1, e.getValue()[1]);
      info.append(" - ").append(e.getKey()).append(": ")
          .append(Math.abs(avg) > 1e-3 ? PythonText.fixed(avg, 4) : PythonText.scientific(avg, 4));
    }
    message.append(bar).append(info);
    int totalWidth = bar.length() + info.length() - specialChars;
    if (prevTotalWidth > totalWidth) {
      message.append(" ".repeat(prevTotalWidth - totalWidth));
    }
    if (fin) {
      message.append('\n');
    }
    out.print(message);
    out.flush();
    prevTotalWidth = totalWidth;
    lastUpdate = now;
  }

  /** Keras's {@code _format_time}: {@code 3ms/step}, {@code 2s/step}, {@code 850us/step}. */
  private static String formatTime(double timePerUnit) {
    if (timePerUnit >= 1 || timePerUnit == 0) {
      return " " + PythonText.fixed(timePerUnit, 0) + "s/step";
    } else if (timePerUnit >= 1e-3) {
      return " " + PythonText.fixed(timePerUnit * 1000.0, 0) + "ms/step";
    }
    return " " + PythonText.fixed(timePerUnit * 1_000_000.0, 0) + "us/step";
  }

  /** The first step is left out of the estimate once there are more (it includes warm-up). */
  private double estimateStepDuration(int current, double now) {
    if (current == 0) {
      return 0;
    }
    double perUnit = timeAfterFirstStep != null && current > 1
        ? (now - timeAfterFirstStep) / (current - 1) : now / current;
    if (current == 1) {
      timeAfterFirstStep = now;
    }
    return perUnit;
  }

  /** Metric values as a list of (name, value) pairs, in the given map's order. */
  public static List<Map.Entry<String, Double>> entries(Map<String, Double> logs) {
    return new ArrayList<>(logs.entrySet());
  }
}
