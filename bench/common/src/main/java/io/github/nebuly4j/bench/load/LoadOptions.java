package io.github.nebuly4j.bench.load;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The command line of a load runner.
 *
 * @param baseUrl the API's base URL on the loopback server, such as {@code http://127.0.0.1:8089/api/external}
 * @param clients the clients to run, in order
 * @param workloads the workloads to run, in order
 * @param concurrencies the concurrencies to run, in order
 * @param warmup the warm-up before each concurrency's windows
 * @param measure the length of one measured window
 * @param reps the windows per concurrency
 * @param out the file the JSON lines are appended to
 */
public record LoadOptions(
    String baseUrl,
    List<String> clients,
    List<Workload> workloads,
    List<Integer> concurrencies,
    Duration warmup,
    Duration measure,
    int reps,
    Path out) {

  /** What {@link #parse} accepts. */
  public static final String USAGE =
      "options: --url http://127.0.0.1:PORT/api/external --out results.jsonl"
          + " [--clients a,b] [--workloads conversation,interaction-link] [--concurrency 1,16,256]"
          + " [--warmup SECONDS] [--measure SECONDS] [--reps N]";

  /**
   * Returns the largest concurrency, which each client's connection pool is sized for.
   *
   * @return the largest concurrency
   */
  public int maxConcurrency() {
    return concurrencies.stream().mapToInt(Integer::intValue).max().orElse(1);
  }

  /**
   * Parses a command line.
   *
   * @param args the arguments
   * @param defaultClients the clients to run when {@code --clients} is absent
   * @return the options
   * @throws IllegalArgumentException naming what is wrong, followed by {@link #USAGE}
   */
  public static LoadOptions parse(String[] args, List<String> defaultClients) {
    String url = null;
    String out = null;
    List<String> clients = defaultClients;
    List<Workload> workloads = List.of(Workload.CONVERSATION);
    List<Integer> concurrencies = List.of(1, 16, 256);
    Duration warmup = Duration.ofSeconds(5);
    Duration measure = Duration.ofSeconds(10);
    int reps = 3;
    try {
      for (int i = 0; i < args.length; i++) {
        String name = args[i];
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException(name + " needs a value");
        }
        String value = args[++i];
        switch (name) {
          case "--url":
            url = value;
            break;
          case "--out":
            out = value;
            break;
          case "--clients":
            clients = list(value);
            break;
          case "--workloads":
            workloads = list(value).stream().map(Workload::of).collect(Collectors.toList());
            break;
          case "--concurrency":
            concurrencies = list(value).stream().map(Integer::valueOf).collect(Collectors.toList());
            break;
          case "--warmup":
            warmup = seconds(value);
            break;
          case "--measure":
            measure = seconds(value);
            break;
          case "--reps":
            reps = Integer.parseInt(value);
            break;
          default:
            throw new IllegalArgumentException("unknown option " + name);
        }
      }
      if (url == null || out == null) {
        throw new IllegalArgumentException("--url and --out are required");
      }
      if (reps < 1 || concurrencies.stream().anyMatch(c -> c < 1) || clients.isEmpty()) {
        throw new IllegalArgumentException("reps and every concurrency must be at least 1, and a client named");
      }
      for (String client : clients) {
        if (!defaultClients.contains(client)) {
          throw new IllegalArgumentException("unknown client '" + client + "'; known: " + defaultClients);
        }
      }
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a number: " + e.getMessage() + "; " + USAGE, e);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(e.getMessage() + "; " + USAGE, e);
    }
    return new LoadOptions(url, clients, workloads, concurrencies, warmup, measure, reps, Path.of(out));
  }

  private static List<String> list(String value) {
    List<String> items = new ArrayList<>();
    for (String item : value.split(",")) {
      if (!item.isBlank()) {
        items.add(item.strip());
      }
    }
    return List.copyOf(items);
  }

  private static Duration seconds(String value) {
    double seconds = Double.parseDouble(value);
    if (!(seconds >= 0)) {
      throw new IllegalArgumentException("a duration must not be negative: " + value);
    }
    return Duration.ofNanos((long) (seconds * 1e9));
  }

  @Override
  public String toString() {
    return "LoadOptions" + Arrays.asList(baseUrl, clients, workloads, concurrencies, warmup, measure, reps, out);
  }
}
