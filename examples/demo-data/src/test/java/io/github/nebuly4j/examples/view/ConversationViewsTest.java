package io.github.nebuly4j.examples.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.nebuly4j.core.Conversation;
import io.github.nebuly4j.core.ConversationId;
import io.github.nebuly4j.core.ConversationRepository;
import io.github.nebuly4j.core.DeepLink;
import io.github.nebuly4j.core.DeepLinkResolver;
import io.github.nebuly4j.core.InteractionId;
import io.github.nebuly4j.core.NebulyException;
import io.github.nebuly4j.examples.demo.DemoConversation;
import io.github.nebuly4j.examples.demo.DemoConversations;
import java.math.BigDecimal;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ConversationViewsTest {
  private static final ConversationRepository DEMO_REPOSITORY =
      id -> CompletableFuture.completedFuture(DemoConversations.find(id).map(DemoConversation::conversation));

  @Test
  void everyDemoConversationBecomesTheJsonBothViewersSend() throws Exception {
    ConversationViews views = new ConversationViews(DEMO_REPOSITORY, DemoConversations.LINKS);
    ObjectMapper json = new ObjectMapper();
    for (DemoConversation demo : DemoConversations.all()) {
      Conversation conversation = demo.conversation();
      ConversationView view =
          views.load(conversation.id()).toCompletableFuture().get(5, TimeUnit.SECONDS).orElseThrow();
      ConversationJson.assertShows(
          ConversationJson.parse(json.writeValueAsString(view)), conversation, DemoConversations.LINKS);
    }
  }

  @Test
  void anUnknownConversationIsEmptyAndAsksForNoLink() throws Exception {
    RecordingLinks links = new RecordingLinks();
    Optional<ConversationView> view =
        new ConversationViews(DEMO_REPOSITORY, links)
            .load(ConversationId.of("no-such-conversation"))
            .toCompletableFuture()
            .get(5, TimeUnit.SECONDS);
    assertThat(view).isEmpty();
    assertThat(links.pending).isEmpty();
  }

  @Test
  void everyLinkIsRequestedBeforeAnyIsAnswered() throws Exception {
    Conversation conversation = DemoConversations.all().get(0).conversation();
    RecordingLinks links = new RecordingLinks();
    CompletableFuture<Optional<ConversationView>> view =
        new ConversationViews(DEMO_REPOSITORY, links).load(conversation.id()).toCompletableFuture();

    assertThat(links.pending).hasSize(conversation.interactions().size() + 1);
    assertThat(view).isNotDone();
    links.pending.forEach((id, answer) -> answer.complete(linkFor(id)));

    ConversationView loaded = view.get(5, TimeUnit.SECONDS).orElseThrow();
    assertThat(loaded.nebulyLink()).isEqualTo(linkFor(conversation.id().value()).uri().toString());
    assertThat(loaded.interactions())
        .extracting(InteractionView::nebulyLink)
        .containsExactlyElementsOf(
            conversation.interactions().stream()
                .map(interaction -> linkFor(interaction.id().value()).uri().toString())
                .toList());
  }

  @Test
  void aFailingLinkFailsTheLoadWithNebulysError() {
    Conversation conversation = DemoConversations.all().get(0).conversation();
    RecordingLinks links = new RecordingLinks();
    CompletableFuture<Optional<ConversationView>> view =
        new ConversationViews(DEMO_REPOSITORY, links).load(conversation.id()).toCompletableFuture();
    NebulyException.Authentication refused = new NebulyException.Authentication(401, "bad key");
    links.pending.get(conversation.interactions().get(1).id().value()).completeExceptionally(refused);
    links.pending.values().forEach(answer -> answer.complete(linkFor("any")));

    assertThatThrownBy(() -> view.get(5, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .hasRootCause(refused);
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
    ConversationViews views = new ConversationViews(DEMO_REPOSITORY, DemoConversations.LINKS);
    Conversation conversation = DemoConversations.all().get(0).conversation();

    assertThat(respond(views, conversation.id().value())).isEqualTo("found " + conversation.id().value());
    assertThat(respond(views, "no-such-conversation")).isEqualTo("failed 404 not-found");
    assertThat(respond(views, "x".repeat(257))).isEqualTo("failed 400 invalid-id");
    assertThat(respond(views, "   ")).isEqualTo("failed 400 invalid-id");

    ConversationRepository refusing =
        id -> CompletableFuture.failedFuture(new NebulyException.Authentication(403, null));
    assertThat(respond(new ConversationViews(refusing, DemoConversations.LINKS), "any"))
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
    return new ConversationViews(DEMO_REPOSITORY, DemoConversations.LINKS)
        .load(id)
        .toCompletableFuture()
        .join()
        .orElseThrow();
  }

  private static DeepLink linkFor(String id) {
    return DeepLink.toInteraction(InteractionId.of(id), URI.create("https://nebuly.example/" + id));
  }

  /** Answers nothing by itself: a test completes each request, by the id it was for. */
  private static final class RecordingLinks implements DeepLinkResolver {
    final Map<String, CompletableFuture<DeepLink>> pending = new ConcurrentHashMap<>();

    @Override
    public CompletionStage<DeepLink> interactionLink(InteractionId id) {
      return pending.computeIfAbsent(id.value(), key -> new CompletableFuture<>());
    }

    @Override
    public CompletionStage<DeepLink> conversationLink(ConversationId id) {
      return pending.computeIfAbsent(id.value(), key -> new CompletableFuture<>());
    }
  }
}
