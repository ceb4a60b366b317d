package dev.tfj.compat.elementwise;

import static dev.tfj.compat.elementwise.TensorFlowJava.node;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.tfj.Tensor;
import dev.tfj.compat.ComparedWithTensorFlow;
import dev.tfj.compat.gradcheck.GradientChecker;
import dev.tfj.ops.DType;
import dev.tfj.tf;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BinaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Broadcasting binary ops against TensorFlow: every pair of edge values of every dtype (x as a
 * column, y as a row), other broadcast shapes including empty ones, TensorFlow's errors for
 * integer division by zero, incompatible shapes and mixed dtypes; and gradients, with ties.
 */
@ComparedWithTensorFlow({"FloorDiv", "FloorMod", "Maximum", "Minimum", "SquaredDifference",
    "LogicalAnd", "LogicalOr", "AddV2", "Sub", "Mul", "Pow"})
class BinaryOpsTest {
  record Case(String op, BinaryOperator<Tensor> tfj, Tolerance tolerance) {
    @Override
    public String toString() {
      return op;
    }
  }

  static final List<Case> CASES = List.of(
      new Case("FloorDiv", tf.math::floordiv, Tolerance.EXACT),
      new Case("FloorMod", tf.math::floormod, Tolerance.EXACT),
      new Case("Maximum", tf::maximum, Tolerance.EXACT.anyZeroSign()),
      new Case("Minimum", tf::minimum, Tolerance.EXACT.anyZeroSign()),
      new Case("SquaredDifference", tf.math::squared_difference, Tolerance.EXACT),
      new Case("LogicalAnd", tf::logical_and, Tolerance.EXACT),
      new Case("LogicalOr", tf::logical_or, Tolerance.EXACT),
      // The arithmetic of the foundation, for its dtypes: int32 and int64 wrap, uint8 wraps mod 256.
      new Case("AddV2", tf::add, Tolerance.EXACT),
      new Case("Sub", tf::subtract, Tolerance.EXACT),
      new Case("Mul", tf::multiply, Tolerance.EXACT),
      // Eigen's vectorized pow drifts with the exponent (8 ulps at 0.3^100), Java's is within 1.
      new Case("Pow", tf::pow, Tolerance.ulps(16)));

  /** Shapes that broadcast: equal, a trailing vector, a scalar, size-1 axes both ways, empty. */
  static final long[][][] BROADCASTS = {
      {{2, 3}, {2, 3}}, {{2, 3}, {3}}, {{}, {2, 3}}, {{2, 1, 3}, {4, 1}}, {{0}, {1}}, {{2, 0}, {2, 1}},
      {{}, {}}};

