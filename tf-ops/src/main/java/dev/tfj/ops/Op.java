package dev.tfj.ops;

import com.google.protobuf.ByteString;
import dev.tfj.errors.InvalidArgumentError;
import dev.tfj.errors.TypeError;
import dev.tfj.ops.proto.AttrValue;
import dev.tfj.ops.proto.DataType;
import dev.tfj.ops.proto.OpDef;
import dev.tfj.ops.proto.OpDef.ArgDef;
import dev.tfj.ops.proto.OpDef.AttrDef;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A primitive op: its TensorFlow OpDef, then its rules, registered right after it is declared
 * (see the *Ops classes): output shapes, and a gradient or an explicit "not differentiable".
 * Kernels live with the devices. Everything an op call needs from the OpDef is worked out here once.
 */
public final class Op {
  private static final List<Op> REGISTERED = new ArrayList<>();

  public final String name;
  /** Dense index, for per-device kernel tables. */
  public final int id;
  public final OpDef def;

  private final String[] typeAttrs;
  private final DType[][] allowedTypes;
  private final DType[] defaultTypes;
  private final Arg[] inputArgs;
  private final Arg[] outputArgs;
  private final int listInput;
  /** The string attrs whose OpDef lists allowed values (MatrixDiagV3's align, say), and those values. */
  private final Map<String, List<String>> allowedStrings = new LinkedHashMap<>();
  /** Int attrs with a minimum (list lengths, split counts), checked on every call that sets them. */
  private final AttrDef[] boundedInts;
  /** Each attr's OpDef type ({@code "type"}, {@code "int"}, ...) and its default as calls pass it. */
  private final Map<String, String> attrTypes = new HashMap<>();
  private final Map<String, Object> attrDefaults = new HashMap<>();

  private ShapeFn shapeFn;
  private GradientFn gradient;
  private boolean notDifferentiable;
  private boolean noGradientRegistered;
  private boolean broadcasting;
  private boolean[] gradientMayBeMissing = new boolean[0];

  /** How one OpDef argument gets its dtype: fixed, or from type attr {@code typeAttr}. */
  private record Arg(String name, DType fixed, int typeAttr, String numberAttr) {}

  private Op(OpDef def, int id) {
    this.name = def.getName();
    this.def = def;
    this.id = id;
    List<String> names = new ArrayList<>();
    for (AttrDef a : def.getAttrList()) {
      if (a.getType().equals("type")) {
        names.add(a.getName());
      }
    }
    typeAttrs = names.toArray(new String[0]);
    allowedTypes = new DType[typeAttrs.length][];
    defaultTypes = new DType[typeAttrs.length];
    for (AttrDef a : def.getAttrList()) {
      int k = names.indexOf(a.getName());
      if (k < 0) {
        continue;
      }
      if (a.hasAllowedValues()) {
        allowedTypes[k] = a.getAllowedValues().getList().getTypeList().stream()
            .map(DType::fromProto).filter(d -> d != null).toArray(DType[]::new);
      }
      if (a.hasDefaultValue()) {
        defaultTypes[k] = DType.fromProto(a.getDefaultValue().getType());
      }
    }
    inputArgs = args(def.getInputArgList(), names);
    outputArgs = args(def.getOutputArgList(), names);
    int list = -1;
    for (int i = 0; i < inputArgs.length; i++) {
      if (!inputArgs[i].numberAttr.isEmpty()) {
        list = i;
      }
    }
    listInput = list;
    for (AttrDef a : def.getAttrList()) {
      if (a.getType().equals("string") && a.hasAllowedValues()) {
        allowedStrings.put(a.getName(), a.getAllowedValues().getList().getSList().stream()
            .map(ByteString::toStringUtf8).toList());
      }
    }
    for (AttrDef a : def.getAttrList()) {
      attrTypes.put(a.getName(), a.getType());
      Object value = a.hasDefaultValue() ? javaValue(a.getType(), a.getDefaultValue()) : null;
      if (value != null) {
        attrDefaults.put(a.getName(), value);
      }
    }
    boundedInts = def.getAttrList().stream()
        .filter(a -> a.getType().equals("int") && a.getHasMinimum()).toArray(AttrDef[]::new);
  }

  private static Arg[] args(List<ArgDef> defs, List<String> typeAttrs) {
    Arg[] out = new Arg[defs.size()];
    for (int i = 0; i < out.length; i++) {
      ArgDef a = defs.get(i);
      out[i] = new Arg(a.getName(), DType.fromProto(a.getType()), typeAttrs.indexOf(a.getTypeAttr()),
          a.getNumberAttr());
    }
    return out;
  }

