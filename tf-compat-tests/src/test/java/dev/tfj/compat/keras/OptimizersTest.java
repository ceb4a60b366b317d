package dev.tfj.compat.keras;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tfj.Tensor;
import dev.tfj.Variable;
import dev.tfj.compat.oracle.Oracle;
import dev.tfj.errors.ValueError;
import dev.tfj.keras.optimizers.Optimizer;
import dev.tfj.tf;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.tensorflow.EagerSession;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.family.TType;

/**
 * Each optimizer's steps against Keras 3's update rule, written out below in float64 from
 * Keras's source (optimizers/*.py), on the same gradient sequence; Adam and RMSprop (with
 * momentum) also against TensorFlow's own ResourceApplyAdam / ResourceApplyRMSProp kernels, whose
 * formulas are Keras's. TFJ computes in float32, so values agree to float32 rounding.
 */
class OptimizersTest {
  private static final double[] W0 = {0.5, -1.5, 2.0};
  private static final double[][] GRADS = {{0.1, -0.2, 0.3}, {0.4, 0.1, -0.5}, {-0.3, 0.2, 0.05}, {0.2, -0.4, 0.1},
      {0.0, 0.3, -0.2}};
  private static final double RTOL = 2e-5;

  /** A float64 reference: one update of w (and its state) with gradient g at 1-based step t. */
  private interface Rule {
    void step(double[] w, double[] g, int t);
  }

  private static Variable variable(double[] w) {
    return tf.Variable(tf.constant(w, tf.float32));
  }

  private static void assertClose(double[] expected, Tensor actual, String what) {
    float[] got = (float[]) actual.numpy();
    for (int i = 0; i < expected.length; i++) {
      double tol = RTOL * Math.max(1, Math.abs(expected[i]));
      assertEquals(expected[i], got[i], tol, what + " [" + i + "]");
    }
  }

  /** Runs the optimizer and the rule side by side over GRADS. */
  private static void check(Supplier<Optimizer> make, Rule rule, String what) {
    Optimizer opt = make.get();
    Variable v = variable(W0);
    double[] w = W0.clone();
    for (int t = 1; t <= GRADS.length; t++) {
      opt.apply_gradients(List.of(List.of(tf.constant(GRADS[t - 1], tf.float32), v)));
      rule.step(w, GRADS[t - 1], t);
      assertClose(w, v, what + " step " + t);
    }
    assertEquals(GRADS.length, opt.iterations().longValue());
  }

  @Test
  void sgd() {
    check(() -> tf.keras.optimizers.SGD(0.1), (w, g, t) -> {
      for (int i = 0; i < w.length; i++) {
        w[i] -= 0.1 * g[i];
      }
    }, "SGD");
    double[] m = new double[3];
    check(() -> tf.keras.optimizers.SGD(0.1, 0.9), (w, g, t) -> {
      for (int i = 0; i < w.length; i++) {
        m[i] = m[i] * 0.9 - g[i] * 0.1;
        w[i] += m[i];
      }
    }, "SGD momentum");
    double[] mn = new double[3];
    check(() -> tf.keras.optimizers.SGD(0.1, 0.9, true), (w, g, t) -> {
      for (int i = 0; i < w.length; i++) {
        mn[i] = mn[i] * 0.9 - g[i] * 0.1;
        w[i] += mn[i] * 0.9 - g[i] * 0.1;
      }
    }, "SGD nesterov");
  }

  /** Keras 3's Adam (and AdamW after its decay), amsgrad optional. */
  private static Rule adam(double lr, double b1, double b2, double eps, boolean amsgrad, double weightDecay) {
    double[] m = new double[3];
    double[] v = new double[3];
    double[] vhat = new double[3];
    return (w, g, t) -> {
      double alpha = lr * Math.sqrt(1 - Math.pow(b2, t)) / (1 - Math.pow(b1, t));
      for (int i = 0; i < w.length; i++) {
        w[i] -= w[i] * weightDecay * lr;
        m[i] += (g[i] - m[i]) * (1 - b1);
        v[i] += (g[i] * g[i] - v[i]) * (1 - b2);
        vhat[i] = Math.max(vhat[i], v[i]);
        w[i] -= m[i] * alpha / (Math.sqrt(amsgrad ? vhat[i] : v[i]) + eps);
      }
    };
  }

