package dev.tfj.ops;

import com.google.protobuf.TextFormat;
import dev.tfj.ops.proto.OpDef;
import dev.tfj.ops.proto.OpList;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The OpDefs TFJ knows, loaded once from {@code ops.pbtxt}: TensorFlow's own definitions (names,
 * arguments, attrs and allowed types as TensorFlow's registry has them, descriptions dropped).
 */
public final class OpDefs {
  private static final Map<String, OpDef> BY_NAME = load();

  private OpDefs() {}

  public static OpDef get(String name) {
    OpDef def = BY_NAME.get(name);
    if (def == null) {
      throw new IllegalStateException("ops.pbtxt has no OpDef for " + name);
    }
    return def;
  }

  public static Map<String, OpDef> all() {
    return Collections.unmodifiableMap(BY_NAME);
  }

  private static Map<String, OpDef> load() {
    try (InputStream in = OpDefs.class.getResourceAsStream("ops.pbtxt")) {
      OpList.Builder list = OpList.newBuilder();
      TextFormat.getParser().merge(new InputStreamReader(in, StandardCharsets.UTF_8), list);
      Map<String, OpDef> byName = new LinkedHashMap<>();
      for (OpDef def : list.getOpList()) {
        byName.put(def.getName(), def);
      }
      return byName;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
