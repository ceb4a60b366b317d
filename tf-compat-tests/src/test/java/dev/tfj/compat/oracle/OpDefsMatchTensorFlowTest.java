package dev.tfj.compat.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.tfj.errors.InvalidArgumentError;
import dev.tfj.ops.Op;
import dev.tfj.ops.OpDefs;
import dev.tfj.ops.proto.OpDef;
import dev.tfj.tf;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.tensorflow.EagerSession;
import org.tensorflow.TensorFlow;
import org.tensorflow.exceptions.TFInvalidArgumentException;
import org.tensorflow.op.Ops;

/**
 * TFJ's OpDefs are TensorFlow's: each one equals the OpDef TensorFlow's own registry has (TensorFlow
 * Java 1.1.0, TensorFlow 2.18), once documentation and the fields TFJ's proto leaves out
 * (deprecation, full types, handle data) are cleared. TensorFlow's proto is serialized and parsed
 * with TFJ's generated class, so the comparison also proves the field numbers match: a field TFJ
 * numbered differently would land in the wrong place or among the unknown fields, and fail equality.
 */
class OpDefsMatchTensorFlowTest {
  private static final Map<String, org.tensorflow.proto.OpDef> TENSORFLOW = registry();

  private static Map<String, org.tensorflow.proto.OpDef> registry() {
    Map<String, org.tensorflow.proto.OpDef> byName = new TreeMap<>();
    for (org.tensorflow.proto.OpDef def : TensorFlow.registeredOpList().getOpList()) {
      byName.put(def.getName(), def);
    }
    return byName;
  }

  /** TensorFlow's OpDef with what TFJ does not keep cleared, as TFJ's proto class. */
  static OpDef tensorFlowsOpDef(String name) throws InvalidProtocolBufferException {
    org.tensorflow.proto.OpDef def = TENSORFLOW.get(name);
    assertNotNull(def, "TensorFlow has no op " + name);
    org.tensorflow.proto.OpDef.Builder b = def.toBuilder()
        .clearSummary().clearDescription().clearDeprecation();
    for (org.tensorflow.proto.OpDef.ArgDef.Builder a : b.getInputArgBuilderList()) {
      a.clearDescription().clearExperimentalFullType().clearHandleData();
    }
    for (org.tensorflow.proto.OpDef.ArgDef.Builder a : b.getOutputArgBuilderList()) {
      a.clearDescription().clearExperimentalFullType().clearHandleData();
    }
    for (org.tensorflow.proto.OpDef.AttrDef.Builder a : b.getAttrBuilderList()) {
      a.clearDescription();
    }
    return OpDef.parseFrom(b.build().toByteArray());
  }

  /** TFJ's OpDef, documentation cleared too (ops.pbtxt has none, but that is not the point here). */
  static OpDef tfjOpDef(OpDef def) {
    OpDef.Builder b = def.toBuilder().clearSummary().clearDescription();
    b.getInputArgBuilderList().forEach(OpDef.ArgDef.Builder::clearDescription);
    b.getOutputArgBuilderList().forEach(OpDef.ArgDef.Builder::clearDescription);
    b.getAttrBuilderList().forEach(OpDef.AttrDef.Builder::clearDescription);
    return b.build();
  }

  /** One case per op TFJ has declared. */
  @TestFactory
  Stream<DynamicTest> everyDeclaredOpHasTensorFlowsOpDef() {
    return Op.all().stream().map(op -> DynamicTest.dynamicTest(op.name, () -> {
      OpDef expected = tensorFlowsOpDef(op.name);
      assertTrue(expected.getUnknownFields().asMap().isEmpty(),
          op.name + ": TensorFlow's OpDef has fields TFJ's proto does not know: "
              + expected.getUnknownFields());
      assertEquals(expected, tfjOpDef(op.def), op.name);
    }));
  }

  /** Every OpDef in ops.pbtxt, declared or not yet, is TensorFlow's too. */
  @Test
  void everyOpDefInOpsPbtxtIsTensorFlows() throws InvalidProtocolBufferException {
    List<String> differ = new ArrayList<>();
    for (Map.Entry<String, OpDef> e : OpDefs.all().entrySet()) {
      if (!tensorFlowsOpDef(e.getKey()).equals(tfjOpDef(e.getValue()))) {
        differ.add(e.getKey());
      }
    }
    assertEquals(List.of(), differ, "OpDefs in ops.pbtxt that differ from TensorFlow's");
    assertTrue(OpDefs.all().size() >= Op.all().size());
  }

  /**
   * The disallowed-type error: TensorFlow Java's eager Sum on a bool tensor raises
   * "Value for attr 'T' of bool is not in the list of allowed values: ... ; NodeDef: {{node Sum}};
   * Op<name=Sum; signature=...>". TFJ's message is that text followed by " [Op:Sum]", the suffix
   * TensorFlow's Python eager layer (not the C API TensorFlow Java calls) appends; that suffix is
   * the only difference, and it is checked exactly.
   */
  @Test
  void disallowedTypeErrorIsTensorFlows() {
    String tensorFlows;
    try (EagerSession s = EagerSession.create()) {
      Ops tfj = Ops.create(s);
      TFInvalidArgumentException e = assertThrows(TFInvalidArgumentException.class,
          () -> tfj.sum(tfj.constant(new boolean[] {true}), tfj.constant(0)).asTensor().close());
      tensorFlows = e.getMessage();
    }
    // TensorFlow may prefix a function-node marker ("{{function_node __wrapped__Sum_...}} ");
    // TensorFlow Java 1.1.0 raises none for this op, and TFJ must not either.
    String core = tensorFlows.replaceFirst("^\\{\\{function_node [^}]*\\}\\} ", "");
    assertEquals(tensorFlows, core, "TensorFlow's message now carries a function_node prefix");
    InvalidArgumentError tfjError = assertThrows(InvalidArgumentError.class,
        () -> tf.reduce_sum(tf.constant(new boolean[] {true})));
    assertEquals(core + " [Op:Sum]", tfjError.getMessage());
    assertTrue(core.startsWith("Value for attr 'T' of bool is not in the list of allowed values: "
        + "float, double, int32, uint8,"), core);
  }
}
