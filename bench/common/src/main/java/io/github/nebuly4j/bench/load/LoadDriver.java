package io.github.nebuly4j.bench.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Runs a plan of {@link LoadOptions}: each client in turn, created once and sized for the largest
 * concurrency (as wrk's {@code -c} connections), through every workload and concurrency, appending
 * each measurement to the output file as one JSON line. Every load runner (Vert.x, Quarkus) is
 * this loop with its own clients.
 */
public final class LoadDriver {
  private LoadDriver() {}

  /**
   * Runs the plan.
   *
   * @param options the plan
   * @param clients client name to a factory taking the pool size (the largest concurrency)
   * @return every measurement, also appended to {@link LoadOptions#out()}
   * @throws InterruptedException if interrupted
   * @throws UncheckedIOException if the output cannot be written
   */
  public static List<Measurement> run(LoadOptions options, Map<String, Function<Integer, LoadClient>> clients)
      throws InterruptedException {
    List<Measurement> all = new ArrayList<>();
    for (String name : options.clients()) {
      Function<Integer, LoadClient> factory = clients.get(name);
      if (factory == null) {
        throw new IllegalArgumentException("no client named '" + name + "'; known: " + clients.keySet());
      }
      try (LoadClient client = factory.apply(options.maxConcurrency())) {
        for (Workload workload : options.workloads()) {
          for (int concurrency : options.concurrencies()) {
            List<Measurement> measured =
                ClosedLoop.run(
                    client, name, workload, concurrency, options.warmup(), options.measure(), options.reps());
            append(options.out(), measured);
            all.addAll(measured);
          }
        }
      }
    }
    return all;
  }

  private static void append(Path out, List<Measurement> measurements) {
    StringBuilder lines = new StringBuilder();
    for (Measurement measurement : measurements) {
      lines.append(measurement.toJson()).append('\n');
    }
    try {
      Path parent = out.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(
          out, lines, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the results to " + out, e);
    }
  }
}
