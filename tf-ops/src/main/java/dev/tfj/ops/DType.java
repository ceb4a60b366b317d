package dev.tfj.ops;

import dev.tfj.ops.proto.DataType;
import java.util.Locale;

/** A tensor element type, TensorFlow's {@code tf.DType}. {@code toString()} is its repr: {@code tf.float32}. */
public enum DType {
  FLOAT32(DataType.DT_FLOAT, "float32", "float", 4),
  FLOAT64(DataType.DT_DOUBLE, "float64", "double", 8),
  INT32(DataType.DT_INT32, "int32", "int32", 4),
  INT64(DataType.DT_INT64, "int64", "int64", 8),
  UINT8(DataType.DT_UINT8, "uint8", "uint8", 1),
  BOOL(DataType.DT_BOOL, "bool", "bool", 1),
  /** A variable's handle: what the tape watches when a variable is a source. */
  RESOURCE(DataType.DT_RESOURCE, "resource", "resource", 0);

  private final DataType proto;
  private final String typeName;
  private final String cppName;
  private final int size;

  DType(DataType proto, String typeName, String cppName, int size) {
    this.proto = proto;
    this.typeName = typeName;
    this.cppName = cppName;
    this.size = size;
  }

  /** TensorFlow's {@code dtype.name}: {@code "float32"}. */
  public String typeName() {
    return typeName;
  }

  /** The C++ spelling TensorFlow's kernel messages use: {@code "float"} for float32. */
  public String cppName() {
    return cppName;
  }

  /** Bytes per element. */
  public int size() {
    return size;
  }

  public DataType proto() {
    return proto;
  }

  public boolean is_floating() {
    return this == FLOAT32 || this == FLOAT64;
  }

  public boolean is_integer() {
    return this == INT32 || this == INT64 || this == UINT8;
  }

  public boolean is_bool() {
    return this == BOOL;
  }

  /** TensorFlow's {@code IsTrainable}: only these dtypes carry gradients on a tape. */
  public boolean isTrainable() {
    return is_floating() || this == RESOURCE;
  }

  /** The DType for a proto enum value, or null where TFJ has no such dtype. */
  public static DType fromProto(DataType proto) {
    for (DType d : values()) {
      if (d.proto == proto) {
        return d;
      }
    }
    return null;
  }

  /** The name of a proto enum value as TensorFlow's messages print it ({@code "float"}, {@code "qint8"}). */
  static String cppName(DataType proto) {
    DType d = fromProto(proto);
    if (d != null) {
      return d.cppName;
    }
    return proto.name().substring(3).toLowerCase(Locale.ROOT); // not "ınt8" in a Turkish locale
  }

  @Override
  public String toString() {
    return "tf." + typeName;
  }
}
