package dev.tfj.compat.tape;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.tfj.eager.Eager;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Captures what TFJ logs while a test runs: TensorFlow's warnings (logger "tensorflow"), or with
 * {@link #placement()} the device placement lines of the eager runtime. INFO is let through
 * while it is open.
 */
public final class TensorFlowLog implements AutoCloseable {
  private final Logger logger;
  private final Level previousLevel;
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

  public TensorFlowLog() {
    this("tensorflow");
  }

  /** The log of {@code tf.debugging.set_log_device_placement}. */
  public static TensorFlowLog placement() {
    return new TensorFlowLog(Eager.class.getName());
  }

  private TensorFlowLog(String loggerName) {
    logger = (Logger) LoggerFactory.getLogger(loggerName);
    previousLevel = logger.getLevel();
    appender.start();
    logger.setLevel(Level.INFO);
    logger.addAppender(appender);
  }

  /** Each event as {@code LEVEL:message}. */
  public List<String> messages() {
    return appender.list.stream().map(e -> e.getLevel() + ":" + e.getFormattedMessage()).toList();
  }

  @Override
  public void close() {
    logger.detachAppender(appender);
    logger.setLevel(previousLevel);
  }
}
