package dev.tfj.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import jdk.jshell.tool.JavaShellToolBuilder;
import org.junit.jupiter.api.Test;

/**
 * The README's demo, typed into jshell as {@code ./tfj-shell} starts it (this test's class path
 * stands in for the one the script asks Maven for): it must print what the README says it prints,
 * and TensorFlow's warnings must reach the shell's stderr.
 */
class ShellDemoTest {
  private static final Path README = Path.of("../README.md");
  private static final Path STARTUP = Path.of("src/main/jshell/tfj.jsh");
  private static final String PERSISTENT_TAPE_IN_CONTEXT = """
      GradientTape p = tf.GradientTape(true);
      try (var recording = p) { p.watch(x); p.gradient(tf.multiply(x, x), x); }
      """;

  @Test
  void theReadmeDemoRunsInJshellAndPrintsWhatTheReadmeSays() throws Exception {
    String demo = readmeDemo();
    String expected = demo.lines().filter(line -> line.startsWith("//"))
        .map(line -> line.substring(Math.min(3, line.length())) + "\n").collect(Collectors.joining());

    Shell shell = Shell.run(demo + PERSISTENT_TAPE_IN_CONTEXT);

    assertFalse(shell.feedback.contains("Error"), shell.feedback);
    assertFalse(shell.feedback.contains("Exception"), shell.feedback);
    assertEquals(expected, shell.userOut);
    assertTrue(shell.userErr.startsWith("WARNING:tensorflow:Calling GradientTape.gradient on a"
        + " persistent tape inside its context"), shell.userErr);
  }

  /** The java block the README marks as run through jshell. */
  private static String readmeDemo() throws IOException {
    Matcher block = Pattern.compile("(?s)<!-- run through jshell by ShellDemoTest[^>]*-->\\s*```java\n(.*?)```")
        .matcher(Files.readString(README));
    assertTrue(block.find(), "README.md has no java block marked for ShellDemoTest");
    return block.group(1);
  }

  /** One jshell session: the tool's own output, and what the snippets wrote to stdout and stderr. */
  private record Shell(String feedback, String userOut, String userErr) {
    static Shell run(String input) throws Exception {
      ByteArrayOutputStream feedback = new ByteArrayOutputStream();
      ByteArrayOutputStream userOut = new ByteArrayOutputStream();
      ByteArrayOutputStream userErr = new ByteArrayOutputStream();
      PrintStream tool = new PrintStream(feedback, true, StandardCharsets.UTF_8);
      JavaShellToolBuilder.builder()
          .in(new ByteArrayInputStream((input + "/exit\n").getBytes(StandardCharsets.UTF_8)), null)
          .out(tool, tool, new PrintStream(userOut, true, StandardCharsets.UTF_8))
          .err(tool, new PrintStream(userErr, true, StandardCharsets.UTF_8))
          .run("--class-path", System.getProperty("java.class.path"),
              "--startup", "DEFAULT", "--startup", STARTUP.toString());
      return new Shell(feedback.toString(StandardCharsets.UTF_8),
          userOut.toString(StandardCharsets.UTF_8), userErr.toString(StandardCharsets.UTF_8));
    }
  }
}
