package io.github.nebuly4j.examples.view;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nebuly4j.core.Conversation;
import io.github.nebuly4j.core.ConversationId;
import io.github.nebuly4j.core.ConversationSummary;
import io.github.nebuly4j.core.Interaction;
import io.github.nebuly4j.core.InteractionId;
import io.github.nebuly4j.testkit.demo.DemoConversations;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class StandalonePagesTest {
  private final StandalonePages pages = new StandalonePages();

  @Test
  void aConversationPageShowsEveryInteractionInOrderWithItsOpenInNebulyRoute() {
    Conversation conversation = DemoConversations.all().get(0).conversation();

    String html = pages.conversation(ConversationView.of(conversation), false);

    assertThat(html).contains("href=\"/go/conversation/" + conversation.id().value() + "\"");
    int previous = -1;
    for (Interaction interaction : conversation.interactions()) {
      int at = html.indexOf("data-interaction-id=\"" + interaction.id().value() + "\"");
      assertThat(at).as("interaction %s after the previous one", interaction.id().value()).isGreaterThan(previous);
      assertThat(html).contains("href=\"/go/interaction/" + interaction.id().value() + "\"");
      previous = at;
    }
    assertThat(html).contains("#" + conversation.interactions().size() + "<").doesNotContain("Embedded demo Nebuly");
  }

  @Test
  void whatNebulySentIsEscaped() {
    Conversation hostile =
        Conversation.builder()
            .id(ConversationId.of("hostile\"id"))
            .addInteractions(
                Interaction.builder().id(InteractionId.of("h-1")).input("<script>alert('x')</script>").build())
            .build();

    String html = pages.conversation(ConversationView.of(hostile), true);

    assertThat(html)
        .doesNotContain("<script>")
        .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")
        .contains("hostile&quot;id")
        .contains("Embedded demo Nebuly");
  }

  @Test
  void theStartPageListsItsRowsEscapedAndLinksTheNextPage() {
    ConversationSummary listed =
        ConversationSummary.builder().id(ConversationId.of("c<1>")).addTopics("<b>refunds</b>").startSession(Instant.parse("2026-06-01T10:00:00Z")).build();
    StartQuery query = new StartQuery(LocalDate.of(2026, 6, 1), LocalDate.of(2026, 6, 7), "", "", "", "", 0);
    StartView view =
        new StartView(false, "c-1", query, List.of(ConversationRow.of(listed)), 21, "1–20 of 21", null, query.href(20), null);

    String html = pages.start(view);

    assertThat(html)
        .contains("href=\"/conversations/c%3C1%3E\"")
        .contains("&lt;b&gt;refunds&lt;/b&gt;")
        .contains("1 Jun 2026, 10:00:00 UTC")
        .contains("1–20 of 21")
        .contains("href=\"/?from=2026-06-01&amp;to=2026-06-07&amp;offset=20\"")
        .contains("value=\"2026-06-01\"")
        .doesNotContain("rel=\"prev\"")
        .doesNotContain("Embedded demo Nebuly");
  }

  @Test
  void theStartPageSaysWhyNothingIsListed() {
    StartQuery query = new StartQuery(LocalDate.of(2026, 6, 1), LocalDate.of(2026, 6, 7), "", "", "", "", 0);

    String failed =
        pages.start(new StartView(true, "c-1", query, List.of(), 0, "", null, null, new ViewerError(502, "nebuly-failure", "Nebuly could not be read", "<down>")));
    String empty = pages.start(new StartView(true, "c-1", query, List.of(), 0, "none of 0", null, null, null));

    assertThat(failed).contains("Nebuly could not be read").contains("&lt;down&gt;").doesNotContain("demo-list");
    assertThat(empty).contains("No conversation from 2026-06-01 to 2026-06-07 meets these filters").contains("Embedded demo Nebuly");
  }

  @Test
  void theErrorPageRendersEscaped() {
    assertThat(pages.error(new ViewerError(404, "not-found", "No such conversation", "Nebuly has no <b>x</b>")))
        .contains("No such conversation")
        .contains("Nebuly has no &lt;b&gt;x&lt;/b&gt;");
  }
}
