package dev.tfj;

import static dev.tfj.Ops.RUN;

import dev.tfj.eager.EagerContext;
import dev.tfj.eager.EagerVariable;
import dev.tfj.eager.TensorHandle;
import dev.tfj.errors.TypeError;
import dev.tfj.errors.ValueError;
import dev.tfj.ops.Operand;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * What a function given to {@link tf#custom_gradient} returns: Python's {@code (y, grad_fn)} pair.
 * <pre>{@code
 * Function<Tensor, Tensor> log1pexp = tf.custom_gradient(x -> {
 *   Tensor e = tf.exp(x);
 *   return CustomGradient.of(tf.log(tf.add(1, e)),
 *       upstream -> tf.multiply(upstream, tf.subtract(1, tf.divide(1, tf.add(1, e)))));
 * });
 * }</pre>
 * {@code grad_fn} returns the gradient of each argument: a Tensor for one argument, a List
 * (nulls allowed) for several. A function that reads variables which are not among its
 * arguments needs the second form, Python's {@code grad_fn(upstream, variables=...)}, returning
 * {@link Grads}: TensorFlow raises its TypeError otherwise.
 *
 * <p>As in TensorFlow's eager mode, calling the decorated function runs {@code f}, passes its
 * result through an Identity, and records one op on the active tapes whose inputs are the
 * arguments (and those variables) and whose gradient is {@code grad_fn}; backprop from the
 * result reaches the arguments only through it. Ops {@code grad_fn} runs are recorded by outer
 * tapes like any others, so nested tapes differentiate it again.
 */
public final class CustomGradient {
  private final Tensor y;
  private final Function<Tensor, ?> grad;
  private final BiFunction<Tensor, List<Variable>, Grads> gradWithVariables;

  /** Python's {@code (input_grads, variable_grads)}: one gradient per variable, in the order given. */
  public record Grads(Object inputs, List<? extends Tensor> variables) {
    public Grads {
      variables = variables == null ? List.of() : variables;
    }
  }

  private CustomGradient(Tensor y, Function<Tensor, ?> grad,
      BiFunction<Tensor, List<Variable>, Grads> gradWithVariables) {
    this.y = y;
    this.grad = grad;
    this.gradWithVariables = gradWithVariables;
  }

  /** {@code return y, grad_fn}, with {@code grad_fn(upstream)}. */
  public static CustomGradient of(Tensor y, Function<Tensor, ?> grad_fn) {
    return new CustomGradient(y, grad_fn, null);
  }

  /** {@code return y, grad_fn}, with {@code grad_fn(upstream, variables=...)}. */
  public static CustomGradient of(Tensor y, BiFunction<Tensor, List<Variable>, Grads> grad_fn) {
    return new CustomGradient(y, null, grad_fn);
  }

  /** Calls {@code f} on {@code args} as TensorFlow's eager {@code custom_gradient} decorator does. */
  static Tensor call(List<Tensor> args, Supplier<CustomGradient> f) {
    EagerContext ctx = EagerContext.get();
    Set<EagerVariable> read = ctx.watchVariables();
    CustomGradient result;
    try {
      result = f.get();
    } finally {
      ctx.stopWatchingVariables(read);
    }
    List<Variable> variables = new ArrayList<>();
    for (EagerVariable v : read) {
      if (args.stream().noneMatch(a -> a instanceof Variable av && av.variable == v)) {
        variables.add((Variable) v.owner);
      }
    }
    if (!variables.isEmpty() && result.gradWithVariables == null) {
      throw new TypeError("@tf.custom_gradient grad_fn must accept keyword argument 'variables',"
          + " since function uses variables: " + variables.stream().map(Variable::toString)
          .collect(Collectors.joining(", ", "[", "]")));
    }
    TensorHandle out = (TensorHandle) RUN.identity(result.y.handle());
    List<Tensor> inputs = new ArrayList<>(args);
    inputs.addAll(variables);
    TensorHandle[] handles = inputs.stream().map(Tensor::handle).toArray(TensorHandle[]::new);
    ctx.recordCustom(handles, new TensorHandle[] {out},
        (o, c) -> result.backward(Tensor.wrap(c.dy()), args.size(), variables));
    return Tensor.wrap(out);
  }

  /** The user's gradient, checked as TensorFlow checks it: one per argument, then one per variable. */
  private Operand[] backward(Tensor upstream, int argCount, List<Variable> variables) {
    Object inputGrads;
    List<? extends Tensor> variableGrads = List.of();
    if (grad != null) {
      inputGrads = grad.apply(upstream);
    } else {
      Grads g = gradWithVariables.apply(upstream, variables);
      if (!variables.isEmpty() && g.variables().size() != variables.size()) {
        throw new ValueError("Must return gradient for each variable from @custom_gradient grad_fn.");
      }
      inputGrads = g.inputs();
      variableGrads = variables.isEmpty() ? List.of() : g.variables();
    }
    List<?> flat = inputGrads instanceof List<?> list ? list : Arrays.asList(inputGrads);
    if (flat.size() != argCount) {
      throw new ValueError("custom_gradient function expected to return " + argCount
          + " gradients, but returned " + flat.size() + " instead.");
    }
    Operand[] grads = new Operand[argCount + variables.size()];
    for (int i = 0; i < argCount; i++) {
      grads[i] = flat.get(i) == null ? null : Convert.toHandle(flat.get(i), null);
    }
    for (int i = 0; i < variables.size(); i++) {
      grads[argCount + i] = variableGrads.get(i) == null ? null : variableGrads.get(i).handle();
    }
    return grads;
  }

  /** {@code tf.recompute_grad}: see {@link tf#recompute_grad}. */
  static Function<Tensor, Tensor> recomputing(Function<Tensor, Tensor> f) {
    return tf.custom_gradient(x -> of(EagerContext.get().withoutTapes(() -> f.apply(x)),
        (upstream, variables) -> {
          GradientTape t = tf.GradientTape();
          Tensor input;
          Tensor result;
          try (t) {
            input = tf.identity(x);
            t.watch(input);
            t.watch(variables);
            result = f.apply(input);
          }
          List<Tensor> sources = new ArrayList<>();
          sources.add(input);
          sources.addAll(variables);
          List<Tensor> grads = t.gradient(result, sources, upstream, tf.UnconnectedGradients.ZERO);
          return new Grads(grads.get(0), grads.subList(1, grads.size()));
        }));
  }
}
