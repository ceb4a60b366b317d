package dev.tfj.benchmarks;

/** Which runtime computes a workload. */
public enum Side {
  TFJ,
  TENSORFLOW_JAVA
}