  @Test
  void adamAdamWAndAmsgrad() {
    check(() -> tf.keras.optimizers.Adam(0.01), adam(0.01, 0.9, 0.999, 1e-7, false, 0), "Adam");
    check(() -> tf.keras.optimizers.Adam(0.01).beta_1(0.8).beta_2(0.99).epsilon(1e-3),
        adam(0.01, 0.8, 0.99, 1e-3, false, 0), "Adam(beta_1=0.8, beta_2=0.99, epsilon=1e-3)");
    check(() -> tf.keras.optimizers.Adam(0.01).amsgrad(true), adam(0.01, 0.9, 0.999, 1e-7, true, 0), "Adam amsgrad");
    check(() -> tf.keras.optimizers.AdamW(0.01), adam(0.01, 0.9, 0.999, 1e-7, false, 0.004), "AdamW");
    check(() -> tf.keras.optimizers.AdamW(0.01, 0.1), adam(0.01, 0.9, 0.999, 1e-7, false, 0.1), "AdamW(wd=0.1)");
  }

  @Test
  void rmspropAndAdagrad() {
    double[] v = new double[3];
    check(() -> tf.keras.optimizers.RMSprop(0.01), (w, g, t) -> {
      for (int i = 0; i < w.length; i++) {
        v[i] = 0.9 * v[i] + 0.1 * g[i] * g[i];
        w[i] -= 0.01 * g[i] / Math.sqrt(v[i] + 1e-7);
      }
    }, "RMSprop");
    double[] v2 = new double[3];
    double[] mom = new double[3];
    double[] avg = new double[3];
    check(() -> tf.keras.optimizers.RMSprop(0.01).momentum(0.5).centered(true), (w, g, t) -> {
      for (int i = 0; i < w.length; i++) {
        v2[i] = 0.9 * v2[i] + 0.1 * g[i] * g[i];
        avg[i] = 0.9 * avg[i] + 0.1 * g[i];
        mom[i] = 0.5 * mom[i] + 0.01 * g[i] / Math.sqrt(v2[i] - avg[i] * avg[i] + 1e-7);
        w[i] -= mom[i];
      }
    }, "RMSprop centered momentum");
    double[] acc = {0.1, 0.1, 0.1};
    check(() -> tf.keras.optimizers.Adagrad(0.1), (w, g, t) -> {
      for (int i = 0; i < w.length; i++) {
        acc[i] += g[i] * g[i];
        w[i] -= 0.1 * g[i] / Math.sqrt(acc[i] + 1e-7);
      }
    }, "Adagrad");
  }

  @Test
  void clipnormClipsEachGradientGlobalClipnormAllTogether() {
    check(() -> tf.keras.optimizers.SGD(1.0).clipnorm(0.3), (w, g, t) -> {
      double norm = Math.sqrt(g[0] * g[0] + g[1] * g[1] + g[2] * g[2]);
      for (int i = 0; i < w.length; i++) {
        w[i] -= g[i] * 0.3 / Math.max(norm, 0.3);
      }
    }, "SGD clipnorm=0.3");
    Optimizer opt = tf.keras.optimizers.SGD(1.0).global_clipnorm(0.5);
    Variable a = variable(new double[] {1, 1});
    Variable b = variable(new double[] {1});
    opt.apply_gradients(List.of(List.of(tf.constant(new double[] {0.3, 0.4}, tf.float32), a),
        List.of(tf.constant(new double[] {1.2}, tf.float32), b)));
    double scale = 0.5 / 1.3;
    assertClose(new double[] {1 - 0.3 * scale, 1 - 0.4 * scale}, a, "global_clipnorm a");
    assertClose(new double[] {1 - 1.2 * scale}, b, "global_clipnorm b");
    check(() -> tf.keras.optimizers.SGD(1.0).clipvalue(0.25), (w, g, t) -> {
      for (int i = 0; i < w.length; i++) {
        w[i] -= Math.max(-0.25, Math.min(0.25, g[i]));
      }
    }, "SGD clipvalue=0.25");
  }

