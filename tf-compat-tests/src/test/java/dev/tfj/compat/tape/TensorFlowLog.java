package dev.tfj.compat.tape;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Captures what TFJ logs on the "tensorflow" logger (warnings, and the INFO lines of device
 * placement logging) while a test runs; INFO is let through while it is open.
 */
public final class TensorFlowLog implements AutoCloseable {
  private final Logger logger = (Logger) LoggerFactory.getLogger("tensorflow");
  private final Level previousLevel = logger.getLevel();
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

  public TensorFlowLog() {
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
