package io.github.nebuly4j.bench.quarkus;

import io.quarkus.cache.Cache;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jboss.logging.Logger;

/**
 * The command line of {@link DeepLinkScale}: {@code deep-link-scale --out FILE [--threads 16]
 * [--hot-ids 100] [--seconds 10] [--burst 1000] [--interactions 5000] [--page-runs 5]}. It writes
 * the results as a section of {@code RESULTS.md} into {@code FILE}.
 */
final class DeepLinkScaleOptions {
  private static final Logger LOG = Logger.getLogger(DeepLinkScaleOptions.class);
  /** The first argument that selects this workload. */
  static final String COMMAND = "deep-link-scale";

  static final String USAGE =
      "usage: deep-link-scale --out FILE [--threads 16] [--hot-ids 100] [--seconds 10] [--burst 1000]"
          + " [--interactions 5000] [--page-runs 5]";

  private DeepLinkScaleOptions() {}

  /**
   * Parses the arguments, runs the workload and writes its section.
   *
   * @return the exit status: 0, or 2 for arguments that cannot be understood
   */
  static int run(String[] args, Vertx vertx, Cache links, Cache notFound) throws Exception {
    Path out = null;
    int threads = 16;
    int hotIds = 100;
    double seconds = 10;
    int burst = 1000;
    int interactions = 5000;
    int pageRuns = 5;
    try {
      for (int i = 0; i < args.length; i += 2) {
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException(args[i] + " needs a value");
        }
        String value = args[i + 1];
        switch (args[i]) {
          case "--out" -> out = Path.of(value);
          case "--threads" -> threads = positive(args[i], Integer.parseInt(value));
          case "--hot-ids" -> hotIds = positive(args[i], Integer.parseInt(value));
          case "--seconds" -> seconds = positive(args[i], Double.parseDouble(value));
          case "--burst" -> burst = positive(args[i], Integer.parseInt(value));
          case "--interactions" -> interactions = positive(args[i], Integer.parseInt(value));
          case "--page-runs" -> pageRuns = positive(args[i], Integer.parseInt(value));
          default -> throw new IllegalArgumentException("unknown option " + args[i]);
        }
      }
      if (out == null) {
        throw new IllegalArgumentException("--out is required");
      }
    } catch (IllegalArgumentException e) {
      LOG.error(e.getMessage() + "\n" + USAGE);
      return 2;
    }
    DeepLinkScale.Results results =
        new DeepLinkScale(
                new DeepLinkScale.Options(threads, hotIds, seconds, burst, interactions, pageRuns), vertx, links, notFound)
            .run();
    write(out, results.markdown());
    return 0;
  }

  private static <N extends Number> N positive(String option, N value) {
    if (value.doubleValue() <= 0) {
      throw new IllegalArgumentException(option + " must be positive, got " + value);
    }
    return value;
  }

  private static void write(Path out, String section) throws IOException {
    Path parent = out.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(out, section, StandardCharsets.UTF_8);
  }
}