  @Test
  void schedulesAreKerasFormulasOfTheIterations() {
    var exp = tf.keras.optimizers.schedules.ExponentialDecay(0.1, 10, 0.5);
    var stair = tf.keras.optimizers.schedules.ExponentialDecay(0.1, 10, 0.5, true);
    var cos = tf.keras.optimizers.schedules.CosineDecay(0.1, 20, 0.1);
    for (long step : new long[] {0, 1, 7, 10, 15, 20, 35}) {
      assertEquals(0.1 * Math.pow(0.5, step / 10.0), exp.apply(tf.constant(step)).doubleValue(), 1e-7, "exp " + step);
      assertEquals(0.1 * Math.pow(0.5, Math.floor(step / 10.0)), stair.apply(tf.constant(step)).doubleValue(), 1e-7,
          "staircase " + step);
      double frac = Math.min(step, 20) / 20.0;
      double decayed = 0.9 * 0.5 * (1 + Math.cos(Math.PI * frac)) + 0.1;
      assertEquals(0.1 * decayed, cos.apply(tf.constant(step)).doubleValue(), 1e-7, "cosine " + step);
    }
    double[] lr = {0};
    Rule sgdWithSchedule = (w, g, t) -> {
      lr[0] = 0.1 * Math.pow(0.5, (t - 1) / 2.0);
      for (int i = 0; i < w.length; i++) {
        w[i] -= lr[0] * g[i];
      }
    };
    check(() -> tf.keras.optimizers.SGD(tf.keras.optimizers.schedules.ExponentialDecay(0.1, 2, 0.5)),
        sgdWithSchedule, "SGD on ExponentialDecay (the rate at the step's iterations)");
  }

  @Test
  void slotVariablesAreNamedAndOrderedAsKerasMakesThem() {
    Variable kernel = tf.Variable(tf.zeros(2, 2), "dense/kernel");
    Variable bias = tf.Variable(tf.zeros(2), "dense/bias");
    Optimizer adam = tf.keras.optimizers.Adam();
    adam.apply_gradients(List.of(List.of(tf.ones(2, 2), kernel), List.of(tf.ones(2), bias)));
    List<String> names = new ArrayList<>();
    adam.variables().forEach(v -> names.add(v.name()));
    assertEquals(List.of("adam/iteration:0", "adam/learning_rate:0", "adam/dense_kernel_0_momentum:0",
        "adam/dense_bias_0_momentum:0", "adam/dense_kernel_0_velocity:0", "adam/dense_bias_0_velocity:0"), names);
    assertEquals(List.of("momentum", "velocity"), adam.get_slot_names());
    assertClose(new double[] {0.1, 0.1}, adam.get_slot(bias, "momentum"), "bias momentum after one step");
  }

  @Test
  void minimizeRecordsTheLossAndSteps() {
    Variable x = tf.Variable(3.0);
    Optimizer sgd = tf.keras.optimizers.SGD(0.1);
    for (int i = 0; i < 50; i++) {
      sgd.minimize(() -> tf.square(x.sub(1.0)), List.of(x));
    }
    assertEquals(1.0, x.doubleValue(), 1e-4);
    assertEquals(50, sgd.iterations().longValue());
  }

