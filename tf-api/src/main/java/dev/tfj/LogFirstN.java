package dev.tfj;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * TensorFlow's {@code logging.log_first_n}: a warning logged at most n times per key, the key
 * being the calling source line (the first stack frame outside the class that warns). Keys are
 * source lines, so the counters stay as few as the program's lines.
 */
final class LogFirstN {
  private static final Logger LOG = LoggerFactory.getLogger("tensorflow");
  private static final Map<String, AtomicInteger> COUNTS = new ConcurrentHashMap<>();

  private LogFirstN() {}

  /** Warns at most {@code limit} times per line of code calling into {@code caller}. */
  static void warnAtCallSite(Class<?> caller, String kind, int limit, String message) {
    String site = StackWalker.getInstance().walk(frames -> frames
        .filter(f -> !f.getClassName().equals(LogFirstN.class.getName())
            && !f.getClassName().startsWith(caller.getName()))
        .findFirst().map(f -> f.getClassName() + ":" + f.getLineNumber()).orElse("?"));
    warn(kind + "@" + site, limit, message);
  }

  /** Warns at most {@code limit} times for {@code key}. */
  static void warn(String key, int limit, String message) {
    AtomicInteger count = COUNTS.computeIfAbsent(key, k -> new AtomicInteger());
    if (count.get() < limit && count.getAndIncrement() < limit) {
      LOG.warn(message);
    }
  }
}
