package dev.tfj.keras;

import dev.tfj.Variable;
import dev.tfj.keras.layers.Layer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Keras 3's {@code model.summary()} as its rich table renders without colour: a heavy-headed
 * box, one row per layer (name and class, output shape, parameter count) with lines between rows,
 * then the parameter totals with their memory size. The line length is
 * {@code min(88, columns - 4)}, columns being {@code $COLUMNS} or 80 as Python's
 * {@code shutil.get_terminal_size} finds them; the column widths are Keras's positions
 * (0.45, 0.80, 1.0) narrowed as rich narrows a table whose cell padding overflows it.
 */
final class Summary {
  private Summary() {}

  private static final double[] POSITIONS = {0.45, 0.80, 1.0};
  private static final String[] HEADER = {"Layer (type)", "Output Shape", "Param #"};
  private static final boolean[] RIGHT = {false, false, true};

  static String of(Model model, Integer lineLength) {
    int length = lineLength != null ? lineLength : Math.min(88, terminalColumns() - 4);
    int[] widths = columnWidths(length);
    List<String[]> rows = new ArrayList<>();
    for (Layer layer : model.layers()) {
      String params = layer.built() ? PythonText.thousands(layer.count_params()) : "0 (unbuilt)";
      rows.add(new String[] {layer.name() + " (" + layer.getClass().getSimpleName() + ")", layer.outputShapeText(),
          params});
    }
    StringBuilder out = new StringBuilder();
    out.append("Model: \"").append(model.name()).append("\"\n");
    out.append(border('┏', '━', '┳', '┓', widths));
    appendRow(out, HEADER, widths, '┃');
    out.append(border('┡', '━', '╇', '┩', widths));
    for (int i = 0; i < rows.size(); i++) {
      if (i > 0) {
        out.append(border('├', '─', '┼', '┤', widths));
      }
      appendRow(out, rows.get(i), widths, '│');
    }
    out.append(border('└', '─', '┴', '┘', widths));
    List<Variable> trainable = model.trainable_weights();
    List<Variable> frozen = model.non_trainable_weights();
    List<Variable> optimizer = model.optimizerVariables();
    long total = count(trainable) + count(frozen) + count(optimizer);
    long bytes = bytes(trainable) + bytes(frozen) + bytes(optimizer);
    out.append(totals("Total params", total, bytes));
    out.append(totals("Trainable params", count(trainable), bytes(trainable)));
    out.append(totals("Non-trainable params", count(frozen), bytes(frozen)));
    if (!optimizer.isEmpty()) {
      out.append(totals("Optimizer params", count(optimizer), bytes(optimizer)));
    }
    return out.toString();
  }

  private static int terminalColumns() {
    try {
      String columns = System.getenv("COLUMNS");
      return columns == null ? 80 : Integer.parseInt(columns.trim());
    } catch (NumberFormatException notANumber) {
      return 80;
    }
  }

  /** Keras's widths, each with rich's two spaces of padding, reduced evenly (rich's ratio_reduce) to fit. */
  static int[] columnWidths(int lineLength) {
    int[] widths = new int[POSITIONS.length];
    int current = 0;
    for (int i = 0; i < POSITIONS.length; i++) {
      int width = (int) (POSITIONS[i] * lineLength) - current;
      if (width < 4) {
        throw new dev.tfj.errors.ValueError("Insufficient console width to print summary.");
      }
      widths[i] = width + 2;
      current += width;
    }
    int available = lineLength - (POSITIONS.length + 1);
    int excess = java.util.Arrays.stream(widths).sum() - available;
    if (excess > 0) {
      int remaining = excess;
      int ratios = widths.length;
      for (int i = 0; i < widths.length; i++) {
        int distributed = (int) Math.min(widths[i], Math.rint((double) remaining / ratios));
        widths[i] -= distributed;
        remaining -= distributed;
        ratios--;
      }
    }
    return widths;
  }

  private static String border(char left, char fill, char join, char right, int[] widths) {
    StringBuilder b = new StringBuilder().append(left);
    for (int i = 0; i < widths.length; i++) {
      b.append(String.valueOf(fill).repeat(widths[i])).append(i + 1 < widths.length ? join : right);
    }
    return b.append('\n').toString();
  }

  /** One table row, each cell wrapped to its width (words, then characters), aligned at the top. */
  private static void appendRow(StringBuilder out, String[] cells, int[] widths, char edge) {
    List<List<String>> wrapped = new ArrayList<>();
    int height = 1;
    for (int i = 0; i < cells.length; i++) {
      List<String> lines = wrap(cells[i], widths[i] - 2);
      wrapped.add(lines);
      height = Math.max(height, lines.size());
    }
    for (int line = 0; line < height; line++) {
      out.append(edge);
      for (int i = 0; i < cells.length; i++) {
        String text = line < wrapped.get(i).size() ? wrapped.get(i).get(line) : "";
        String pad = " ".repeat(widths[i] - 2 - text.length());
        out.append(' ').append(RIGHT[i] ? pad + text : text + pad).append(' ').append(edge);
      }
      out.append('\n');
    }
  }

  static List<String> wrap(String text, int width) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.split(" ")) {
      while (word.length() > width) {
        if (line.length() > 0) {
          lines.add(line.toString());
          line.setLength(0);
        }
        lines.add(word.substring(0, width));
        word = word.substring(width);
      }
      if (line.length() > 0 && line.length() + 1 + word.length() > width) {
        lines.add(line.toString());
        line.setLength(0);
      }
      line.append(line.length() > 0 ? " " : "").append(word);
    }
    lines.add(line.toString());
    return lines;
  }

  private static String totals(String label, long count, long bytes) {
    return " " + label + ": " + PythonText.thousands(count) + " (" + readable(bytes) + ")\n";
  }

  private static Set<Variable> unique(List<Variable> vars) {
    Set<Variable> out = Collections.newSetFromMap(new IdentityHashMap<>());
    out.addAll(vars);
    return out;
  }

  private static long count(List<Variable> vars) {
    return vars.stream().mapToLong(v -> v.shape().num_elements()).sum();
  }

  private static long bytes(List<Variable> vars) {
    return unique(vars).stream().mapToLong(v -> v.shape().num_elements() * v.dtype().size()).sum();
  }

  /** Keras's {@code readable_memory_size}: {@code 795.04 KB}, scale 1024. */
  static String readable(double size) {
    String[] units = {"B", "KB", "MB", "GB", "TB", "PB"};
    for (String unit : units) {
      if (size / 1024 < 1) {
        return PythonText.fixed(size, 2) + " " + unit;
      }
      size /= 1024;
    }
    return PythonText.fixed(size, 2) + " PB";
  }
}
