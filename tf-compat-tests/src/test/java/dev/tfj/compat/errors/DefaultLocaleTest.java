package dev.tfj.compat.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tfj.Tensor;
import dev.tfj.errors.InvalidArgumentError;
import dev.tfj.tf;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * TensorFlow's messages and reprs are the same whatever the JVM's default locale: Turkish
 * lower-cases {@code I} to a dotless {@code ı} ({@code "INT32"} would become {@code "ınt32"}),
 * German writes {@code 0,5}, Egyptian Arabic writes its own digits.
 */
class DefaultLocaleTest {
  @Test
  void messagesAndPrintingIgnoreTheDefaultLocale() {
    Tensor flags = tf.constant(new boolean[] {true, false});
    Tensor x = tf.constant(new float[] {0.5f, -1.25e-8f, 1234567f});
    Locale original = Locale.getDefault();
    try {
      for (String tag : new String[] {"tr-TR", "de-DE", "ar-EG"}) {
        Locale.setDefault(Locale.forLanguageTag(tag));
        StateGuard.assertRaises(InvalidArgumentError.class, "Value for attr 'T' of bool is not in the list of"
            + " allowed values: bfloat16, half, float, double, int8, int16, int32, int64\n"
            + "\t; NodeDef: {{node Abs}}; Op<name=Abs; signature=x:T -> y:T; attr=T:type,allowed=[DT_BFLOAT16,"
            + " DT_HALF, DT_FLOAT, DT_DOUBLE, DT_INT8, DT_INT16, DT_INT32, DT_INT64]>"
            + " [Op:Abs]", () -> tf.abs(flags));
        assertEquals("<tf.Tensor: shape=(3,), dtype=float32, numpy=array([ 5.000000e-01, -1.250000e-08,"
            + "  1.234567e+06], dtype=float32)>", x.toString(), tag);
      }
    } finally {
      Locale.setDefault(original);
    }
  }
}
