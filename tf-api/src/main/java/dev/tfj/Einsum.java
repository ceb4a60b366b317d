package dev.tfj;

import static dev.tfj.Ops.RUN;

import dev.tfj.eager.TensorHandle;
import dev.tfj.errors.ValueError;
import dev.tfj.ops.Operand;
import dev.tfj.ops.PythonNone;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code tf.einsum}: TensorFlow's equation checks, then its Einsum op. Every equation the op
 * accepts works, among them matmul {@code "ij,jk->ik"}, batch matmul {@code "bij,bjk->bik"},
 * outer {@code "i,j->ij"}, inner {@code "i,i->"}, transpose {@code "ij->ji"}, sum {@code "ij->"},
 * elementwise {@code "ij,ij->ij"}, trace {@code "ii->"}, diagonal {@code "ii->i"}, broadcasting
 * {@code "...ij,...jk->...ik"} and the implicit form without {@code "->"} (the output is the
 * labels used once, sorted). Three or more operands are contracted pairwise from the left, as
 * TensorFlow's pairwise contractions give the same values up to rounding.
 */
final class Einsum {
  private Einsum() {}

  private static final Pattern WITH_ELLIPSIS = Pattern.compile("^([a-zA-Z0,]*)(->[a-zA-Z0]*)?$");
  private static final Pattern WITHOUT_ELLIPSIS = Pattern.compile("^([a-zA-Z,]*)(->[a-zA-Z]*)?$");
  private static final String ELLIPSIS = "...";

  /**
   * As in TensorFlow, the operands' shapes are read before the equation is parsed; a null
   * operand (or a null varargs array, Java's spelling of one None) and a null equation fail as
   * Python does on None's missing {@code shape} and {@code replace}.
   */
  static Tensor of(String equation, Object... inputs) {
    List<Operand> operands = matching(inputs == null ? new Object[] {null} : inputs);
    if (equation == null) {
      throw PythonNone.attribute("replace");
    }
    String resolved = resolve(equation, operands.size());
    if (operands.size() <= 2) {
      return Tensor.wrap(RUN.einsum(resolved, operands));
    }
    int arrow = resolved.indexOf("->");
    String[] subs = resolved.substring(0, arrow).split(",", -1);
    String output = resolved.substring(arrow + 2);
    Operand result = operands.get(0);
    String resultSubs = subs[0];
    for (int i = 1; i < operands.size(); i++) {
      StringBuilder later = new StringBuilder(output);
      for (int j = i + 1; j < subs.length; j++) {
        later.append(subs[j]);
      }
      String target = i == operands.size() - 1 ? output : kept(resultSubs + subs[i], later.toString());
      result = RUN.einsum(resultSubs + "," + subs[i] + "->" + target, List.of(result, operands.get(i)));
      resultSubs = target;
    }
    return Tensor.wrap(result);
  }

  /** The operands converted as TensorFlow converts an op's list input: the first tensor's dtype wins. */
  private static List<Operand> matching(Object[] inputs) {
    TensorHandle like = null;
    for (Object input : inputs) {
      if (like == null && input instanceof Tensor t) {
        like = t.handle();
      }
    }
    List<Operand> operands = new ArrayList<>();
    for (Object input : inputs) {
      if (input == null) {
        throw PythonNone.attribute("shape");
      }
      TensorHandle h = like == null ? Convert.toHandle(input, null) : Convert.toHandleLike(input, like);
      like = like == null ? h : like;
      operands.add(h);
    }
    return operands;
  }

  /**
   * TensorFlow's _einsum_v2_parse_and_resolve_equation: spaces dropped, only letters, commas
   * and one "->" allowed, the implicit output made explicit, and the output checked.
   */
  private static String resolve(String equation, int inputCount) {
    String resolved = equation.replace(" ", "");
    boolean ellipsis = equation.contains(ELLIPSIS);
    if (ellipsis) {
      if (resolved.contains("0")) {
        throw new ValueError("Invalid character \"0\" in equation: " + equation + ".");
      }
      resolved = resolved.replace(ELLIPSIS, "0");
    }
    Matcher match = (ellipsis ? WITH_ELLIPSIS : WITHOUT_ELLIPSIS).matcher(resolved);
    if (!match.matches()) {
      throw new ValueError("Subscripts have incorrect format: " + resolved);
    }
    String inputLabels = match.group(1);
    int declared = inputLabels.split(",", -1).length;
    if (inputCount != declared) {
      throw new ValueError("Got " + inputCount + " inputs for equation \"" + equation
          + "\", expecting " + declared);
    }
    String output;
    if (match.group(2) != null) {
      output = match.group(2).substring(2);
    } else {
      output = usedOnce(inputLabels);
      resolved += "->" + output;
    }
    if (output.chars().distinct().count() != output.length()) {
      throw new ValueError("Output subscripts contain a label appearing more than once: " + equation);
    }
    for (char label : output.toCharArray()) {
      if (label != '0' && inputLabels.indexOf(label) < 0) {
        throw new ValueError("Output subscripts contain the label " + label
            + " not present in the input subscripts.");
      }
    }
    return resolved.replace("0", ELLIPSIS);
  }

  /** The labels appearing exactly once, sorted: the implicit output. */
  private static String usedOnce(String labels) {
    StringBuilder out = new StringBuilder();
    labels.chars().filter(c -> c != ',').distinct().sorted()
        .filter(c -> labels.indexOf(c) == labels.lastIndexOf(c))
        .forEach(c -> out.append((char) c));
    return out.toString();
  }

  /** The labels of {@code subs} (each once, ellipsis included) that {@code later} still needs. */
  private static String kept(String subs, String later) {
    StringBuilder out = new StringBuilder();
    if (subs.contains(ELLIPSIS) && later.contains(ELLIPSIS)) {
      out.append(ELLIPSIS);
    }
    for (char c : subs.replace(ELLIPSIS, "").toCharArray()) {
      if (later.indexOf(c) >= 0 && out.indexOf(String.valueOf(c)) < 0) {
        out.append(c);
      }
    }
    return out.toString();
  }
}
