package io.github.nebuly4j.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.nebuly4j.core.ConversationQuery;
import io.github.nebuly4j.core.ConversationSummary;
import io.github.nebuly4j.core.FilterKind;
import io.github.nebuly4j.core.InteractionQuery;
import io.github.nebuly4j.core.InteractionSummary;
import io.github.nebuly4j.core.ListingFilter;
import io.github.nebuly4j.core.NebulyException;
import io.github.nebuly4j.core.Omission;
import io.github.nebuly4j.core.Page;
import io.github.nebuly4j.core.TimeRange;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The listing documents beyond the generated corpus: the request bodies byte for byte, the page's
 * own rules and their messages, the paths of a row's omissions, and the API key kept out of them.
 */
class ListingCodecTest {
  private static final String KEY = "nb-LISTING-key-5Tq8";
  private static final NebulyCodec CODEC = new NebulyCodec(KEY);
  private static final TimeRange RANGE =
      TimeRange.of(Instant.parse("2024-05-30T09:27:52.420Z"), Instant.parse("2024-06-06T09:27:52.123456789Z"));

  private static Page<InteractionSummary> interactions(String json, long offset, int limit) {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    return CODEC.interactionPage(200, body, body.length, offset, limit);
  }

  private static Page<ConversationSummary> conversations(String json) {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    return CODEC.conversationPage(200, body, body.length, 0, 10);
  }

  private static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  @Test
  void anInteractionSearchIsWrittenWithUtcInstantsAndNoExclusion() {
    InteractionQuery query =
        InteractionQuery.builder()
            .timeRange(RANGE)
            .addFilters(ListingFilter.of(FilterKind.TOPIC, "Billing", "Refunds"))
            .addFilters(ListingFilter.tag("channel", "web"))
            .pageSize(3)
            .build();

    assertThat(text(CODEC.interactionsRequest(query, 6)))
        .isEqualTo(
            "{\"time_range\":{\"start\":\"2024-05-30T09:27:52.420Z\",\"end\":\"2024-06-06T09:27:52.123456789Z\"},"
                + "\"filters\":[{\"kind\":\"topic\",\"values\":[\"Billing\",\"Refunds\"]},"
                + "{\"kind\":\"tag\",\"tag\":\"channel\",\"values\":[\"web\"]}],\"limit\":3,\"offset\":6}");
  }

  @Test
  void aConversationListingIsWrittenWithExclusionAndItsGrouping() {
    ConversationQuery query =
        ConversationQuery.builder()
            .timeRange(RANGE)
            .addFilters(ListingFilter.of(FilterKind.NEGATIVE_USER_INTENT, "Cancel subscription"))
            .addFilters(ListingFilter.of(FilterKind.TOPIC, "Smalltalk").excluding())
            .build();

    assertThat(text(CODEC.conversationsRequest(query, 0, Map.of("kind", "conversation_id"))))
        .isEqualTo(
            "{\"time_range\":{\"start\":\"2024-05-30T09:27:52.420Z\",\"end\":\"2024-06-06T09:27:52.123456789Z\"},"
                + "\"filters\":[{\"kind\":\"negative_user_intent\",\"values\":[\"Cancel subscription\"],\"is_exclude\":false},"
                + "{\"kind\":\"topic\",\"values\":[\"Smalltalk\"],\"is_exclude\":true}],"
                + "\"group_by\":{\"kind\":\"conversation_id\"},\"limit\":100,\"offset\":0}");
    assertThat(text(CODEC.interactionsRequest(InteractionQuery.builder().timeRange(RANGE).build(), 0)))
        .contains("\"filters\":[]");
  }

