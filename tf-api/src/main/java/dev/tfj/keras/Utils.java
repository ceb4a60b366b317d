package dev.tfj.keras;

import dev.tfj.keras.random.PythonRandom;
import dev.tfj.tf;

/** {@code tf.keras.utils}. */
public final class Utils {
  Utils() {}

  /**
   * {@code keras.utils.set_random_seed(seed)}: Python's {@code random} (where Keras draws the
   * default seeds of initializers and dropout layers) and {@code tf.random.set_seed}; a model
   * built after it starts from the weights Keras with TensorFlow would give it.
   */
  public void set_random_seed(long seed) {
    PythonRandom.GLOBAL.seed(seed);
    tf.random.set_seed(seed);
  }

  /** {@code keras.utils.Progbar(target)}: Keras's progress bar for a loop of one's own. */
  public dev.tfj.keras.utils.Progbar Progbar(Integer target) {
    return new dev.tfj.keras.utils.Progbar(target);
  }
}
