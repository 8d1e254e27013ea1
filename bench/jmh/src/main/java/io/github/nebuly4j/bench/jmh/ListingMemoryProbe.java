package io.github.nebuly4j.bench.jmh;

import io.github.nebuly4j.bench.load.AllocationMeter;
import io.github.nebuly4j.wire.NebulyCodec;
import io.github.nebuly4j.wire.NebulyExchange;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Shows what a stream of a listing holds and allocates, in a JVM of its own (no JMH): for each
 * size, the bytes allocated per row by every thread of the JVM while one stream reads the search
 * (and, for comparison, while wire's codec alone decodes the same pages), the page requests and how
 * many were in flight at most, and the heap in use after a full GC at each quarter of the stream,
 * less the heap before it started (which holds the transport's encoded pages). A stream that held
 * its rows would grow by the quarters; one that holds a page does not.
 *
 * <pre>
 * java -Xms1g -Xmx1g -cp bench/jmh/target/classes:$(cat bench/jmh/target/classpath.txt) \
 *     io.github.nebuly4j.bench.jmh.ListingMemoryProbe 10000 100000
 * </pre>
 *
 * It prints a Markdown table, the one of {@code bench/RESULTS.md}'s listing section.
 */
public final class ListingMemoryProbe {
  private static final int QUARTERS = 4;
  private static final int WARM_UP_STREAMS = 5;

  private ListingMemoryProbe() {}

  /**
   * What one size gave.
   *
   * @param rows the rows read
   * @param bytesPerRow bytes allocated per row, by all threads
   * @param decodingBytesPerRow bytes allocated per row by wire's codec decoding the same pages alone
   * @param pages the page requests sent
   * @param maxInFlight the most page requests in flight at once
   * @param heapAboveStart at each quarter of the stream, the heap in use after a full GC less the
   *     heap in use after a full GC before the stream
   */
  public record Figures(
      long rows, double bytesPerRow, double decodingBytesPerRow, long pages, int maxInFlight, List<Long> heapAboveStart) {}

  /**
   * Measures each size and prints the table.
   *
   * @param args the sizes, such as {@code 10000 100000}
   */
  public static void main(String[] args) {
    List<Figures> figures = new ArrayList<>();
    for (String size : args.length == 0 ? new String[] {"10000", "100000"} : args) {
      figures.add(measure(Integer.parseInt(size), WARM_UP_STREAMS));
    }
    print(figures, System.out);
  }

  /**
   * Measures one size: warm-up streams, then one stream for the allocation, then one with a full
   * GC at each quarter.
   *
   * @param rows the number of rows of the search
   * @param warmUpStreams how many streams run first, unmeasured
   * @return the figures
   */
  public static Figures measure(int rows, int warmUpStreams) {
    try (PagesTransport transport = new PagesTransport(rows, ListingStreams.PAGE_SIZE)) {
      NebulyExchange exchange = ListingStreams.exchange(transport);
      for (int i = 0; i < warmUpStreams; i++) {
        ListingStreams.readAll(exchange, row -> {});
      }
      AllocationMeter meter = new AllocationMeter();
      transport.reset();
      Map<Long, Long> before = meter.snapshot();
      long read = ListingStreams.readAll(exchange, row -> {});
      long allocated = AllocationMeter.allocatedBetween(before, meter.snapshot());
      long pages = transport.requests();
      int maxInFlight = transport.maxInFlight();
      double decoding = decodingBytesPerRow(transport, meter, read);

      MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
      long start = heapAfterGc(memory);
      List<Long> quarters = new ArrayList<>();
      long quarter = Math.max(1, rows / QUARTERS);
      ListingStreams.readAll(
          exchange,
          row -> {
            if (row % quarter == 0 && quarters.size() < QUARTERS) {
              quarters.add(heapAfterGc(memory) - start);
            }
          });
      return new Figures(read, (double) allocated / read, decoding, pages, maxInFlight, List.copyOf(quarters));
    }
  }

  /** The bytes per row that wire's codec allocates decoding every page once, after a warm-up pass. */
  private static double decodingBytesPerRow(PagesTransport transport, AllocationMeter meter, long rows) {
    NebulyCodec codec = new NebulyCodec("bench-listing-key");
    decodeEveryPage(transport, codec);
    Map<Long, Long> before = meter.snapshot();
    decodeEveryPage(transport, codec);
    return (double) AllocationMeter.allocatedBetween(before, meter.snapshot()) / rows;
  }

  private static void decodeEveryPage(PagesTransport transport, NebulyCodec codec) {
    for (int page = 0; page < transport.pages(); page++) {
      long offset = (long) page * ListingStreams.PAGE_SIZE;
      byte[] body = transport.pageAt(offset);
      codec.interactionPage(200, body, body.length, offset, ListingStreams.PAGE_SIZE);
    }
  }

  /**
   * Prints the figures as a Markdown table.
   *
   * @param figures one line each
   * @param out where to print
   */
  public static void print(List<Figures> figures, PrintStream out) {
    out.println(
        "| rows | page requests | most in flight | allocated per row (of which decoding) | heap above the start after a"
            + " full GC, at ¼ · ½ · ¾ · all of the stream |");
    out.println("|---:|---:|---:|---:|---|");
    for (Figures f : figures) {
      List<String> heap = f.heapAboveStart().stream().map(ListingMemoryProbe::kib).toList();
      out.printf(
          Locale.ROOT,
          "| %,d | %,d | %d | %,.0f B (%,.0f B) | %s |%n",
          f.rows(),
          f.pages(),
          f.maxInFlight(),
          f.bytesPerRow(),
          f.decodingBytesPerRow(),
          String.join(" · ", heap));
    }
  }

  private static String kib(long bytes) {
    return String.format(Locale.ROOT, "%,d KiB", bytes / 1024);
  }

  private static long heapAfterGc(MemoryMXBean memory) {
    // Twice: the first collection may leave what a finalizer or a reference queue still holds.
    System.gc();
    System.gc();
    return memory.getHeapMemoryUsage().getUsed();
  }
}
