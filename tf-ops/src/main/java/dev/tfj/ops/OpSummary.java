package dev.tfj.ops;

import dev.tfj.ops.proto.AttrValue;
import dev.tfj.ops.proto.DataType;
import dev.tfj.ops.proto.OpDef;
import dev.tfj.ops.proto.OpDef.ArgDef;
import dev.tfj.ops.proto.OpDef.AttrDef;
import java.util.List;
import java.util.stream.Collectors;

/** TensorFlow's one-line OpDef summary, {@code Op<name=Sum; signature=...>}, as its errors print it. */
final class OpSummary {
  private OpSummary() {}

  static String of(OpDef def) {
    StringBuilder s = new StringBuilder("Op<name=").append(def.getName());
    s.append("; signature=").append(args(def.getInputArgList()))
        .append(" -> ").append(args(def.getOutputArgList()));
    for (AttrDef a : def.getAttrList()) {
      s.append("; attr=").append(a.getName()).append(':').append(a.getType());
      if (a.hasDefaultValue()) {
        s.append(",default=").append(value(a.getDefaultValue()));
      }
      if (a.getHasMinimum()) {
        s.append(",min=").append(a.getMinimum());
      }
      if (a.hasAllowedValues()) {
        s.append(",allowed=").append(value(a.getAllowedValues()));
      }
    }
    if (def.getIsCommutative()) {
      s.append("; is_commutative=true");
    }
    if (def.getIsAggregate()) {
      s.append("; is_aggregate=true");
    }
    if (def.getIsStateful()) {
      s.append("; is_stateful=true");
    }
    if (def.getAllowsUninitializedInput()) {
      s.append("; allows_uninitialized_input=true");
    }
    return s.append('>').toString();
  }

  private static String args(List<ArgDef> args) {
    return args.stream().map(a -> {
      String type = a.getType() != DataType.DT_INVALID ? DType.cppName(a.getType())
          : a.getTypeAttr().isEmpty() ? a.getTypeListAttr() : a.getTypeAttr();
      String n = a.getNumberAttr().isEmpty() ? "" : a.getNumberAttr() + "*";
      return a.getName() + ":" + (a.getIsRef() ? "Ref(" + n + type + ")" : n + type);
    }).collect(Collectors.joining(", "));
  }

  private static String value(AttrValue v) {
    return switch (v.getValueCase()) {
      case B -> Boolean.toString(v.getB());
      case I -> Long.toString(v.getI());
      case F -> Float.toString(v.getF());
      case S -> "\"" + v.getS().toStringUtf8() + "\"";
      case TYPE -> v.getType().name();
      case LIST -> "[" + listItems(v.getList()) + "]";
      default -> v.toString().trim();
    };
  }

  private static String listItems(AttrValue.ListValue list) {
    if (list.getTypeCount() > 0) {
      return list.getTypeList().stream().map(DataType::name).collect(Collectors.joining(", "));
    }
    if (list.getSCount() > 0) {
      return list.getSList().stream().map(b -> "\"" + b.toStringUtf8() + "\"")
          .collect(Collectors.joining(", "));
    }
    return list.getIList().stream().map(String::valueOf).collect(Collectors.joining(", "));
  }
}
