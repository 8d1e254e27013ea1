package io.github.nebuly4j.examples.view;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nebuly4j.core.Conversation;
import io.github.nebuly4j.core.ConversationId;
import io.github.nebuly4j.core.Interaction;
import io.github.nebuly4j.core.InteractionId;
import io.github.nebuly4j.testkit.demo.DemoConversations;
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
  void theStartAndErrorPagesRender() {
    assertThat(pages.start(StartView.of(true)))
        .contains("placeholder=\"e.g. " + DemoConversations.all().get(0).conversation().id().value() + "\"")
        .contains(NebulyRoutes.page(DemoConversations.all().get(4).conversation().id()));
    assertThat(pages.start(StartView.of(false))).doesNotContain("demo-list");
    assertThat(pages.error(new ViewerError(404, "not-found", "No such conversation", "Nebuly has no <b>x</b>")))
        .contains("No such conversation")
        .contains("Nebuly has no &lt;b&gt;x&lt;/b&gt;");
  }
}
