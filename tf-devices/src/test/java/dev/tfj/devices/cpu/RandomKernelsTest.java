package dev.tfj.devices.cpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The per-(op, seeds) generators: sequences continue, and their number stays bounded. */
class RandomKernelsTest {
  @Test
  void aLongRunOfFreshSeedsKeepsTheGeneratorsBoundedAndRecentOnesContinue() {
    RandomKernels.clear();
    for (int i = 0; i < 10_000; i++) {
      RandomKernels.reserve("op/" + i, 1, i, 256);
    }
    assertTrue(RandomKernels.generatorCount() <= 4096, "generators: " + RandomKernels.generatorCount());

    Philox continued = RandomKernels.reserve("op/9999", 1, 9999, 256);
    Philox expected = new Philox(1, 9999);
    expected.skip(256);
    assertArrayEquals(expected.next(), continued.next());
  }

  @Test
  void clearingForgetsEveryGenerator() {
    RandomKernels.reserve("op/x", 3, 4, 256);
    RandomKernels.clear();
    assertEquals(0, RandomKernels.generatorCount());
  }
}
