package io.github.nebuly4j.bench.jmh;

import java.util.Collection;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The smoke tests' JMH run: every benchmark of a class, in this JVM, 100 ms of warm-up and of
 * measurement. It ignores JMH's machine-wide lock, which keeps two measurements from disturbing each
 * other: the smoke run measures nothing, and a build must not fail because a benchmark runs
 * elsewhere on the machine.
 */
final class SmokeRun {
  private SmokeRun() {}

  /** Runs every benchmark of {@code benchmarks} with the one parameter given. */
  static Collection<RunResult> of(Class<?> benchmarks, String param, String value) throws RunnerException {
    System.setProperty("jmh.ignoreLock", "true");
    Options options =
        new OptionsBuilder()
            .include(benchmarks.getName() + "\\.")
            .param(param, value)
            .forks(0)
            .warmupIterations(1)
            .warmupTime(TimeValue.milliseconds(100))
            .measurementIterations(1)
            .measurementTime(TimeValue.milliseconds(100))
            .timeUnit(TimeUnit.MICROSECONDS)
            .build();
    return new Runner(options).run();
  }
}
