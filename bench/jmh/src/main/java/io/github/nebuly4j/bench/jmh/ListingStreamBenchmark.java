package io.github.nebuly4j.bench.jmh;

import io.github.nebuly4j.wire.NebulyExchange;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
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
 * Streaming a whole interaction search through core's paged publisher and wire's exchange: each
 * operation reads {@link #rows} interactions in pages of {@value ListingStreams#PAGE_SIZE}, each
 * page written, sent, answered from memory by a {@link PagesTransport}, decoded and mapped. Run
 * with {@code -prof gc}: {@code gc.alloc.rate.norm} divided by {@link #rows} is the allocation per
 * row, and the same per row at 10,000 and 100,000 rows means that nothing grows with the stream.
 * After each iteration the transport must have seen one page in flight at most, or the run fails.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class ListingStreamBenchmark {
  /** The number of interactions the search has. */
  @Param({"10000", "100000"})
  public int rows;

  private PagesTransport transport;
  private NebulyExchange exchange;

  /** Encodes the pages once per trial. */
  @Setup(Level.Trial)
  public void encode() {
    transport = new PagesTransport(rows, ListingStreams.PAGE_SIZE);
    exchange = ListingStreams.exchange(transport);
  }

  /** Counts from zero for the iteration. */
  @Setup(Level.Iteration)
  public void resetCounts() {
    transport.reset();
  }

  /**
   * Fails the run if a page was asked for before the one before it was answered.
   *
   * @throws IllegalStateException if more than one page was in flight
   */
  @TearDown(Level.Iteration)
  public void requireOnePageInFlight() {
    if (transport.maxInFlight() > 1) {
      throw new IllegalStateException(transport.maxInFlight() + " pages were in flight at once");
    }
  }

  /** Stops the transport. */
  @TearDown(Level.Trial)
  public void close() {
    transport.close();
  }

  /**
   * Reads every row.
   *
   * @return the number of rows read
   */
  @Benchmark
  public long stream() {
    return ListingStreams.readAll(exchange, row -> {});
  }
}