  @TestFactory
  Stream<DynamicTest> everyPairOfEdgeValues() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Case c : CASES) {
      for (DType dtype : Samples.ALL_DTYPES) {
        tests.add(dynamicTest(c + " " + dtype.typeName(), () -> {
          Flat[] xy = Samples.allPairs(dtype);
          check(c, xy[0], xy[1]);
          check(c, xy[1], xy[0]);
        }));
      }
    }
    return tests.stream();
  }

  /** Integers to non-negative powers (a negative one is an error, which every pair above has). */
  @TestFactory
  Stream<DynamicTest> integerPowers() {
    Case pow = CASES.stream().filter(k -> k.op.equals("Pow")).findFirst().orElseThrow();
    return Stream.of(DType.INT32, DType.INT64).map(dtype -> dynamicTest(dtype.typeName(), () -> {
      Flat all = Samples.edges(dtype);
      Flat x = all.take(new long[] {all.size(), 1}, all.size());
      check(pow, x, Flat.of(dtype, new long[] {1, 6}, 0, 1, 2, 3, 31, 63));
    }));
  }

  /** Integer floor division and modulo away from 0 (an error) and -1 (INT_MIN / -1 traps in C). */
  @TestFactory
  Stream<DynamicTest> integerDivisionByNonzero() {
    List<DynamicTest> tests = new ArrayList<>();
    for (String op : List.of("FloorDiv", "FloorMod")) {
      Case c = CASES.stream().filter(k -> k.op.equals(op)).findFirst().orElseThrow();
      for (DType dtype : new DType[] {DType.INT32, DType.INT64, DType.UINT8}) {
        tests.add(dynamicTest(op + " " + dtype.typeName(), () -> {
          Flat all = Samples.edges(dtype);
          long[] divisors = Arrays.stream(all.ints()).filter(v -> v != 0 && v != -1).toArray();
          Flat x = all.take(new long[] {all.size(), 1}, all.size());
          Flat y = Flat.of(dtype, new long[] {1, divisors.length}, divisors);
          check(c, x, y);
        }));
      }
    }
    return tests.stream();
  }

  @TestFactory
  Stream<DynamicTest> broadcastShapes() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Case c : CASES) {
      DType dtype = c.op.startsWith("Logical") ? DType.BOOL : DType.FLOAT32;
      tests.add(dynamicTest(c.op, () -> {
        for (long[][] shapes : BROADCASTS) {
          check(c, sample(dtype, shapes[0], 0), sample(dtype, shapes[1], 3));
          check(c, sample(dtype, shapes[1], 3), sample(dtype, shapes[0], 0));
        }
      }));
    }
    return tests.stream();
  }

  @TestFactory
  Stream<DynamicTest> incompatibleShapesAndMixedDtypes() {
    return CASES.stream().map(c -> dynamicTest(c.op, () -> {
      DType dtype = c.op.startsWith("Logical") ? DType.BOOL : DType.FLOAT32;
      check(c, sample(dtype, new long[] {2, 3}, 0), sample(dtype, new long[] {4}, 0));
      check(c, sample(dtype, new long[] {2, 1}, 0), sample(dtype, new long[] {3, 4}, 0));
      DType other = c.op.startsWith("Logical") ? DType.FLOAT32 : DType.FLOAT64;
      check(c, sample(dtype, new long[] {2}, 0), sample(other, new long[] {2}, 0));
      check(c, sample(other, new long[] {2}, 0), sample(dtype, new long[] {2}, 0));
    }));
  }

  @Test
  void logicalXorIsTensorFlowsComposite() {
    Flat[] xy = Samples.allPairs(DType.BOOL);
    TensorFlowJava.Outcome expected = TensorFlowJava.eager(tf -> TensorFlowJava.build(tf,
        node("LogicalAnd", node("LogicalOr", TensorFlowJava.constants(tf, xy)),
            node("LogicalNot", node("LogicalAnd", TensorFlowJava.constants(tf, xy))))));
    Expect.sameOutcome(expected, () -> tf.math.logical_xor(xy[0].tfj(), xy[1].tfj()),
        "LogicalAnd", Tolerance.EXACT, "logical_xor");
  }

  /** Maximum, Minimum and SquaredDifference, broadcast, with ties where x == y. */
  @TestFactory
  Stream<DynamicTest> gradientsMatchTensorFlow() {
    List<DynamicTest> tests = new ArrayList<>();
    for (String op : List.of("Maximum", "Minimum", "SquaredDifference")) {
      Case c = CASES.stream().filter(k -> k.op.equals(op)).findFirst().orElseThrow();
      for (DType dtype : Samples.FLOATING) {
        tests.add(dynamicTest(op + " " + dtype.typeName(), () -> {
          for (long[][] shapes : new long[][][] {{{3, 4}, {3, 4}}, {{3, 4}, {4}}, {{3, 1}, {1, 4}}}) {
            Flat x = Samples.smooth(dtype, shapes[0]);
            Flat y = withTies(x, Samples.smooth(dtype, shapes[1]));
            Flat w = Samples.upstream(dtype, broadcast(shapes[0], shapes[1]));
            Flat[] expected = TensorFlowJava.gradients(in -> node(op, in[0], in[1]), w, x, y);
            Tensor[] actual = TapeGradients.of(in -> c.tfj.apply(in.get(0), in.get(1)), w, x, y);
            for (int k = 0; k < 2; k++) {
              Expect.same(expected[k], Flat.of(actual[k]), Tolerance.ulps(2).fromOne(),
                  op + " d/d" + (k == 0 ? "x" : "y") + " " + x + ", " + y);
            }
          }
        }));
      }
    }
    return tests.stream();
  }

  /** TensorFlow Java has no FloorMod gradient: float64 central differences, away from the jumps. */
  @Test
  void floorModGradientMatchesCentralDifferences() {
    GradientChecker.check("floormod", xs -> tf.math.floormod(xs.get(0), xs.get(1)),
        Samples.smooth(DType.FLOAT64, 3, 4).tfj(), Flat.of(DType.FLOAT64, new long[] {4}, 0.7, -1.3, 2.9, -0.45).tfj())
        .assertRan("FloorMod", "FloorDiv");
  }

  @Test
  void floorDivHasNoGradient() {
    Tensor[] g = TapeGradients.of(in -> tf.math.floordiv(in.get(0), in.get(1)),
        Samples.upstream(DType.FLOAT64, 3), Samples.smooth(DType.FLOAT64, 3), Samples.smooth(DType.FLOAT64, 3));
    assertNull(g[0]);
    assertNull(g[1]);
  }

  private static void check(Case c, Flat x, Flat y) {
    Expect.sameOutcome(TensorFlowJava.eager(c.op, new Object[0], x, y),
        () -> c.tfj.apply(x.tfj(), y.tfj()), c.op, c.tolerance, c + "(" + x + ", " + y + ")");
  }

  /** Varied values of a dtype in a shape, starting at edge value {@code from}. */
  private static Flat sample(DType dtype, long[] shape, int from) {
    Flat all = Samples.edges(dtype);
    int n = (int) Arrays.stream(shape).reduce(1, (a, b) -> a * b);
    double[] reals = new double[n];
    long[] ints = new long[n];
    boolean[] bools = new boolean[n];
    for (int i = 0; i < n; i++) {
      int k = (from + i) % all.size();
      reals[i] = all.reals() == null ? 0 : all.reals()[k];
      ints[i] = all.ints() == null ? 0 : all.ints()[k];
      bools[i] = all.bools() != null && all.bools()[k];
    }
    return new Flat(dtype, shape, all.reals() == null ? null : reals, all.ints() == null ? null : ints,
        all.bools() == null ? null : bools);
  }

  /** y with some elements set equal to the x elements they meet under broadcasting. */
  private static Flat withTies(Flat x, Flat y) {
    double[] v = y.reals().clone();
    for (int i = 0; i < v.length; i += 2) {
      v[i] = x.reals()[i];
    }
    return Flat.of(y.dtype(), y.shape(), v);
  }

  private static long[] broadcast(long[] a, long[] b) {
    int rank = Math.max(a.length, b.length);
    long[] out = new long[rank];
    for (int i = 0; i < rank; i++) {
      long da = i < rank - a.length ? 1 : a[i - (rank - a.length)];
      long db = i < rank - b.length ? 1 : b[i - (rank - b.length)];
      out[i] = Math.max(da, db);
    }
    return out;
  }
}