  /** An attr value as calls pass it (a DType, String, Long, Float, Boolean or int[]); null for other kinds. */
  private static Object javaValue(String type, AttrValue v) {
    return switch (type) {
      case "type" -> DType.fromProto(v.getType());
      case "string" -> v.getS().toStringUtf8();
      case "int" -> v.getI();
      case "float" -> v.getF();
      case "bool" -> v.getB();
      case "list(int)" -> v.getList().getIList().stream().mapToInt(Long::intValue).toArray();
      default -> null;
    };
  }

  /** Declares the op named {@code name} in ops.pbtxt. */
  public static synchronized Op define(String name) {
    Op op = new Op(OpDefs.get(name), REGISTERED.size());
    REGISTERED.add(op);
    return op;
  }

  /** Every declared op, in declaration order. */
  public static List<Op> all() {
    OpFamilies.load();
    synchronized (Op.class) {
      return Collections.unmodifiableList(new ArrayList<>(REGISTERED));
    }
  }

  // ---- rules, set once right after the declaration ----

  public Op shape(ShapeFn fn) {
    this.shapeFn = fn;
    return this;
  }

  /** For ops with one output. */
  public Op outputShape(java.util.function.BiFunction<Operand[], Attrs, long[]> fn) {
    return shape((in, a) -> new long[][] {fn.apply(in, a)});
  }

  public Op gradient(GradientFn fn) {
    this.gradient = fn;
    return this;
  }

  /** TensorFlow's {@code ops.NotDifferentiable}: every input gets a None gradient. */
  public Op notDifferentiable() {
    this.notDifferentiable = true;
    return this;
  }

  /**
   * TensorFlow registers neither a gradient nor NotDifferentiable for this op, so a gradient
   * through it raises {@code LookupError} there; the mark says that is deliberate here too.
   */
  public Op noGradientRegistered() {
    this.noGradientRegistered = true;
    return this;
  }

  /**
   * Outputs whose upstream gradient the rule takes as null when nothing flows into them, where
   * other outputs get zeros (TensorFlow's FunctionsAcceptingNoneForIndicesMap): the rule can then
   * skip work such as the second-order term of the softmax cross-entropy ops.
   */
  public Op nullGradientWhenUnused(int... outputs) {
    int size = 0;
    for (int i : outputs) {
      size = Math.max(size, i + 1);
    }
    gradientMayBeMissing = new boolean[size];
    for (int i : outputs) {
      gradientMayBeMissing[i] = true;
    }
    return this;
  }

  /**
   * Marks an elementwise op whose inputs broadcast to the output. Its gradient rule returns
   * output-shaped gradients and the tape reduces them to the input shapes.
   */
  public Op broadcasting() {
    this.broadcasting = true;
    return this;
  }

  public GradientFn gradient() {
    return gradient;
  }

  public boolean isNotDifferentiable() {
    return notDifferentiable;
  }

  public boolean hasNoGradientRegistered() {
    return noGradientRegistered;
  }

  /** Whether output {@code i}'s gradient reaches the rule as null when none flows in. */
  public boolean passesNullGradient(int i) {
    return i < gradientMayBeMissing.length && gradientMayBeMissing[i];
  }

  public boolean isBroadcasting() {
    return broadcasting;
  }

  public boolean isStateful() {
    return def.getIsStateful();
  }

  // ---- per call ----

  /**
   * The attrs with each one passed as null (a Java API argument given as None) set to its OpDef
   * default, as TensorFlow's eager fast path sets an attr passed as None; an attr with no default
   * raises the TypeError of TensorFlow's slow path ({@code execute.make_type} and its siblings).
   */
  public Attrs resolve(Attrs attrs) {
    return attrs.fillNulls(this::defaultAttr);
  }

  private Object defaultAttr(String attr) {
    Object value = attrDefaults.get(attr);
    String type = attrTypes.get(attr);
    if (value == null && type != null) {
      String expected = switch (type) {
        case "type" -> "DataType";
        case "int", "float", "bool", "string" -> type;
        default -> type.startsWith("list") ? "list" : type;
      };
      throw new TypeError("Expected " + expected + " for argument '" + attr + "' not None.");
    }
    return value instanceof int[] ints ? ints.clone() : value;
  }

  public long[][] outputShapes(Operand[] inputs, Attrs attrs) {
    return shapeFn.apply(inputs, attrs);
  }

