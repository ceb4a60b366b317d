package dev.tfj.keras.layers;

import dev.tfj.Tensor;
import java.util.function.UnaryOperator;

/**
 * {@code tf.keras.layers}: each layer by its Keras name, with overloads for its leading positional
 * arguments; every other keyword is a fluent method on the layer ({@code Dense(10, "relu").use_bias(false)}).
 */
public final class Layers {
  public Layers() {}

  public Dense Dense(int units) {
    return new Dense(units);
  }

  public Dense Dense(int units, String activation) {
    return new Dense(units, activation);
  }

  public Dense Dense(int units, UnaryOperator<Tensor> activation) {
    return new Dense(units, activation);
  }

  public Flatten Flatten() {
    return new Flatten();
  }

  public Reshape Reshape(long... target_shape) {
    return new Reshape(target_shape);
  }

  public Dropout Dropout(double rate) {
    return new Dropout(rate);
  }

  public BatchNormalization BatchNormalization() {
    return new BatchNormalization();
  }

  public BatchNormalization BatchNormalization(int axis) {
    return new BatchNormalization(axis);
  }

  public LayerNormalization LayerNormalization() {
    return new LayerNormalization();
  }

  public LayerNormalization LayerNormalization(int... axis) {
    return new LayerNormalization(axis);
  }

  public Embedding Embedding(int input_dim, int output_dim) {
    return new Embedding(input_dim, output_dim);
  }

  public Activation Activation(String activation) {
    return new Activation(activation);
  }

  public Activation Activation(UnaryOperator<Tensor> activation) {
    return new Activation(activation);
  }

  public ReLU ReLU() {
    return new ReLU();
  }

  public Softmax Softmax() {
    return new Softmax();
  }

  public Softmax Softmax(int axis) {
    return new Softmax(axis);
  }

  public Add Add() {
    return new Add();
  }

  public Concatenate Concatenate() {
    return new Concatenate();
  }

  public Concatenate Concatenate(int axis) {
    return new Concatenate(axis);
  }

  public InputLayer InputLayer(long... shape) {
    return new InputLayer(shape, null);
  }
}