  @Test
  void badInputIsKerasErrors() {
    ValueError e = assertThrows(ValueError.class, () -> tf.keras.optimizers.SGD(0.1).clipnorm(1).global_clipnorm(1));
    assertEquals("Only one of `clipnorm`, `clipvalue` and `global_clipnorm` can be set. Received: clipnorm=1.0,"
        + " clipvalue=None, global_clipnorm=1.0", e.getMessage());
    Variable a = tf.Variable(1.0);
    Optimizer sgd = tf.keras.optimizers.SGD();
    List<Tensor> none = new ArrayList<>();
    none.add(null);
    e = assertThrows(ValueError.class, () -> sgd.apply(none, List.of(a)));
    assertEquals("No gradients provided for any variable.", e.getMessage());
    Variable b = tf.Variable(2.0);
    sgd.apply(List.of(tf.constant(1.0)), List.of(a));
    e = assertThrows(ValueError.class, () -> sgd.apply(List.of(tf.constant(1.0)), List.of(b)));
    assertEquals("Unknown variable: " + b + ". This optimizer can only be called for the variables it was originally"
        + " built with. When working with a new set of variables, you should recreate a new optimizer instance.",
        e.getMessage());
    assertEquals(2.0, b.doubleValue());
    e = assertThrows(ValueError.class, () -> tf.keras.optimizers.SGD(0.1, 1.5));
    assertEquals("`momentum` must be a float between [0, 1].", e.getMessage());
  }

  // ---- TensorFlow's own kernels ----

  private static double[] tensorFlowSteps(java.util.function.BiConsumer<Ops, List<Operand<? extends TType>>> step,
      int slots) {
    try (EagerSession session = EagerSession.create()) {
      Ops tfe = Ops.create(session);
      List<Operand<? extends TType>> handles = new ArrayList<>();
      for (int i = 0; i <= slots; i++) {
        // A shared_name of its own each: eager TensorFlow Java would alias unnamed handles.
        var h = tfe.varHandleOp(TFloat32.class, Shape.of(3),
            org.tensorflow.op.core.VarHandleOp.sharedName("optimizers_test_" + System.nanoTime() + "_" + i));
        tfe.assignVariableOp(h, i == 0 ? tfe.constant(new float[] {0.5f, -1.5f, 2.0f}) : tfe.zeros(tfe.constant(new int[] {3}), TFloat32.class));
        handles.add(h);
      }
      for (int t = 1; t <= GRADS.length; t++) {
        List<Operand<? extends TType>> withGrad = new ArrayList<>(handles);
        float[] g = new float[3];
        for (int i = 0; i < 3; i++) {
          g[i] = (float) GRADS[t - 1][i];
        }
        withGrad.add(tfe.constant(g));
        withGrad.add(tfe.constant((float) t));
        step.accept(tfe, withGrad);
      }
      return Oracle.read(tfe.readVariableOp(handles.get(0), TFloat32.class)).data();
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  @Test
  void adamAndRmspropAgreeWithTensorFlowsKernels() {
    double[] adamTf = tensorFlowSteps((tfe, h) -> {
      Operand<TFloat32> t = (Operand) h.get(4);
      var b1p = tfe.math.pow(tfe.constant(0.9f), t);
      var b2p = tfe.math.pow(tfe.constant(0.999f), t);
      tfe.train.resourceApplyAdam(h.get(0), h.get(1), h.get(2), b1p, b2p, tfe.constant(0.01f), tfe.constant(0.9f),
          tfe.constant(0.999f), tfe.constant(1e-7f), (Operand) h.get(3));
    }, 2);
    Variable v = variable(W0);
    Optimizer adam = tf.keras.optimizers.Adam(0.01);
    for (double[] g : GRADS) {
      adam.apply_gradients(List.of(List.of(tf.constant(g, tf.float32), v)));
    }
    assertArrayEquals(adamTf, Oracle.of(v).data(), 1e-6, "Adam against ResourceApplyAdam");
    double[] rmsTf = tensorFlowSteps((tfe, h) -> tfe.train.resourceApplyRmsProp(h.get(0), h.get(1), h.get(2),
        tfe.constant(0.01f), tfe.constant(0.9f), tfe.constant(0.5f), tfe.constant(1e-7f), (Operand) h.get(3)), 2);
    Variable r = variable(W0);
    Optimizer rms = tf.keras.optimizers.RMSprop(0.01).momentum(0.5);
    for (double[] g : GRADS) {
      rms.apply_gradients(List.of(List.of(tf.constant(g, tf.float32), r)));
    }
    assertArrayEquals(rmsTf, Oracle.of(r).data(), 1e-6, "RMSprop(momentum=0.5) against ResourceApplyRMSProp");
  }
}
