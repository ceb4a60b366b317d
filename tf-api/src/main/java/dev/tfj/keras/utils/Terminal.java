package dev.tfj.keras.utils;

/** Whether standard output is an interactive terminal, as Python's {@code sys.stdout.isatty()}. */
final class Terminal {
  private Terminal() {}

  static boolean isInteractive() {
    java.io.Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      // Java 22+ returns a Console for redirected output too; isTerminal() tells them apart.
      return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
    } catch (ReflectiveOperationException olderJava) {
      return true;
    }
  }
}
