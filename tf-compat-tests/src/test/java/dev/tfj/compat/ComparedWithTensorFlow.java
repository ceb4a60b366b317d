package dev.tfj.compat;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the TensorFlow ops (by OpDef name) whose values, and gradients where TensorFlow has
 * them, a test class compares with real TensorFlow. {@link OpCoverageTest} requires every
 * registered op to be named by some test class.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ComparedWithTensorFlow {
  String[] value();
}
