package dev.tfj.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.LoggerContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * This module's test class path has no logback configuration file, as a user's program with only
 * tf-api and tf-logging has none: logback must find {@link TensorFlowConsole} through the service
 * file and print what TensorFlow prints, on stderr.
 */
class TensorFlowConsoleTest {
  @Test
  void warningsAndPlacementLinesGoToStderrAsTensorFlowPrintsThem() {
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    System.setOut(new PrintStream(outBytes, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(errBytes, true, StandardCharsets.UTF_8));
    try {
      LoggerFactory.getLogger("tensorflow").info("not shown: TensorFlow's logger is at WARNING");
      LoggerFactory.getLogger("tensorflow").warn("Calling GradientTape.gradient on a persistent tape");
      LoggerFactory.getLogger("dev.tfj.eager.Eager").info("Executing op MatMul in device /job:localhost/replica:0/task:0/device:CPU:0");
      LoggerFactory.getLogger("some.library").error("failed");
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
    assertEquals("", outBytes.toString(StandardCharsets.UTF_8));
    assertEquals("WARNING:tensorflow:Calling GradientTape.gradient on a persistent tape\n"
        + "Executing op MatMul in device /job:localhost/replica:0/task:0/device:CPU:0\n"
        + "ERROR:some.library:failed\n", errBytes.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n"));
  }

  @Test
  void aConfigurationOfTheProgramsOwnWins(@TempDir Path dir) throws IOException {
    assertFalse(TensorFlowConsole.programConfigured(new LoggerContext()));
    Path own = Files.writeString(dir.resolve("my-logback.xml"), "<configuration/>");
    System.setProperty("logback.configurationFile", own.toString());
    try {
      assertTrue(TensorFlowConsole.programConfigured(new LoggerContext()));
    } finally {
      System.clearProperty("logback.configurationFile");
    }
  }
}
