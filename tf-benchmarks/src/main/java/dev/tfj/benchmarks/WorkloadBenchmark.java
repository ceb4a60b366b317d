package dev.tfj.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Every workload on each side as a JMH benchmark: {@code -p workload=MATMUL_512,EXP_1E6} and
 * {@code -p side=TFJ} pick a subset (both default to all constants). The forked JVM inherits the
 * launching JVM's options, {@code --add-modules jdk.incubator.vector} included.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class WorkloadBenchmark {
  @Param
  public Workload workload;

  @Param
  public Side side;

  private Run<?> run;

  @Setup
  public void start() {
    run = workload.sides().run(side);
  }

  @Benchmark
  public Object step() {
    return run.step();
  }

  @TearDown
  public void stop() {
    run.close();
  }
}
