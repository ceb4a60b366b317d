package dev.tfj.keras.callbacks;

import dev.tfj.errors.ValueError;
import dev.tfj.keras.PythonText;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code keras.callbacks.CSVLogger(filename, separator=",", append=False)}: one row per epoch,
 * {@code epoch} then the logs' keys sorted, values as Python's {@code str(float)}, lines ended
 * with {@code \r\n} as Python's csv module (excel dialect) ends them.
 */
public class CSVLogger extends Callback {
  private final Path filename;
  private final String separator;
  private final boolean append;
  private Writer writer;
  private List<String> keys;
  private boolean appendHeader = true;

  public CSVLogger(String filename) {
    this(filename, ",", false);
  }

  public CSVLogger(String filename, String separator, boolean append) {
    this.filename = Path.of(filename);
    this.separator = separator;
    this.append = append;
  }

  @Override
  public void on_train_begin(Map<String, Double> logs) {
    try {
      if (append) {
        appendHeader = !(Files.exists(filename) && Files.size(filename) > 0);
      }
      writer = Files.newBufferedWriter(filename, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
          append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw new ValueError("Could not open " + filename + ": " + e.getMessage());
    }
    keys = null;
  }

  @Override
  public void on_epoch_end(int epoch, Map<String, Double> logs) {
    try {
      if (keys == null) {
        keys = new ArrayList<>(logs.keySet());
        keys.sort(null);
        if (appendHeader) {
          writer.write("epoch" + (keys.isEmpty() ? "" : separator + String.join(separator, keys)) + "\r\n");
        }
      }
      StringBuilder row = new StringBuilder(Integer.toString(epoch));
      for (String k : keys) {
        Double v = logs.get(k);
        row.append(separator).append(v == null ? "NA" : PythonText.repr(v));
      }
      writer.write(row + "\r\n");
      writer.flush();
    } catch (IOException e) {
      throw new ValueError("Could not write " + filename + ": " + e.getMessage());
    }
  }

  @Override
  public void on_train_end(Map<String, Double> logs) {
    try {
      writer.close();
    } catch (IOException e) {
      throw new ValueError("Could not close " + filename + ": " + e.getMessage());
    } finally {
      writer = null;
    }
  }
}
