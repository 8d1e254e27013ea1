package io.github.nebuly4j.examples.view;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nebuly4j.core.ConversationId;
import io.github.nebuly4j.core.ConversationQuery;
import io.github.nebuly4j.core.ConversationSummary;
import io.github.nebuly4j.core.FilterKind;
import io.github.nebuly4j.core.ListingFilter;
import io.github.nebuly4j.core.MicroDollars;
import io.github.nebuly4j.core.NebulyException;
import io.github.nebuly4j.testkit.demo.DemoConversation;
import io.github.nebuly4j.testkit.demo.DemoConversations;
import io.github.nebuly4j.testkit.fake.InMemoryConversationListing;
import io.github.nebuly4j.testkit.fake.ListingSummaries;
import io.github.nebuly4j.testkit.fake.PageRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class StartViewsTest {
  private static final Instant NOW = Instant.parse("2026-12-01T15:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  /** The status and view that a viewer would render. */
  private record Answer(int status, StartView view) {}

  private static Answer respond(StartViews views, Map<String, String> parameters) throws Exception {
    return views.respond(parameters::get, Answer::new).toCompletableFuture().get(5, TimeUnit.SECONDS);
  }

  private static InMemoryConversationListing demoListing() {
    return InMemoryConversationListing.builder()
        .rows(DemoConversations.all().stream().map(demo -> ListingSummaries.ofConversation(demo.conversation())).toList())
        .build();
  }

  /** {@code count} conversations, one an hour back from now, the newest first. */
  private static InMemoryConversationListing hourly(int count) {
    return InMemoryConversationListing.builder()
        .rows(
            IntStream.range(0, count)
                .mapToObj(
                    i ->
                        ConversationSummary.builder()
                            .id(ConversationId.of("c-" + i))
                            .startSession(NOW.minus(Duration.ofHours(i + 1)))
                            .endSession(NOW.minus(Duration.ofHours(i + 1)).plusSeconds(90))
                            .interactionCount(i % 3 + 1)
                            .cost(MicroDollars.ofMicros(1_500))
                            .sessionTime(Duration.ofSeconds(90))
                            .build())
                .toList())
        .build();
  }

  @Test
  void theEmbeddedDemoListsEveryDemoConversationNewestFirstWithTheirTitles() throws Exception {
    InMemoryConversationListing listing = demoListing();

    Answer answer = respond(new StartViews(listing, true, CLOCK), Map.of());

    assertThat(answer.status()).isEqualTo(200);
    List<String> newestFirst =
        DemoConversations.all().stream()
            .sorted(Comparator.comparing((DemoConversation demo) -> demo.conversation().startSession().orElseThrow()).reversed())
            .map(DemoConversation::title)
            .toList();
    assertThat(answer.view().conversations()).extracting(ConversationRow::title).containsExactlyElementsOf(newestFirst);
    assertThat(answer.view().shownText()).isEqualTo("1–" + newestFirst.size() + " of " + newestFirst.size());
    assertThat(answer.view().newerHref()).isNull();
    assertThat(answer.view().olderHref()).isNull();
    LocalDate firstDemoDay =
        DemoConversations.all().stream()
            .map(demo -> LocalDate.ofInstant(demo.conversation().startSession().orElseThrow(), ZoneOffset.UTC))
            .min(Comparator.naturalOrder())
            .orElseThrow();
    assertThat(answer.view().query().from()).as("the default reaches back to the demo").isEqualTo(firstDemoDay);
    assertThat(listing.pageRequests()).as("one request per page").hasSize(1);
  }

  @Test
  void withAKeyTheDefaultIsTheLastSevenDaysAndOnePageOfTwenty() throws Exception {
    InMemoryConversationListing listing = hourly(45);

    Answer first = respond(new StartViews(listing, false, CLOCK), Map.of());

    PageRequest<ConversationQuery> sent = listing.pageRequests().get(0);
    assertThat(sent.query().timeRange().start()).isEqualTo(Instant.parse("2026-11-25T00:00:00Z"));
    assertThat(sent.query().timeRange().end()).isEqualTo(Instant.parse("2026-12-02T00:00:00Z"));
    assertThat(sent.query().pageSize()).isEqualTo(20);
    assertThat(sent.offset()).isZero();
    assertThat(first.view().conversations()).hasSize(20).first().satisfies(row -> {
      assertThat(row.id()).isEqualTo("c-0");
      assertThat(row.page()).isEqualTo("/conversations/c-0");
      assertThat(row.title()).isEqualTo("Conversation c-0");
      assertThat(row.startText()).isEqualTo("1 Dec 2026, 14:00:00 UTC");
      assertThat(row.interactionsText()).isEqualTo("1 interaction");
      assertThat(row.costText()).isEqualTo("$0.0015");
      assertThat(row.sessionTimeText()).isEqualTo("1 min 30 s");
    });
    assertThat(first.view().shownText()).isEqualTo("1–20 of 45");
    assertThat(first.view().newerHref()).isNull();
    assertThat(first.view().olderHref()).isEqualTo("/?from=2026-11-25&to=2026-12-01&offset=20");
  }

  @Test
  void theLinksPageThroughTheListingToItsLastPartialPage() throws Exception {
    StartViews views = new StartViews(hourly(45), false, CLOCK);

    StartView second = respond(views, Map.of("offset", "20")).view();
    StartView last = respond(views, Map.of("offset", "40")).view();

    assertThat(second.conversations()).extracting(ConversationRow::id).startsWith("c-20").endsWith("c-39");
    assertThat(second.shownText()).isEqualTo("21–40 of 45");
    assertThat(second.newerHref()).isEqualTo("/?from=2026-11-25&to=2026-12-01");
    assertThat(second.olderHref()).isEqualTo("/?from=2026-11-25&to=2026-12-01&offset=40");
    assertThat(last.conversations()).extracting(ConversationRow::id).containsExactly("c-40", "c-41", "c-42", "c-43", "c-44");
    assertThat(last.shownText()).isEqualTo("41–45 of 45");
    assertThat(last.olderHref()).isNull();
  }

  @Test
  void theFiltersOfTheFormReachTheListing() throws Exception {
    // A summary carries no users or tag values: these rules say that none of the demo rows has them.
    InMemoryConversationListing listing =
        InMemoryConversationListing.builder()
            .rows(DemoConversations.all().stream().map(demo -> ListingSummaries.ofConversation(demo.conversation())).toList())
            .filterRule(FilterKind.USER, (row, filter) -> false)
            .filterRule(FilterKind.TAG, (row, filter) -> false)
            .build();
    DemoConversation demo = DemoConversations.all().get(0);
    String topic = demo.conversation().interactions().get(0).topic().orElseThrow();

    StartView view =
        respond(new StartViews(listing, true, CLOCK), Map.of("topic", topic, "user", "alice", "tag", "channel", "tag_value", "web")).view();

    assertThat(listing.pageRequests().get(0).query().filters())
        .containsExactly(ListingFilter.of(FilterKind.TOPIC, topic), ListingFilter.of(FilterKind.USER, "alice"), ListingFilter.tag("channel", "web"));
    assertThat(view.query().user()).isEqualTo("alice");
    assertThat(view.conversations()).isEmpty();
    assertThat(view.shownText()).isEqualTo("none of 0");
  }

  @Test
  void aBadQueryIsA400WithTheMessageAndAsksNebulyNothing() throws Exception {
    InMemoryConversationListing listing = demoListing();

    Answer answer = respond(new StartViews(listing, true, CLOCK), Map.of("from", "2026-12-05", "to", "2026-12-01"));

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.view().error().message()).contains("is after the last day");
    assertThat(answer.view().conversations()).isEmpty();
    assertThat(listing.pageRequests()).isEmpty();
  }

  @Test
  void aFailureOfNebulyIsItsStatusAndMessageOnTheStartPage() throws Exception {
    InMemoryConversationListing down = demoListing().failNextCalls(1, new NebulyException.ServiceFailure(503, "maintenance"));
    InMemoryConversationListing refused = demoListing().failNextCalls(1, new NebulyException.Authentication(401, "Invalid API key"));

    Answer failed = respond(new StartViews(down, true, CLOCK), Map.of());
    Answer unauthorized = respond(new StartViews(refused, false, CLOCK), Map.of());

    assertThat(failed.status()).isEqualTo(502);
    assertThat(failed.view().error().kind()).isEqualTo("nebuly-failure");
    assertThat(failed.view().error().message()).contains("maintenance");
    assertThat(failed.view().conversations()).isEmpty();
    assertThat(unauthorized.status()).isEqualTo(502);
    assertThat(unauthorized.view().error().title()).isEqualTo("Nebuly refused the API key");
  }
}
