package dev.tfj.keras;

/** Keras's shape tuples as Python prints them: {@code (None, 256)}, {@code (3,)}, {@code ()}; -1 is None. */
public final class ShapeText {
  private ShapeText() {}

  public static String str(long[] shape) {
    StringBuilder b = new StringBuilder("(");
    for (int i = 0; i < shape.length; i++) {
      b.append(i > 0 ? ", " : "").append(shape[i] < 0 ? "None" : Long.toString(shape[i]));
    }
    return b.append(shape.length == 1 ? ",)" : ")").toString();
  }
}
