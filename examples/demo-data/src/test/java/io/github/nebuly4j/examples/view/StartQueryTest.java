package io.github.nebuly4j.examples.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.nebuly4j.core.ConversationQuery;
import io.github.nebuly4j.core.FilterKind;
import io.github.nebuly4j.core.ListingFilter;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StartQueryTest {
  private static final LocalDate FROM = LocalDate.of(2026, 11, 25);
  private static final LocalDate TO = LocalDate.of(2026, 12, 1);

  private static StartQuery parse(Map<String, String> parameters) {
    return StartQuery.parse(parameters::get, FROM, TO);
  }

  @Test
  void noParametersListTheDefaultDaysWithoutFilters() {
    StartQuery query = parse(Map.of());

    assertThat(query).isEqualTo(new StartQuery(FROM, TO, "", "", "", "", 0));
    ConversationQuery listing = query.toQuery();
    assertThat(listing.timeRange().start()).isEqualTo(Instant.parse("2026-11-25T00:00:00Z"));
    assertThat(listing.timeRange().end()).as("the whole last day").isEqualTo(Instant.parse("2026-12-02T00:00:00Z"));
    assertThat(listing.filters()).isEmpty();
    assertThat(listing.pageSize()).isEqualTo(StartQuery.PAGE_SIZE);
  }

  @Test
  void everyFieldGivenIsAFilter() {
    StartQuery query =
        parse(Map.of("from", "2026-06-01", "to", "2026-06-30", "topic", " refunds ", "user", "alice", "tag", "channel", "tag_value", "web", "offset", "40"));

    ConversationQuery listing = query.toQuery();
    assertThat(listing.timeRange().start()).isEqualTo(Instant.parse("2026-06-01T00:00:00Z"));
    assertThat(listing.timeRange().end()).isEqualTo(Instant.parse("2026-07-01T00:00:00Z"));
    assertThat(listing.filters())
        .containsExactly(
            ListingFilter.of(FilterKind.TOPIC, "refunds"), ListingFilter.of(FilterKind.USER, "alice"), ListingFilter.tag("channel", "web"));
    assertThat(query.offset()).isEqualTo(40);
  }

  @Test
  void theLinkToAnotherPageKeepsTheDaysAndFiltersEncoded() {
    StartQuery query = parse(Map.of("topic", "a&b c", "tag", "channel", "tag_value", "wéb"));

    assertThat(query.href(20)).isEqualTo("/?from=2026-11-25&to=2026-12-01&topic=a%26b+c&tag=channel&tag_value=w%C3%A9b&offset=20");
    assertThat(query.href(0)).isEqualTo("/?from=2026-11-25&to=2026-12-01&topic=a%26b+c&tag=channel&tag_value=w%C3%A9b");
    assertThat(parse(Map.of("topic", "a&b c", "tag", "channel", "tag_value", "wéb", "offset", "20")))
        .as("what the link says is read back")
        .isEqualTo(new StartQuery(FROM, TO, "a&b c", "", "channel", "wéb", 20));
  }

  @Test
  void aBadQueryIsRefusedWithAMessageThatNamesTheParameter() {
    assertThatThrownBy(() -> parse(Map.of("from", "yesterday"))).hasMessageContaining("'yesterday' (from)").hasMessageContaining("yyyy-mm-dd");
    assertThatThrownBy(() -> parse(Map.of("from", "2026-12-02", "to", "2026-12-01")))
        .hasMessage("The first day (from, 2026-12-02) is after the last day (to, 2026-12-01).");
    assertThatThrownBy(() -> parse(Map.of("tag", "channel"))).hasMessageContaining("both the tag's name (tag) and the value");
    assertThatThrownBy(() -> parse(Map.of("tag_value", "web"))).hasMessageContaining("both the tag's name (tag) and the value");
    assertThatThrownBy(() -> parse(Map.of("offset", "-20"))).hasMessage("The offset '-20' is not a whole number from 0.");
    assertThatThrownBy(() -> parse(Map.of("offset", "x"))).hasMessage("The offset 'x' is not a whole number from 0.");
    assertThatThrownBy(() -> parse(Map.of("user", "u".repeat(StartQuery.MAX_TEXT + 1))))
        .hasMessage("The user filter is longer than " + StartQuery.MAX_TEXT + " characters.");
  }

  @Test
  void emptyFieldsOfTheFormAreNoFilter() {
    assertThat(parse(Map.of("from", "", "to", " ", "topic", "", "user", "", "tag", "", "tag_value", "", "offset", "")))
        .isEqualTo(new StartQuery(FROM, TO, "", "", "", "", 0));
  }
}
