package dev.tfj.compat.elementwise;

import dev.tfj.errors.InvalidArgumentError;
import dev.tfj.errors.NotFoundError;
import dev.tfj.errors.OpError;
import dev.tfj.ops.DType;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.tensorflow.EagerSession;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.OperationBuilder;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.exceptions.TFInvalidArgumentException;
import org.tensorflow.exceptions.TensorFlowException;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Gradients;
import org.tensorflow.proto.DataType;
import org.tensorflow.types.TUint8;

/**
 * Real TensorFlow (2.18, through TensorFlow Java 1.1.0) as the reference: ops run by their
 * TensorFlow names on {@link Flat} inputs, eagerly for values and in a graph for gradients.
 */
final class TensorFlowJava {
  private static final EagerSession EAGER = EagerSession.create();
  private static final Ops EAGER_OPS = Ops.create(EAGER);

  private TensorFlowJava() {}

  /** A TensorFlow op's output, or the error it raised, as TFJ's error class and message. */
  record Outcome(Flat value, Class<? extends OpError> error, String message) {}

  /** Builds one TensorFlow op: its name, attrs as name/value pairs, inputs (a List is a list input). */
  record Node(String op, Object[] attrs, Object[] inputs) {}

  static Node node(String op, Object... inputs) {
    return new Node(op, new Object[0], inputs);
  }

  static Node nodeWithAttrs(String op, Object[] attrs, Object... inputs) {
    return new Node(op, attrs, inputs);
  }

  /** Runs one op eagerly on {@code inputs}. */
  static Outcome eager(String op, Object[] attrs, Flat... inputs) {
    return eager(tf -> build(tf, new Node(op, attrs, constants(tf, inputs))));
  }

  /** Runs ops eagerly: {@code body} builds the result from TensorFlow Java's Ops. */
  static Outcome eager(Function<Ops, Operand<?>> body) {
    try {
      return new Outcome(Flat.of(body.apply(EAGER_OPS).asTensor()), null, null);
    } catch (TFInvalidArgumentException e) {
      return new Outcome(null, InvalidArgumentError.class, e.getMessage());
    } catch (TensorFlowException e) {
      if (e.getMessage().startsWith("Could not find device for node")) {
        return new Outcome(null, NotFoundError.class, e.getMessage());
      }
      throw e;
    }
  }

  static Operand<?>[] constants(Ops tf, Flat... inputs) {
    Operand<?>[] out = new Operand<?>[inputs.length];
    for (int i = 0; i < inputs.length; i++) {
      out[i] = constant(tf, inputs[i]);
    }
    return out;
  }

  static Operand<?> constant(Ops tf, Flat f) {
    Shape shape = Shape.of(f.shape());
    int n = f.size();
    return switch (f.dtype()) {
      case FLOAT32 -> {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
          a[i] = (float) f.reals()[i];
        }
        yield tf.constant(shape, DataBuffers.of(a, true, false));
      }
      case FLOAT64 -> tf.constant(shape, DataBuffers.of(f.reals(), true, false));
      case INT32 -> tf.constant(shape, DataBuffers.of(
          java.util.Arrays.stream(f.ints()).mapToInt(v -> (int) v).toArray(), true, false));
      case INT64 -> tf.constant(shape, DataBuffers.of(f.ints(), true, false));
      case UINT8 -> {
        byte[] a = new byte[n];
        for (int i = 0; i < n; i++) {
          a[i] = (byte) f.ints()[i];
        }
        yield tf.constant(TUint8.class, shape, DataBuffers.of(a, true, false));
      }
      case BOOL -> tf.constant(shape, DataBuffers.of(f.bools(), true, false));
      default -> throw new IllegalArgumentException(f.dtype().toString());
    };
  }

  /** Adds one op; an input is an Operand, a List of them (a list input) or a nested Node. */
  static Output<?> build(Ops tf, Node node) {
    OperationBuilder b = tf.scope().env().opBuilder(node.op(), tf.scope().makeOpName(node.op()), tf.scope());
    for (Object in : node.inputs()) {
      if (in instanceof List<?> list) {
        b.addInputList(list.stream().map(o -> input(tf, o)).toArray(Output<?>[]::new));
      } else {
        b.addInput(input(tf, in));
      }
    }
    for (int i = 0; i < node.attrs().length; i += 2) {
      String name = (String) node.attrs()[i];
      Object v = node.attrs()[i + 1];
      if (v instanceof Float f) {
        b.setAttr(name, f);
      } else if (v instanceof Boolean bool) {
        b.setAttr(name, bool);
      } else if (v instanceof DType d) {
        b.setAttr(name, DataType.forNumber(d.proto().getNumber()));
      } else {
        throw new IllegalArgumentException(name + "=" + v);
      }
    }
    return b.build().output(0);
  }

  private static Output<?> input(Ops tf, Object in) {
    return in instanceof Node n ? build(tf, n) : ((Operand<?>) in).asOutput();
  }

  /**
   * Gradients in graph mode: the sources are constants holding {@code inputs}, {@code body}
   * builds the target from them, and {@code upstream} is the target's incoming gradient.
   */
  static Flat[] gradients(Function<Operand<?>[], Node> body, Flat upstream, Flat... inputs) {
    return gradients((tf, in) -> body.apply(in), upstream, inputs);
  }

  /** As above, for a body that also makes constants with the graph's Ops. */
  static Flat[] gradients(BiFunction<Ops, Operand<?>[], Node> body, Flat upstream, Flat... inputs) {
    try (Graph g = new Graph(); Session s = new Session(g)) {
      Ops tf = Ops.create(g);
      Operand<?>[] sources = constants(tf, inputs);
      Output<?> y = build(tf, body.apply(tf, sources));
      Gradients grads = Gradients.create(tf.scope(), y, List.of(sources),
          Gradients.dx(List.of(constant(tf, upstream))));
      Session.Runner runner = s.runner();
      for (Output<?> dy : grads.dy()) {
        runner.fetch(dy);
      }
      try (Result r = runner.run()) {
        List<Flat> out = new ArrayList<>();
        for (int i = 0; i < inputs.length; i++) {
          out.add(Flat.of(r.get(i)));
        }
        return out.toArray(new Flat[0]);
      }
    }
  }
}
