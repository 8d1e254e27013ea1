package io.github.nebuly4j.bench.load;

/**
 * One measured window of one client at one concurrency: what the load runners write (as one JSON
 * line each) and what the report reads. wrk's Lua script writes the same fields.
 *
 * @param client the client's name, such as {@code vertx-adapter}
 * @param workload the workload's label
 * @param concurrency the number of requests kept in flight
 * @param rep the repetition, from 1
 * @param seconds the length of the window
 * @param requests the calls that succeeded within the window
 * @param errors the calls that failed within the window
 * @param requestsPerSecond {@code requests / seconds}
 * @param p50Micros the median latency
 * @param p99Micros the 99th percentile latency
 * @param meanMicros the mean latency
 * @param allocatedBytesPerCall bytes the client's JVM allocated per successful call, or -1 when not measured
 * @param cpuMicrosPerCall CPU time the client's JVM used per successful call (every thread, garbage
 *     collection and compilation included), or -1 when not measured; unlike the throughput, it hardly
 *     moves when other processes share the cores
 * @param firstError the first failure's description, or empty
 */
public record Measurement(
    String client,
    String workload,
    int concurrency,
    int rep,
    double seconds,
    long requests,
    long errors,
    double requestsPerSecond,
    double p50Micros,
    double p99Micros,
    double meanMicros,
    double allocatedBytesPerCall,
    double cpuMicrosPerCall,
    String firstError) {

  /**
   * Returns this measurement as one line of JSON.
   *
   * @return the JSON object, without a line break
   */
  public String toJson() {
    return "{\"client\":" + quote(client)
        + ",\"workload\":" + quote(workload)
        + ",\"concurrency\":" + concurrency
        + ",\"rep\":" + rep
        + ",\"seconds\":" + seconds
        + ",\"requests\":" + requests
        + ",\"errors\":" + errors
        + ",\"requestsPerSecond\":" + requestsPerSecond
        + ",\"p50Micros\":" + p50Micros
        + ",\"p99Micros\":" + p99Micros
        + ",\"meanMicros\":" + meanMicros
        + ",\"allocatedBytesPerCall\":" + allocatedBytesPerCall
        + ",\"cpuMicrosPerCall\":" + cpuMicrosPerCall
        + ",\"firstError\":" + quote(firstError)
        + "}";
  }

  private static String quote(String text) {
    StringBuilder json = new StringBuilder(text.length() + 2).append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"' || c == '\\') {
        json.append('\\').append(c);
      } else if (c < 0x20) {
        json.append(String.format("\\u%04x", (int) c));
      } else {
        json.append(c);
      }
    }
    return json.append('"').toString();
  }
}
