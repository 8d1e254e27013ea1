package io.github.nebuly4j.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The values of the listing ports: time ranges, filters, queries, pages and rows. */
class ListingValuesTest {
  private static final Instant START = Instant.parse("2024-05-30T09:27:52.420Z");
  private static final TimeRange DAY = TimeRange.of(START, START.plus(Duration.ofDays(1)));

  @Test
  void aTimeRangeMustNotEndBeforeItStarts() {
    assertThat(TimeRange.of(START, START).contains(START)).isTrue();
    assertThatThrownBy(() -> TimeRange.of(START, START.minusMillis(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "a time range must not end before it starts; got start 2024-05-30T09:27:52.420Z"
                + " and end 2024-05-30T09:27:52.419Z");
    assertThatThrownBy(() -> TimeRange.of(null, START))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("start must not be null");
    assertThatThrownBy(() -> TimeRange.of(START, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("end must not be null");
  }

  @Test
  void aTimeRangeIncludesBothEnds() {
    assertThat(DAY.contains(START)).isTrue();
    assertThat(DAY.contains(START.plus(Duration.ofDays(1)))).isTrue();
    assertThat(DAY.contains(START.minusNanos(1))).isFalse();
    assertThat(DAY.contains(START.plus(Duration.ofDays(1)).plusNanos(1))).isFalse();
    assertThat(DAY.toString()).isEqualTo("[2024-05-30T09:27:52.420Z, 2024-05-31T09:27:52.420Z]");
    assertThatThrownBy(() -> DAY.contains(null)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aSpanOverlapsARangeWhenTheyShareAnInstant() {
    Instant end = DAY.end();
    assertThat(DAY.overlaps(START.minusSeconds(10), START)).isTrue();
    assertThat(DAY.overlaps(end, end.plusSeconds(10))).isTrue();
    assertThat(DAY.overlaps(START.minusSeconds(10), end.plusSeconds(10))).isTrue();
    assertThat(DAY.overlaps(START.minusSeconds(10), START.minusNanos(1))).isFalse();
    assertThat(DAY.overlaps(end.plusNanos(1), end.plusSeconds(1))).isFalse();
    assertThat(DAY.overlaps(START.plusSeconds(2), START.plusSeconds(1))).as("a span backwards").isFalse();
    assertThatThrownBy(() -> DAY.overlaps(null, START)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DAY.overlaps(START, null)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aRangeCanBeGivenByItsLengthAndEnd() {
    assertThat(TimeRange.lasting(Duration.ofDays(1), DAY.end())).isEqualTo(DAY);
    assertThat(TimeRange.lasting(Duration.ZERO, START)).isEqualTo(TimeRange.of(START, START));
    assertThatThrownBy(() -> TimeRange.lasting(Duration.ofSeconds(-1), START))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a time range must not have a negative length, got PT-1S");
    assertThatThrownBy(() -> TimeRange.lasting(Duration.ofSeconds(1), Instant.MIN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("starts before the earliest instant");
    assertThatThrownBy(() -> TimeRange.lasting(null, START)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TimeRange.lasting(Duration.ZERO, null)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void filterKindsCarryTheirPublishedNames() {
    assertThat(Arrays.stream(FilterKind.values()).map(FilterKind::apiName))
        .containsExactly(
            "user_intent", "negative_user_intent", "keyword", "user_feedback", "tag",
            "type_of_problem", "topic", "user", "user_query");
    for (FilterKind kind : FilterKind.values()) {
      assertThat(FilterKind.fromApiName(kind.apiName())).contains(kind);
    }
    assertThat(FilterKind.fromApiName("Topic")).isEmpty();
    assertThat(FilterKind.fromApiName("conversation_id")).isEmpty();
    assertThat(FilterKind.fromApiName(null)).isEmpty();
  }

  @Test
  void aFilterKeepsItsValuesInOrderAndCanBeReversed() {
    ListingFilter topics = ListingFilter.of(FilterKind.TOPIC, "Billing", "Refunds");
    assertThat(topics.kind()).isEqualTo(FilterKind.TOPIC);
    assertThat(topics.values()).containsExactly("Billing", "Refunds");
    assertThat(topics.tagName()).isEmpty();
    assertThat(topics.excluded()).isFalse();
    assertThat(topics).hasToString("topic in [Billing, Refunds]");

    ListingFilter notWeb = ListingFilter.tag("channel", "web").excluding();
    assertThat(notWeb.kind()).isEqualTo(FilterKind.TAG);
    assertThat(notWeb.tagName()).contains("channel");
    assertThat(notWeb.excluded()).isTrue();
    assertThat(notWeb).hasToString("tag channel not in [web]");
    assertThat(ListingFilter.of(FilterKind.USER, List.of("u-1"))).isEqualTo(ListingFilter.of(FilterKind.USER, "u-1"));
  }

  @Test
  void aBadFilterFailsNamingTheRule() {
    assertThatThrownBy(() -> ListingFilter.of(FilterKind.TOPIC))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a topic filter needs at least one value");
    assertThatThrownBy(() -> ListingFilter.of(FilterKind.TAG, "web"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a tag filter needs the name of its tag; build it with ListingFilter.tag(name, values)");
    assertThatThrownBy(() -> ListingFilter.tag(" ", "web"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("a tag filter needs the name of its tag");
    assertThatThrownBy(() -> ListingFilter.builder().kind(FilterKind.USER).tagName("channel").addValues("u").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("only a tag filter names a tag; a user filter was given the tag name 'channel'");
    assertThatThrownBy(() -> ListingFilter.of(FilterKind.TOPIC, "a", null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ListingFilter.of(null, "a")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void queriesHaveADefaultPageSizeAndKeepTheirFilters() {
    ListingFilter topic = ListingFilter.of(FilterKind.TOPIC, "Billing");
    InteractionQuery interactions = InteractionQuery.builder().timeRange(DAY).addFilters(topic).build();
    ConversationQuery conversations =
        ConversationQuery.builder().timeRange(DAY).addFilters(topic.excluding()).pageSize(1000).build();

    assertThat(interactions.pageSize()).isEqualTo(Page.DEFAULT_SIZE).isEqualTo(100);
    assertThat(interactions.filters()).containsExactly(topic);
    assertThat(interactions.timeRange()).isEqualTo(DAY);
    assertThat(conversations.pageSize()).isEqualTo(Page.MAX_SIZE);
    assertThat(conversations.filters()).containsExactly(topic.excluding());
    assertThat(InteractionQuery.builder().timeRange(DAY).pageSize(1).build().pageSize()).isEqualTo(1);
  }

  @Test
  void aBadQueryFailsNamingTheRule() {
    for (int size : new int[] {0, -1, 1001}) {
      assertThatThrownBy(() -> InteractionQuery.builder().timeRange(DAY).pageSize(size).build())
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("pageSize must be between 1 and 1000, got " + size);
      assertThatThrownBy(() -> ConversationQuery.builder().timeRange(DAY).pageSize(size).build())
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("pageSize must be between 1 and 1000, got " + size);
    }
    assertThatThrownBy(
            () -> InteractionQuery.builder()
                .timeRange(DAY)
                .addFilters(ListingFilter.of(FilterKind.USER, "u"), ListingFilter.of(FilterKind.TOPIC, "x").excluding())
                .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "get-interactions does not allow excluding filters (only get-interaction-aggregates"
                + " publishes is_exclude); filter 1 is 'topic not in [x]'");
    assertThatThrownBy(() -> InteractionQuery.builder().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("timeRange");
    assertThatThrownBy(() -> ConversationQuery.builder().timeRange(null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aPageSaysWhereTheNextStartsAndWhetherItIsTheLast() {
    Page<String> full = new Page<>(10, 0, 3, List.of("a", "b", "c"));
    assertThat(full.nextOffset()).isEqualTo(3);
    assertThat(full.isLast()).isFalse();
    assertThat(new Page<>(6, 3, 3, List.of("d", "e", "f")).isLast()).as("reaches the total").isTrue();
    assertThat(new Page<>(10, 3, 3, List.of("d", "e")).isLast()).as("short").isTrue();
    assertThat(new Page<>(10, 3, 3, List.<String>of()).isLast()).as("empty").isTrue();
    assertThat(new Page<>(0, 0, 3, List.<String>of()).isLast()).isTrue();
    assertThat(full).hasToString("Page[offset 0, 3 of 10 rows, limit 3]");
  }

  @Test
  void aPageIsCheckedAndHoldsItsOwnCopy() {
    List<String> rows = new java.util.ArrayList<>(List.of("a"));
    Page<String> page = new Page<>(1, 0, 1, rows);
    rows.add("b");
    assertThat(page.rows()).containsExactly("a");

    assertThatThrownBy(() -> new Page<>(-1, 0, 1, List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a page's total must not be negative, got -1");
    assertThatThrownBy(() -> new Page<>(0, -1, 1, List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a page's offset must not be negative, got -1");
    assertThatThrownBy(() -> new Page<>(0, 0, 0, List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a page's limit must be at least 1, got 0");
    assertThatThrownBy(() -> new Page<>(0, Long.MAX_VALUE, 1, List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("too large");
    assertThatThrownBy(() -> new Page<>(5, 0, 1, List.of("a", "b")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a page holds at most its limit of 1 rows, got 2");
    assertThatThrownBy(() -> new Page<>(5, 0, 1, null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Page<>(5, 0, 2, Arrays.asList("a", null)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a row of a page must not be null");
  }

  @Test
  void anInteractionSummaryNeedsOnlyItsId() {
    InteractionSummary bare = InteractionSummary.builder().id(InteractionId.of("i-1")).build();
    assertThat(bare.conversationId()).isEmpty();
    assertThat(bare.input()).isEmpty();
    assertThat(bare.timestamp()).isEmpty();
    assertThat(bare.cost()).isEmpty();
    assertThat(bare.latency()).isEmpty();
    assertThat(bare.emotions()).isEmpty();
    assertThat(bare.tags()).isEmpty();
    assertThat(bare.feedback()).isEmpty();
    assertThat(bare.isComplete()).isTrue();

    InteractionSummary full =
        bare.withConversationId(ConversationId.of("c-1"))
            .withCost(MicroDollars.parse("12.5"))
            .withLatency(Duration.ofMillis(820))
            .withTags(java.util.Map.of("channel", "web"))
            .withOmissions(new Omission("data[3].language", "expected a text, found an object"));
    assertThat(full.conversationId()).contains(ConversationId.of("c-1"));
    assertThat(full.isComplete()).isFalse();
    assertThatThrownBy(() -> bare.withLatency(Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("latency must not be negative, got PT-0.001S");
    assertThatThrownBy(() -> InteractionSummary.builder().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("id");
  }

  @Test
  void aConversationSummaryNeedsOnlyItsIdAndRejectsImpossibleMetrics() {
    ConversationSummary bare = ConversationSummary.builder().id(ConversationId.of("c-1")).build();
    assertThat(bare.interactionCount()).isEmpty();
    assertThat(bare.sentimentScore()).isEmpty();
    assertThat(bare.topics()).isEmpty();
    assertThat(bare.tagValueCounts()).isEmpty();
    assertThat(bare.isComplete()).isTrue();
    assertThat(bare.withOmissions(new Omission("data[0].cost", "negative")).isComplete()).isFalse();

    ConversationSummary.Builder base = ConversationSummary.builder().id(ConversationId.of("c"));
    assertThatThrownBy(() -> ConversationSummary.copyOf(bare).withInteractionCount(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("interactionCount must not be negative, got -1");
    assertThatThrownBy(() -> bare.withNegativeExplicitFeedbackCount(-2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("negativeExplicitFeedbackCount must not be negative, got -2");
    assertThatThrownBy(() -> bare.withSessionTime(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("sessionTime must not be negative, got PT-1S");
    assertThatThrownBy(() -> bare.withSentimentScore(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("sentimentScore must be a finite number, got NaN");
    assertThatThrownBy(() -> base.putTagValueCounts("channel", -3).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("tagValueCounts['channel'] must not be negative, got -3");
    assertThat(bare.withSentimentScore(-0.5).sentimentScore()).hasValue(-0.5);
    assertThat(bare.withStartSession(Optional.of(START)).startSession()).contains(START);
  }
}
