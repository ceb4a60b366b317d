package dev.tfj.keras.optimizers;

/**
 * {@code keras.optimizers.AdamW(learning_rate=0.001, weight_decay=0.004, beta_1=0.9, beta_2=0.999,
 * epsilon=1e-7)}: Adam after the decoupled decay {@code w -= w * weight_decay * lr} of each step.
 */
public class AdamW extends Adam {
  public AdamW() {
    this(0.001);
  }

  public AdamW(Object learning_rate) {
    this(learning_rate, 0.004);
  }

  public AdamW(Object learning_rate, double weight_decay) {
    super(learning_rate, "adamw");
    weight_decay(weight_decay);
  }
}
