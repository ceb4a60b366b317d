package dev.tfj.compat.shape;

import static dev.tfj.compat.oracle.Oracle.assertAgree;
import static dev.tfj.compat.oracle.Oracle.constants;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.tfj.Tensor;
import dev.tfj.compat.oracle.Oracle;
import dev.tfj.compat.oracle.Oracle.Values;
import dev.tfj.ops.DType;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.DynamicTest;
import org.tensorflow.EagerSession;
import org.tensorflow.Operand;
import org.tensorflow.Operation;
import org.tensorflow.OperationBuilder;
import org.tensorflow.Output;
import org.tensorflow.op.Ops;
import org.tensorflow.proto.DataType;

/**
 * What the shape and indexing tests share: TensorFlow ops built by OpDef name (for ops and attrs
 * TensorFlow Java has no wrapper for), one eager TensorFlow session, and a comparison of
 * multi-output functions.
 */
final class ShapeOracle {
  private ShapeOracle() {}

  static final DType F32 = DType.FLOAT32;
  static final DType F64 = DType.FLOAT64;
  static final DType I32 = DType.INT32;
  static final DType I64 = DType.INT64;
  static final DType U8 = DType.UINT8;
  static final DType BOOL = DType.BOOL;
  /** Every TFJ dtype: moves must work for all of them. */
  static final List<DType> ALL = List.of(F32, F64, I32, I64, U8, BOOL);

  private static EagerSession session;
  private static Ops eager;

  /** TensorFlow Java's eager ops, opened once for all tests of this package. */
  static synchronized Ops eager() {
    if (eager == null) {
      session = EagerSession.create();
      eager = Ops.create(session);
    }
    return eager;
  }

  /** 0, 1, 2, ... in {@code dtype} (bools alternate), so every moved element is recognisable. */
  static Values iota(DType dtype, long... shape) {
    Values v = Oracle.iota(dtype, shape, 0, 1);
    if (dtype == BOOL || dtype == U8) {
      double[] d = v.data().clone();
      for (int i = 0; i < d.length; i++) {
        d[i] = dtype == BOOL ? (i % 3 == 1 ? 1 : 0) : (i * 37) % 256;
      }
      return Values.of(dtype, shape, d);
    }
    return v;
  }

  static Values ints(long[] shape, double... data) {
    return Values.of(I32, shape, data);
  }

  /** Builds and runs (eagerly, or adds to a graph) the op {@code type} with attrs and inputs. */
  static List<Operand<?>> raw(Ops tf, String type, Object[] attrs, Object... inputs) {
    OperationBuilder b = tf.scope().env().opBuilder(type, tf.scope().makeOpName(type), tf.scope());
    for (Object in : inputs) {
      if (in instanceof List<?> list) {
        Output<?>[] outs = list.stream().map(o -> ((Operand<?>) o).asOutput()).toArray(Output<?>[]::new);
        b.addInputList(outs);
      } else {
        b.addInput(((Operand<?>) in).asOutput());
      }
    }
    for (int i = 0; i < attrs.length; i += 2) {
      String name = (String) attrs[i];
      Object v = attrs[i + 1];
      if (v instanceof Integer n) {
        b.setAttr(name, (long) n);
      } else if (v instanceof Long n) {
        b.setAttr(name, n);
      } else if (v instanceof String s) {
        b.setAttr(name, s);
      } else if (v instanceof DType d) {
        b.setAttr(name, DataType.forNumber(d.proto().getNumber()));
      } else {
        throw new IllegalArgumentException(name + " = " + v);
      }
    }
    Operation op = b.build();
    List<Operand<?>> outputs = new ArrayList<>();
    for (int i = 0; i < op.numOutputs(); i++) {
      outputs.add(op.output(i));
    }
    return outputs;
  }

  static Object[] attrs(Object... namesAndValues) {
    return namesAndValues;
  }

  /** TensorFlow's side of a comparison: any number of outputs. */
  interface TfOutputs {
    List<Operand<?>> apply(Ops tf, List<Operand<?>> x);
  }

  /** One comparison of TFJ with TensorFlow on the same inputs; every output must be equal. */
  record Case(String name, List<Values> inputs, Function<List<Tensor>, List<Tensor>> tfj,
      TfOutputs tf, double rtol) {
    static Case of(String name, List<Values> inputs, Function<List<Tensor>, Tensor> tfj,
        TfOutputs tf) {
      return new Case(name, inputs, x -> List.of(tfj.apply(x)), tf, 0);
    }

    static Case multi(String name, List<Values> inputs, Function<List<Tensor>, List<Tensor>> tfj,
        TfOutputs tf) {
      return new Case(name, inputs, tfj, tf, 0);
    }

    /** Within the dtype's default relative tolerance, for results of arithmetic. */
    Case approximately() {
      return new Case(name, inputs, tfj, tf, -1);
    }

    DynamicTest test() {
      return dynamicTest(name + " " + inputs, () -> {
        List<Operand<?>> expected = tf.apply(eager(), constants(eager(), inputs));
        List<Tensor> actual = tfj.apply(Oracle.tfj(inputs));
        assertEquals(expected.size(), actual.size(), name + ": number of outputs");
        for (int i = 0; i < expected.size(); i++) {
          Values e = Oracle.read(expected.get(i));
          double r = rtol < 0 ? Oracle.rtol(e.dtype()) : rtol;
          assertAgree(e, Oracle.of(actual.get(i)), r, 0, name + " output " + i);
        }
      });
    }
  }
}
