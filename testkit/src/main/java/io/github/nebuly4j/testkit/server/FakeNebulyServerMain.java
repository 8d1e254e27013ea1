package io.github.nebuly4j.testkit.server;

import io.github.nebuly4j.testkit.demo.DemoConversations;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * Runs {@link FakeNebulyServer} on its own, for manual tests, other languages' tests or an app's dev
 * mode:
 *
 * <pre>
 * java -jar nebuly4j-testkit-0.2.0-standalone.jar --port 8089 --api-key k [--api-key k2] [--seed seed.json]
 * </pre>
 *
 * <p>The seed file is {@code {"conversations": [<conversation documents as the API sends them>],
 * "interaction_links": {"<interaction id>": "<url>"}, "conversation_links": {"<conversation id>":
 * "<url>"}, "interaction_rows": [<rows of get-interactions>], "conversation_rows": [<rows of
 * get-interaction-aggregates>]}}, every member optional. Without {@code --seed} the server serves
 * the five demo conversations, lists them and their interactions, and serves links to them and their
 * interactions. Bad arguments print the usage and exit with status 2.
 */
public final class FakeNebulyServerMain {
  /** The exit status of a command line that could not be understood. */
  public static final int USAGE_ERROR = 2;

  static final String USAGE =
      String.join(
          System.lineSeparator(),
          "Usage: java -jar nebuly4j-testkit-<version>-standalone.jar --port <port> --api-key <key> [--api-key <key>...] [--seed <file.json>]",
          "  --port <port>     the port on 127.0.0.1 to listen on (0 picks a free one)",
          "  --api-key <key>   an API key to accept as 'Authorization: Bearer <key>' (repeatable)",
          "  --seed <file>     a JSON file {\"conversations\": [...], \"interaction_links\": {...}, \"conversation_links\": {...},",
          "                    \"interaction_rows\": [...], \"conversation_rows\": [...]}; without it, the five demo conversations",
          "                    are served and listed");

  private FakeNebulyServerMain() {}

  /**
   * Starts the server and serves until the process is stopped.
   *
   * @param args the command line; see the class description
   */
  public static void main(String[] args) {
    Optional<FakeNebulyServer> server = launch(args, System.out, System.err);
    if (server.isEmpty()) {
      System.exit(USAGE_ERROR);
      return;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.get().close();
                  stopped.countDown();
                }));
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Parses the command line and starts the server, without waiting or exiting: the testable part
   * of {@link #main}.
   *
   * @param args the command line
   * @param out where the address of the running server is printed
   * @param err where problems and the usage are printed
   * @return the running server, or empty when the arguments were bad (the usage was printed)
   */
  public static Optional<FakeNebulyServer> launch(String[] args, PrintStream out, PrintStream err) {
    Integer port = null;
    List<String> apiKeys = new ArrayList<>();
    Path seed = null;
    try {
      for (int i = 0; i < args.length; i++) {
        String option = args[i];
        if (!List.of("--port", "--api-key", "--seed").contains(option)) {
          return usage(err, "unknown argument '" + option + "'");
        }
        if (i + 1 >= args.length) {
          return usage(err, option + " needs a value");
        }
        String value = args[++i];
        switch (option) {
          case "--port":
            if (port != null) {
              return usage(err, "--port is given twice");
            }
            port = parsePort(value);
            break;
          case "--api-key":
            if (value.isBlank()) {
              return usage(err, "--api-key must not be blank");
            }
            apiKeys.add(value);
            break;
          default:
            if (seed != null) {
              return usage(err, "--seed is given twice");
            }
            seed = Path.of(value);
        }
      }
    } catch (IllegalArgumentException e) {
      return usage(err, e.getMessage());
    }
    if (port == null) {
      return usage(err, "--port is required");
    }
    if (apiKeys.isEmpty()) {
      return usage(err, "at least one --api-key is required");
    }
    String seedJson = null;
    if (seed != null) {
      try {
        seedJson = Files.readString(seed, StandardCharsets.UTF_8);
      } catch (IOException e) {
        return usage(err, "cannot read the seed file " + seed + ": " + e);
      }
    }
    FakeNebulyServer.Builder builder = FakeNebulyServer.builder().port(port);
    apiKeys.forEach(builder::apiKey);
    FakeNebulyServer server;
    try {
      server = builder.start();
    } catch (RuntimeException e) {
      err.println("error: " + e.getMessage());
      return Optional.empty();
    }
    try {
      if (seedJson == null) {
        DemoConversations.seed(server);
      } else {
        server.seedFromJson(seedJson);
      }
    } catch (IllegalArgumentException e) {
      server.close();
      return usage(err, "bad seed file " + seed + ": " + e.getMessage());
    }
    out.println(
        "Fake Nebuly server listening on "
            + server.baseUrl()
            + " ("
            + apiKeys.size()
            + " API key(s), "
            + (seed == null ? "demo data" : "seeded from " + seed)
            + "); admin API at http://127.0.0.1:"
            + server.port()
            + AdminApi.PATH);
    return Optional.of(server);
  }

  private static int parsePort(String value) {
    int port;
    try {
      port = Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--port must be a number, got '" + value + "'", e);
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("--port must be between 0 and 65535, got " + port);
    }
    return port;
  }

  private static Optional<FakeNebulyServer> usage(PrintStream err, String problem) {
    err.println("error: " + problem);
    err.println(USAGE);
    return Optional.empty();
  }
}
