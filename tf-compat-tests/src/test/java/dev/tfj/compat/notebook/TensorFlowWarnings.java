package dev.tfj.compat.notebook;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/** Captures what TFJ logs on the "tensorflow" logger while a test runs. */
final class TensorFlowWarnings implements AutoCloseable {
  private final Logger logger = (Logger) LoggerFactory.getLogger("tensorflow");
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

  TensorFlowWarnings() {
    appender.start();
    logger.addAppender(appender);
  }

  List<String> messages() {
    return appender.list.stream().map(e -> e.getLevel() + ":" + e.getFormattedMessage()).toList();
  }

  @Override
  public void close() {
    logger.detachAppender(appender);
  }
}
