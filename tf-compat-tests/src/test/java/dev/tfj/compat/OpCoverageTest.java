package dev.tfj.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tfj.ops.Op;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every registered op is compared with real TensorFlow by some test class. (That each has a
 * gradient or a not-differentiable mark is DifferentiabilityTableTest's job.)
 */
class OpCoverageTest {
  @Test
  void everyOpIsComparedWithTensorFlow() {
    Set<String> covered = coveredOps();
    Set<String> missing = new TreeSet<>();
    for (Op op : Op.all()) {
      if (!covered.contains(op.name)) {
        missing.add(op.name);
      }
    }
    assertEquals(Set.of(), missing, "ops no @ComparedWithTensorFlow test class names");
  }

  /** The ops named by every annotated class among the compiled tests. */
  private static Set<String> coveredOps() {
    Set<String> ops = new TreeSet<>();
    try {
      Path root = Path.of(OpCoverageTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      try (Stream<Path> files = Files.walk(root)) {
        files.filter(p -> p.toString().endsWith(".class") && !p.toString().contains("$"))
            .map(p -> root.relativize(p).toString().replace('/', '.').replaceAll("\\.class$", ""))
            .forEach(name -> ops.addAll(annotatedOps(name)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    return ops;
  }

  private static Set<String> annotatedOps(String className) {
    try {
      ComparedWithTensorFlow a = Class.forName(className, false, OpCoverageTest.class.getClassLoader())
          .getAnnotation(ComparedWithTensorFlow.class);
      return a == null ? Set.of() : Set.of(a.value());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }
}