  /**
   * The dtype of each output, inferred from the inputs and attrs as TensorFlow's OpDef
   * dictates; raises TensorFlow's InvalidArgumentError for a dtype mismatch or a disallowed type.
   */
  public DType[] outputTypes(Operand[] inputs, Attrs attrs) {
    if (!allowedStrings.isEmpty()) {
      allowedStrings.forEach((attr, allowed) -> checkAllowed(attr, allowed, attrs.find(attr)));
    }
    int outputCount = outputCount(attrs);
    checkMinimums(attrs);
    DType[] types = new DType[typeAttrs.length];
    for (int k = 0; k < types.length; k++) {
      if (attrs.find(typeAttrs[k]) instanceof DType d) {
        types[k] = d;
      }
    }
    int listLength = inputs.length - (inputArgs.length - 1);
    for (int i = 0; i < inputs.length; i++) {
      Arg arg = inputArgs[argIndex(i, listLength)];
      DType actual = inputs[i].dtype();
      DType expected = arg.typeAttr >= 0 ? types[arg.typeAttr] : arg.fixed;
      if (expected == null) {
        types[arg.typeAttr] = actual;
      } else if (expected != actual) {
        throw new InvalidArgumentError("cannot compute " + name + " as input #" + i
            + "(zero-based) was expected to be a " + expected.cppName() + " tensor but is a "
            + actual.cppName() + " tensor");
      }
    }
    for (int k = 0; k < types.length; k++) {
      if (types[k] == null) {
        types[k] = defaultTypes[k];
      }
      if (allowedTypes[k] != null && !contains(allowedTypes[k], types[k])) {
        throw new InvalidArgumentError(disallowedTypeMessage(typeAttrs[k], types[k]));
      }
    }
    DType[] out = new DType[outputCount];
    for (int i = 0; i < out.length; i++) {
      Arg arg = outputArgs[Math.min(i, outputArgs.length - 1)];
      out[i] = arg.typeAttr >= 0 ? types[arg.typeAttr] : arg.fixed;
    }
    return out;
  }

  private int argIndex(int input, int listLength) {
    if (listInput < 0 || input < listInput) {
      return input;
    }
    return input < listInput + listLength ? listInput : input - listLength + 1;
  }

  private int outputCount(Attrs attrs) {
    if (outputArgs.length == 1 && !outputArgs[0].numberAttr.isEmpty()) {
      long n = attrs.integer(outputArgs[0].numberAttr);
      if (n < 0) {
        throw new InvalidArgumentError("Value for number_attr() " + n + " < 0");
      }
      return (int) n;
    }
    return outputArgs.length;
  }

  private void checkMinimums(Attrs attrs) {
    for (AttrDef a : boundedInts) {
      if (attrs.find(a.getName()) instanceof Number n && n.longValue() < a.getMinimum()) {
        throw new InvalidArgumentError("Value for attr '" + a.getName() + "' of " + n
            + " must be at least minimum " + a.getMinimum() + nodeDefSuffix());
      }
    }
  }

  private static boolean contains(DType[] types, DType t) {
    for (DType d : types) {
      if (d == t) {
        return true;
      }
    }
    return false;
  }

  /** TensorFlow's error for a string attr outside its OpDef's allowed values. */
  private void checkAllowed(String attr, List<String> allowed, Object value) {
    if (value != null && !allowed.contains(value)) {
      throw new InvalidArgumentError("Value for attr '" + attr + "' of \"" + value
          + "\" is not in the list of allowed values: \"" + String.join("\", \"", allowed)
          + "\"\n\t; NodeDef: {{node " + name + "}}; " + OpSummary.of(def));
    }
  }

  private String disallowedTypeMessage(String attr, DType actual) {
    StringBuilder allowed = new StringBuilder();
    for (AttrDef a : def.getAttrList()) {
      if (a.getName().equals(attr)) {
        for (DataType t : a.getAllowedValues().getList().getTypeList()) {
          allowed.append(allowed.length() == 0 ? "" : ", ").append(DType.cppName(t));
        }
      }
    }
    return "Value for attr '" + attr + "' of " + actual.cppName()
        + " is not in the list of allowed values: " + allowed + nodeDefSuffix();
  }

  /** What TensorFlow appends to an attr that fails validation: the node and the OpDef summary. */
  private String nodeDefSuffix() {
    return "\n\t; NodeDef: {{node " + name + "}}; " + OpSummary.of(def);
  }

  @Override
  public String toString() {
    return name;
  }
}