  @Test
  void badArgumentsAreRefusedBeforeAnythingIsWritten() {
    InteractionQuery query = InteractionQuery.builder().timeRange(RANGE).build();

    assertThatThrownBy(() -> CODEC.interactionsRequest(null, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CODEC.interactionsRequest(query, -1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CODEC.conversationsRequest(ConversationQuery.builder().timeRange(RANGE).build(), 0, null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theLimitThatNebulyAppliedIsThePagesLimit() {
    Page<InteractionSummary> capped =
        interactions("{\"total\": 10, \"offset\": 0, \"limit\": 2, \"data\": [{\"id\": \"a\"}, {\"id\": \"b\"}]}", 0, 3);
    Page<InteractionSummary> unsaid = interactions("{\"total\": 10, \"data\": [{\"id\": \"a\"}]}", 4, 3);

    assertThat(capped.limit()).isEqualTo(2);
    assertThat(capped.isLast()).as("two rows of a capped limit of two are not the last page").isFalse();
    assertThat(unsaid.limit()).isEqualTo(3);
    assertThat(unsaid.offset()).isEqualTo(4);
  }

  @Test
  void aPageThatBreaksItsRulesFailsNamingTheField() {
    assertMalformed("{\"offset\": 0, \"data\": []}", "total is null or absent; expected a whole number that is not negative");
    assertMalformed("{\"total\": -1, \"data\": []}", "total: expected a whole number that is not negative, found the number -1");
    assertMalformed("{\"total\": 1, \"offset\": 3, \"data\": []}", "offset: expected 0, the offset asked for, found 3");
    assertMalformed("{\"total\": 1, \"offset\": \"zero\", \"data\": []}", "offset: expected a whole number that is not negative, found the text \"zero\"");
    assertMalformed("{\"total\": 1, \"limit\": 0, \"data\": []}", "limit: expected a whole number from 1 to 2147483647, found the number 0");
    assertMalformed("{\"total\": 1}", "data is null or absent; expected an array of rows");
    assertMalformed("{\"total\": 2, \"limit\": 1, \"data\": [{\"id\": \"a\"}, {\"id\": \"b\"}]}", "data holds 2 rows, more than the page's limit of 1");
    assertMalformed("{\"total\": 2, \"data\": [{\"id\": \"a\"}, 7]}", "data[1]: expected a row (a JSON object), found the number 7");
    assertMalformed("{\"total\": 2, \"data\": [{\"id\": \"a\"}, {\"input_text\": \"x\"}]}", "data[1].id is null or absent; expected an interaction id");
    assertThatThrownBy(() -> conversations("{\"total\": 1, \"data\": [{\"group_name\": \" \"}]}"))
        .isInstanceOf(NebulyException.MalformedResponse.class)
        .hasMessageContaining("data[0].group_name: expected a conversation id, found the text \" \"");
  }

  @Test
  void aRowListsItsOmissionsWithPathsInsideTheRowAndKeepsTheRest() {
    Page<InteractionSummary> page =
        interactions(
            "{\"total\": 2, \"data\": [{\"id\": \"clean\", \"topic\": \"t\"},"
                + " {\"id\": \"odd\", \"cost\": \"free\", \"tags\": {\"channel\": {\"a\": 1}, \"plan\": \"pro\"}, \"topic\": \"kept\"}]}",
            0,
            10);

    assertThat(page.rows().get(0).omissions()).isEmpty();
    InteractionSummary odd = page.rows().get(1);
    assertThat(odd.omissions())
        .extracting(Omission::field)
        .containsExactly("cost", "tags.channel");
    assertThat(odd.omissions().get(0).reason())
        .isEqualTo("expected a number of micro-dollars that is not negative, found the text \"free\"");
    assertThat(odd.isComplete()).isFalse();
    assertThat(odd.topic()).contains("kept");
    assertThat(odd.tags()).isEqualTo(Map.of("plan", "pro"));
  }

  @Test
  void tagCountsDropWhatTheyCannotReadAndSaySoWhenItWasSentWrong() {
    ConversationSummary row =
        conversations(
                "{\"total\": 1, \"data\": [{\"group_name\": \"c\", \"tags\": ["
                    + "{\"tag_name\": \"channel\", \"n_tag_values\": 2.0, \"extra\": [1]}, null,"
                    + " {\"tag_name\": \"nameless count\"}, {\"n_tag_values\": 3}, {\"tag_name\": \"plan\", \"n_tag_values\": -1},"
                    + " \"loose\", {\"tag_name\": \"channel\", \"n_tag_values\": 5}]}]}")
            .rows()
            .get(0);

    assertThat(row.tagValueCounts()).containsExactly(Map.entry("channel", 5));
    assertThat(row.omissions()).extracting(Omission::field).containsExactly("tags[4].n_tag_values", "tags[5]");
  }

  @Test
  void theKeyNeverAppearsInARowsOmissionsNorInAPagesFailure() {
    Page<InteractionSummary> page =
        interactions("{\"total\": 1, \"data\": [{\"id\": \"a\", \"tags\": {\"" + KEY + "\": [\"" + KEY + "\"]}}]}", 0, 10);

    assertThat(page.rows().get(0).omissions()).hasSize(1);
    assertThat(page.rows().get(0).omissions().get(0).toString()).doesNotContain(KEY).contains("***");
    assertThatThrownBy(() -> interactions("{\"total\": \"" + KEY + "\", \"data\": []}", 0, 10))
        .isInstanceOf(NebulyException.MalformedResponse.class)
        .satisfies(failure -> assertThat(failure.getMessage()).doesNotContain(KEY));
  }

  private static void assertMalformed(String json, String problem) {
    assertThatThrownBy(() -> interactions(json, 0, 10))
        .isInstanceOf(NebulyException.MalformedResponse.class)
        .hasMessageContaining(problem);
  }

  @Test
  void rowsKeepNebulysOrder() {
    List<String> ids =
        interactions("{\"total\": 3, \"data\": [{\"id\": \"c\"}, {\"id\": \"a\"}, {\"id\": \"b\"}]}", 0, 10).rows().stream()
            .map(row -> row.id().value())
            .toList();

    assertThat(ids).containsExactly("c", "a", "b");
  }
}
