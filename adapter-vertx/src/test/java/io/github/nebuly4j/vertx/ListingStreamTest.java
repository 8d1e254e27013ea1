package io.github.nebuly4j.vertx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.nebuly4j.core.ConversationQuery;
import io.github.nebuly4j.core.ConversationSummary;
import io.github.nebuly4j.core.InteractionQuery;
import io.github.nebuly4j.core.InteractionSummary;
import io.github.nebuly4j.core.NebulyException;
import io.github.nebuly4j.core.Page;
import io.github.nebuly4j.core.TimeRange;
import io.github.nebuly4j.core.retry.RetryPolicy;
import io.github.nebuly4j.testkit.contract.ListingData;
import io.github.nebuly4j.testkit.server.Endpoint;
import io.github.nebuly4j.testkit.server.FakeNebulyServer;
import io.github.nebuly4j.testkit.server.Fault;
import io.github.nebuly4j.testkit.server.NebulyDocuments;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.streams.ReadStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The listings as Vert.x {@link ReadStream}s against the fake server: a page is requested only when
 * the stream's reader wants a row of it, a reader that pauses or stops causes no further request,
 * failures and the end reach their handlers, and every handler runs on the caller's context.
 */
class ListingStreamTest extends OnVertx {
  private static final String KEY = "vx-listing-key-2b7e";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant T0 = Instant.parse("2024-06-01T00:00:00Z");
  private static final TimeRange RANGE = TimeRange.lasting(Duration.ofDays(30), T0.plus(Duration.ofDays(30)));

  private FakeNebulyServer server;
  private NebulyVertxClient client;

  @BeforeEach
  void start() {
    server = FakeNebulyServer.builder().apiKey(KEY).start();
    client =
        NebulyVertxClient.create(
            vertx, new NebulyVertxOptions().setBaseUrl(server.baseUrl().toString()).setApiKey(KEY).setRetryPolicy(RetryPolicy.none()));
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  private void seedInteractions(int count) {
    List<InteractionSummary> rows = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      rows.add(ListingData.fullInteraction("i-" + i, T0.plusSeconds(i)));
    }
    server.seedInteractionRows(rows);
  }

  private static InteractionQuery pagesOf(int size) {
    return InteractionQuery.builder().timeRange(RANGE).pageSize(size).build();
  }

  /** The offsets asked for with this page size, after a later page of another size was answered. */
  private List<Long> offsetsAskedFor(int pageSize) throws Exception {
    client.interactionPage(pagesOf(7), 0).get(10, TimeUnit.SECONDS);
    List<Long> offsets = new ArrayList<>();
    for (var request : server.journal().requestsTo(Endpoint.INTERACTIONS)) {
      JsonNode body = readTree(request.body());
      if (body.get("limit").asInt() == pageSize) {
        offsets.add(body.get("offset").asLong());
      }
    }
    return offsets;
  }

