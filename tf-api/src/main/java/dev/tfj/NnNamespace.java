package dev.tfj;

/** {@code tf.nn}: neural-network ops, and the aliases TensorFlow also files here (tf.nn.sigmoid, ...). */
public final class NnNamespace {
  NnNamespace() {}

  // ---- activations (elementwise; issue 3) ----

  // ---- softmax, losses, bias_add, l2_loss, dropout, moments (issue 3) ----
}
