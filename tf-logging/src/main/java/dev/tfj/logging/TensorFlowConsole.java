package dev.tfj.logging;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.util.DefaultJoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * Logback's configuration when the program brings none: TensorFlow's console output
 * ({@code tensorflow-console.xml}). Logback asks service-loaded configurators before it looks for
 * {@code logback.xml}, so this one steps aside whenever logback would find the program's own file
 * (the {@code logback.configurationFile} property, {@code logback-test.xml}, {@code logback.xml}).
 */
public final class TensorFlowConsole extends ContextAwareBase implements Configurator {
  @Override
  public ExecutionStatus configure(LoggerContext context) {
    if (programConfigured(context)) {
      return ExecutionStatus.INVOKE_NEXT_IF_ANY;
    }
    JoranConfigurator joran = new JoranConfigurator();
    joran.setContext(context);
    try {
      joran.doConfigure(TensorFlowConsole.class.getResource("tensorflow-console.xml"));
    } catch (JoranException e) {
      addError("tensorflow-console.xml did not load; logback falls back to its default", e);
      return ExecutionStatus.INVOKE_NEXT_IF_ANY;
    }
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }

  /** Whether logback's own search (the same code) finds a configuration file of the program's. */
  static boolean programConfigured(LoggerContext context) {
    DefaultJoranConfigurator search = new DefaultJoranConfigurator();
    search.setContext(context);
    return search.findURLOfDefaultConfigurationFile(false) != null;
  }
}
