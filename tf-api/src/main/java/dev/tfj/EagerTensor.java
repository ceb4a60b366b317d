package dev.tfj;

import dev.tfj.eager.TensorHandle;

/** A tensor that is a value: the result of an op or a constant. */
final class EagerTensor extends Tensor {
  private final TensorHandle handle;

  EagerTensor(TensorHandle handle) {
    this.handle = handle;
  }

  @Override
  TensorHandle handle() {
    return handle;
  }

  @Override
  TensorHandle peek() {
    return handle;
  }
}