  private static JsonNode readTree(String json) {
    try {
      return JSON.readTree(json);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Long> offsets(long pages, long pageSize) {
    return LongStream.range(0, pages).map(page -> page * pageSize).boxed().toList();
  }

  @Test
  void aReaderThatPausesAfter2500Of10000RowsCausesNoFurtherRequest() throws Exception {
    seedInteractions(10_000);
    AtomicInteger read = new AtomicInteger();
    AtomicReference<ReadStream<InteractionSummary>> stream = new AtomicReference<>();
    AtomicBoolean ended = new AtomicBoolean();

    stream.set(client.interactionStream(InteractionQuery.builder().timeRange(RANGE).build()));
    stream.get().endHandler(ignored -> ended.set(true));
    stream.get().handler(
        row -> {
          if (read.incrementAndGet() == 2_500) {
            stream.get().pause();
          }
        });
    await("2,500 rows read", () -> read.get() == 2_500);

    assertThat(offsetsAskedFor(100)).as("pages asked for while paused").isEqualTo(offsets(25, 100));
    stream.get().handler(null);
    assertThat(offsetsAskedFor(100)).as("pages asked for after the handler was removed").isEqualTo(offsets(25, 100));
    assertThat(read.get()).isEqualTo(2_500);
    assertThat(ended).isFalse();
  }

  @Test
  void aFlowingStreamReadsEveryPageOnceAndEnds() throws Exception {
    seedInteractions(250);
    List<String> ids = new CopyOnWriteArrayList<>();
    CompletableFuture<Void> ended = new CompletableFuture<>();

    client.interactionStream(pagesOf(100)).endHandler(ended::complete).handler(row -> ids.add(row.id().value()));
    ended.get(10, TimeUnit.SECONDS);

    assertThat(ids).hasSize(250).doesNotHaveDuplicates();
    assertThat(ids.get(0)).as("newest first").isEqualTo("i-249");
    assertThat(offsetsAskedFor(100)).isEqualTo(offsets(3, 100));
  }

  @Test
  void fetchAsksForThePagesItsRowsNeedAndNoMore() throws Exception {
    seedInteractions(500);
    AtomicInteger read = new AtomicInteger();
    ReadStream<InteractionSummary> stream = client.interactionStream(pagesOf(100)).pause();

    stream.handler(row -> read.incrementAndGet());
    assertThat(offsetsAskedFor(100)).as("a paused stream asks for nothing").isEmpty();

    stream.fetch(150);
    await("150 rows", () -> read.get() == 150);
    assertThat(offsetsAskedFor(100)).isEqualTo(offsets(2, 100));

    stream.fetch(50);
    await("200 rows", () -> read.get() == 200);
    assertThat(offsetsAskedFor(100)).as("rows 151 to 200 were on the second page").isEqualTo(offsets(2, 100));

    stream.fetch(1);
    await("201 rows", () -> read.get() == 201);
    assertThat(offsetsAskedFor(100)).isEqualTo(offsets(3, 100));
    assertThat(read.get()).isEqualTo(201);
    assertThatThrownBy(() -> stream.fetch(-1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aFailedThirdPageReachesTheExceptionHandlerAfterTwoPages() throws Exception {
    seedInteractions(50);
    server.fault(Fault.status(400, NebulyDocuments.error("refused")).on(Endpoint.INTERACTIONS).atOffset(20));
    AtomicInteger read = new AtomicInteger();
    CompletableFuture<Throwable> failed = new CompletableFuture<>();
    AtomicBoolean ended = new AtomicBoolean();

    client
        .interactionStream(pagesOf(10))
        .exceptionHandler(failed::complete)
        .endHandler(ignored -> ended.set(true))
        .handler(row -> read.incrementAndGet());

    assertThat(failed.get(10, TimeUnit.SECONDS)).isInstanceOf(NebulyException.InvalidRequest.class);
    assertThat(read.get()).isEqualTo(20);
    assertThat(ended).isFalse();
  }

  @Test
  void handlersRunOnTheCallersContextAndAThrowingHandlerStopsTheStream() throws Exception {
    seedInteractions(30);
    Context caller = vertx.getOrCreateContext();
    List<Boolean> onCaller = new CopyOnWriteArrayList<>();
    CompletableFuture<Throwable> failed = new CompletableFuture<>();
    AtomicInteger read = new AtomicInteger();

    caller.runOnContext(
        ignored ->
            client
                .interactionStream(pagesOf(10))
                .exceptionHandler(
                    failure -> {
                      onCaller.add(Vertx.currentContext() == caller);
                      failed.complete(failure);
                    })
                .handler(
                    row -> {
                      onCaller.add(Vertx.currentContext() == caller);
                      if (read.incrementAndGet() == 15) {
                        throw new IllegalStateException("the reader broke");
                      }
                    }));

    assertThat(failed.get(10, TimeUnit.SECONDS)).hasMessage("the reader broke");
    assertThat(onCaller).hasSize(16).containsOnly(true);
    assertThat(offsetsAskedFor(10)).as("no page after the reader broke").isEqualTo(offsets(2, 10));
  }

  @Test
  void conversationsStreamAndPagesComeAsFuturesOnTheCallersContext() throws Exception {
    List<ConversationSummary> rows = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      rows.add(ListingData.fullConversation("c-" + i, T0.plusSeconds(i)));
    }
    server.seedConversationRows(rows);
    ConversationQuery query = ConversationQuery.builder().timeRange(RANGE).pageSize(2).build();
    List<String> ids = new CopyOnWriteArrayList<>();
    CompletableFuture<Void> ended = new CompletableFuture<>();
    Context caller = vertx.getOrCreateContext();
    CompletableFuture<Boolean> pageOnCaller = new CompletableFuture<>();

    client.conversationStream(query).endHandler(ended::complete).handler(row -> ids.add(row.id().value()));
    caller.runOnContext(
        ignored ->
            client
                .conversationPageFuture(query, 2)
                .onSuccess(page -> pageOnCaller.complete(Vertx.currentContext() == caller && page.rows().size() == 1)));
    Page<InteractionSummary> empty = client.interactionPageFuture(pagesOf(5), 0).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);

    ended.get(10, TimeUnit.SECONDS);
    assertThat(ids).containsExactly("c-2", "c-1", "c-0");
    assertThat(pageOnCaller.get(10, TimeUnit.SECONDS)).isTrue();
    assertThat(empty.total()).isZero();
  }

  @Test
  void aClosedClientFailsItsPagesAndStreams() throws Exception {
    client.close();
    CompletableFuture<Throwable> failed = new CompletableFuture<>();

    client.interactionStream(pagesOf(5)).exceptionHandler(failed::complete).handler(row -> {});

    assertThat(failed.get(10, TimeUnit.SECONDS)).isInstanceOf(NebulyException.Transport.class);
    assertThat(client.conversationPage(ConversationQuery.builder().timeRange(RANGE).build(), 0))
        .isCompletedExceptionally();
    assertThat(server.journal().count()).isZero();
    assertThatThrownBy(() -> client.interactionStream(null)).isInstanceOf(IllegalArgumentException.class);
  }
}
