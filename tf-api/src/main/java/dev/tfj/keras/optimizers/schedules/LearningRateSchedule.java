package dev.tfj.keras.optimizers.schedules;

import dev.tfj.Tensor;

/** {@code keras.optimizers.schedules.LearningRateSchedule}: Python's {@code schedule(step)} is {@link #apply}. */
public interface LearningRateSchedule {
  /** The learning rate (float32) at {@code step}, an integer tensor (an optimizer's iterations). */
  Tensor apply(Object step);
}
