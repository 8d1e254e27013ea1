package io.github.nebuly4j.examples.view;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.nebuly4j.core.Conversation;
import io.github.nebuly4j.core.ConversationId;
import io.github.nebuly4j.core.ConversationRepository;
import io.github.nebuly4j.core.Interaction;
import io.github.nebuly4j.core.InteractionId;
import io.github.nebuly4j.core.NebulyException;
import io.github.nebuly4j.testkit.demo.DemoConversation;
import io.github.nebuly4j.testkit.demo.DemoConversations;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ConversationViewsTest {
  private static final ConversationRepository DEMO_REPOSITORY =
      id -> CompletableFuture.completedFuture(DemoConversations.find(id).map(DemoConversation::conversation));

  @Test
  void everyDemoConversationBecomesTheJsonBothViewersSend() throws Exception {
    ConversationViews views = new ConversationViews(DEMO_REPOSITORY);
    ObjectMapper json = new ObjectMapper();
    for (DemoConversation demo : DemoConversations.all()) {
      Conversation conversation = demo.conversation();
      ConversationView view =
          views.load(conversation.id()).toCompletableFuture().get(5, TimeUnit.SECONDS).orElseThrow();
      ConversationJson.assertShows(ConversationJson.parse(json.writeValueAsString(view)), conversation);
    }
  }

  @Test
  void anUnknownConversationIsEmpty() throws Exception {
    Optional<ConversationView> view =
        new ConversationViews(DEMO_REPOSITORY)
            .load(ConversationId.of("no-such-conversation"))
            .toCompletableFuture()
            .get(5, TimeUnit.SECONDS);
    assertThat(view).isEmpty();
  }

  @Test
  void anIdThatNeedsEncodingStaysOneSegmentOfTheOpenRoute() {
    Conversation odd =
        Conversation.builder()
            .id(ConversationId.of("a/b?c d"))
            .addInteractions(Interaction.builder().id(InteractionId.of("x/y")).build())
            .build();

    ConversationView view = ConversationView.of(odd);

    assertThat(view.openInNebuly()).isEqualTo("/go/conversation/a%2Fb%3Fc%20d");
    assertThat(view.interactions().get(0).openInNebuly()).isEqualTo("/go/interaction/x%2Fy");
  }

  @Test
  void aTinyCostStaysExactInDollarsWhileThePeoplesFormIsRounded() {
    DemoConversation tiny =
        DemoConversations.all().stream()
            .filter(demo -> demo.conversation().cost().orElseThrow().micros().compareTo(BigDecimal.ONE) < 0)
            .findFirst()
            .orElseThrow();
    assertThat(tiny.conversation().cost().orElseThrow().micros()).isEqualByComparingTo("0.125");

    ConversationView view = load(tiny.conversation().id());
    assertThat(view.costMicros()).isEqualTo("0.125");
    assertThat(view.costDollars()).isEqualTo("0.000000125");
    assertThat(view.costFormatted()).isEqualTo("$0.00");
  }

  @Test
  void respondAnswersEveryOutcomeAndNeverFails() throws Exception {
    ConversationViews views = new ConversationViews(DEMO_REPOSITORY);
    Conversation conversation = DemoConversations.all().get(0).conversation();

    assertThat(respond(views, conversation.id().value())).isEqualTo("found " + conversation.id().value());
    assertThat(respond(views, "no-such-conversation")).isEqualTo("failed 404 not-found");
    assertThat(respond(views, "x".repeat(257))).isEqualTo("failed 400 invalid-id");
    assertThat(respond(views, "   ")).isEqualTo("failed 400 invalid-id");

    ConversationRepository refusing =
        id -> CompletableFuture.failedFuture(new NebulyException.Authentication(403, null));
    assertThat(respond(new ConversationViews(refusing), "any"))
        .isEqualTo("failed 502 authentication");
  }

  private static String respond(ConversationViews views, String rawId) throws Exception {
    return views
        .respond(
            rawId,
            view -> "found " + view.id(),
            error -> "failed " + error.status() + " " + error.kind())
        .toCompletableFuture()
        .get(5, TimeUnit.SECONDS);
  }

  private static ConversationView load(ConversationId id) {
    return new ConversationViews(DEMO_REPOSITORY)
        .load(id)
        .toCompletableFuture()
        .join()
        .orElseThrow();
  }
}
