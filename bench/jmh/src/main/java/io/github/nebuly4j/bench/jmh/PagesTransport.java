package io.github.nebuly4j.bench.jmh;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.nebuly4j.wire.AttemptListener;
import io.github.nebuly4j.wire.NebulyTransport;
import io.github.nebuly4j.wire.WireAnswer;
import io.github.nebuly4j.wire.WireRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link NebulyTransport} that answers {@code POST /get-interactions} from pages encoded once, in
 * memory: the client's share of a listing without the network. The pages hold {@code rows}
 * interactions, {@code i-0} the newest, in pages of {@code pageSize}; a page's answer is sent on
 * the transport's own thread, as a network client answers on its event loop, so that a second
 * page asked for before the first was answered would be seen {@linkplain #maxInFlight() in
 * flight}.
 *
 * <p>The encoded pages are the fixture: they stay in memory for the transport's life (see {@link
 * #encodedBytes()}), and the answers hand out those arrays as they are, so that the client's
 * allocation is measured without a transport's body buffer.
 */
public final class PagesTransport implements NebulyTransport, AutoCloseable {
  private static final WireAnswer.Headers JSON_HEADERS =
      name -> name.equalsIgnoreCase("Content-Type") ? "application/json" : null;
  private static final byte[] OFFSET_FIELD = "\"offset\":".getBytes(StandardCharsets.US_ASCII);

  private final int pageSize;
  private final byte[][] pages;
  private final byte[] pastTheEnd;
  private final ExecutorService answers =
      Executors.newSingleThreadExecutor(task -> daemon(task, "pages-transport-answers"));
  private final ScheduledThreadPoolExecutor timers = new ScheduledThreadPoolExecutor(1, task -> daemon(task, "pages-transport-timers"));
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger maxInFlight = new AtomicInteger();
  private final AtomicLong requests = new AtomicLong();

  /**
   * Encodes the pages.
   *
   * @param rows how many interactions the listing has
   * @param pageSize the page size the client asks with
   */
  public PagesTransport(int rows, int pageSize) {
    this.pageSize = pageSize;
    // Each attempt's timer is cancelled when its page is answered; left in the queue until due, the
    // cancelled timers of the last seconds would be counted as what the stream holds.
    timers.setRemoveOnCancelPolicy(true);
    ObjectMapper json = new ObjectMapper();
    int count = (rows + pageSize - 1) / pageSize;
    this.pages = new byte[count][];
    Instant newest = Instant.parse("2024-06-30T00:00:00Z");
    for (int page = 0; page < count; page++) {
      ObjectNode document = json.createObjectNode().put("total", rows).put("offset", (long) page * pageSize).put("limit", pageSize);
      ArrayNode data = document.putArray("data");
      for (int i = page * pageSize; i < Math.min(rows, (page + 1) * pageSize); i++) {
        Instant at = newest.minusSeconds(i);
        ObjectNode row =
            data.addObject()
                .put("id", "i-" + i)
                .put("conversation_id", "c-" + i / 4)
                .put("input_text", "How do I export the invoices of last quarter as one PDF? (question " + i + ")")
                .put("output_text", "Open Billing, choose Invoices, filter by the quarter, then choose 'Export all' and the PDF format.")
                .put("user_query", "export invoices")
                .put("end_user", "user-" + i % 97)
                .put("timestamp", at.toString())
                .put("end_timestamp", at.plusMillis(1_250).toString())
                .put("cost", new BigDecimal("1523.75"))
                .put("latency", new BigDecimal("0.82"))
                .put("language", "en")
                .put("topic", "Billing")
                .put("sentiment", "neutral");
        row.putArray("emotions").add("curiosity");
        row.putObject("tags").put("channel", "web").put("plan", "pro");
        row.putArray("feedback").add("thumbs up");
      }
      try {
        pages[page] = json.writeValueAsBytes(document);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    this.pastTheEnd =
        ("{\"total\":" + rows + ",\"offset\":" + (long) count * pageSize + ",\"limit\":" + pageSize + ",\"data\":[]}")
            .getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public Cancellable send(WireRequest request, AttemptListener listener) {
    requests.incrementAndGet();
    maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
    byte[] body = pageAt(offsetOf(request.body()));
    answers.execute(
        () -> {
          inFlight.decrementAndGet();
          listener.connected();
          listener.answered(new WireAnswer(200, JSON_HEADERS, body, body.length, false));
        });
    return () -> {};
  }

  @Override
  public Cancellable schedule(long delayMillis, Runnable task) {
    ScheduledFuture<?> scheduled = timers.schedule(task, delayMillis, TimeUnit.MILLISECONDS);
    return () -> scheduled.cancel(false);
  }

  /**
   * Returns the encoded answer of the page at an offset.
   *
   * @param offset a multiple of the page size
   * @return the page's bytes; an empty page past the end
   */
  byte[] pageAt(long offset) {
    return offset / pageSize < pages.length ? pages[(int) (offset / pageSize)] : pastTheEnd;
  }

  /**
   * Returns the number of pages that hold rows.
   *
   * @return the count
   */
  int pages() {
    return pages.length;
  }

  /**
   * Returns the most page requests that were in flight at once since the last {@link #reset()}.
   *
   * @return at least 1 once a page was asked for
   */
  public int maxInFlight() {
    return maxInFlight.get();
  }

  /**
   * Returns the page requests sent since the last {@link #reset()}.
   *
   * @return the count
   */
  public long requests() {
    return requests.get();
  }

  /** Forgets the counts of requests. */
  public void reset() {
    maxInFlight.set(0);
    requests.set(0);
  }

  /**
   * Returns the size of the encoded pages the transport holds.
   *
   * @return bytes
   */
  public long encodedBytes() {
    long bytes = pastTheEnd.length;
    for (byte[] page : pages) {
      bytes += page.length;
    }
    return bytes;
  }

  /** Stops the transport's threads. */
  @Override
  public void close() {
    answers.shutdownNow();
    timers.shutdownNow();
  }

  /** Reads the {@code "offset":n} of a request body that wire wrote, without allocating. */
  private static long offsetOf(byte[] body) {
    outer:
    for (int i = 0; i <= body.length - OFFSET_FIELD.length; i++) {
      for (int j = 0; j < OFFSET_FIELD.length; j++) {
        if (body[i + j] != OFFSET_FIELD[j]) {
          continue outer;
        }
      }
      long offset = 0;
      for (int k = i + OFFSET_FIELD.length; k < body.length && body[k] >= '0' && body[k] <= '9'; k++) {
        offset = offset * 10 + (body[k] - '0');
      }
      return offset;
    }
    throw new IllegalArgumentException("a listing request without an offset");
  }

  private static Thread daemon(Runnable task, String name) {
    Thread thread = new Thread(task, name);
    thread.setDaemon(true);
    return thread;
  }
}
