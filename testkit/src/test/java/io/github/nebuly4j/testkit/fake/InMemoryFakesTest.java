package io.github.nebuly4j.testkit.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.nebuly4j.core.Conversation;
import io.github.nebuly4j.core.ConversationId;
import io.github.nebuly4j.core.DeepLink;
import io.github.nebuly4j.core.InteractionId;
import io.github.nebuly4j.core.LinkTarget;
import io.github.nebuly4j.core.NebulyException;
import io.github.nebuly4j.testkit.contract.ContractData;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What the fakes add to the ports' contract: journal, scripted failures, delays. */
class InMemoryFakesTest {
  private static final URI LINK = URI.create("https://example.com/i-1");

  @Test
  void resolverRecordsEveryCallInOrder() throws Exception {
    InMemoryDeepLinkResolver links =
        InMemoryDeepLinkResolver.builder().interactionLink(InteractionId.of("i-1"), LINK).build();

    links.interactionLink(InteractionId.of("i-1")).toCompletableFuture().get(5, TimeUnit.SECONDS);
    links.conversationLink(ConversationId.of("c-9"));
    links.interactionLink(InteractionId.of("i-2"));

    assertThat(links.calls())
        .containsExactly(
            new InMemoryDeepLinkResolver.Call(LinkTarget.INTERACTION, "i-1"),
            new InMemoryDeepLinkResolver.Call(LinkTarget.CONVERSATION, "c-9"),
            new InMemoryDeepLinkResolver.Call(LinkTarget.INTERACTION, "i-2"));
    links.clearCalls();
    assertThat(links.calls()).isEmpty();
  }

  @Test
  void unknownLinkFailsTheStageWithNotFoundNamingTheId() {
    InMemoryDeepLinkResolver links = InMemoryDeepLinkResolver.builder().build();

    CompletableFuture<DeepLink> stage =
        links.conversationLink(ConversationId.of("c-404")).toCompletableFuture();

    assertThatThrownBy(() -> stage.get(5, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isInstanceOf(NebulyException.NotFound.class)
        .hasMessageContaining("conversation 'c-404'");
  }

  @Test
  void scriptedFailuresHitTheNextCallsThenNormalAnswersResume() throws Exception {
    NebulyException outage = new NebulyException.ServiceFailure(503, "down");
    InMemoryConversationRepository repository =
        InMemoryConversationRepository.builder()
            .conversation(ContractData.emptyConversation("c-1"))
            .build()
            .failNextCalls(2, outage);

    for (int i = 0; i < 2; i++) {
      CompletableFuture<Optional<Conversation>> failed =
          repository.findById(ConversationId.of("c-1")).toCompletableFuture();
      assertThatThrownBy(() -> failed.get(5, TimeUnit.SECONDS)).cause().isSameAs(outage);
    }
    assertThat(repository.findById(ConversationId.of("c-1")).toCompletableFuture().get(5, TimeUnit.SECONDS))
        .contains(ContractData.emptyConversation("c-1"));
    assertThat(repository.calls()).hasSize(3).containsOnly(ConversationId.of("c-1"));
  }

  @Test
  void aDelayedAnswerNeverBlocksTheCaller() throws Exception {
    InMemoryDeepLinkResolver links =
        InMemoryDeepLinkResolver.builder()
            .interactionLink(InteractionId.of("i-1"), LINK)
            .build()
            .delayCalls(Duration.ofSeconds(30));
    CompletableFuture<DeepLink> slow = links.interactionLink(InteractionId.of("i-1")).toCompletableFuture();

    assertThat(slow).as("returned at once, answer pending").isNotDone();

    links.delayCalls(Duration.ofMillis(50));
    CompletableFuture<DeepLink> late = links.interactionLink(InteractionId.of("i-1")).toCompletableFuture();
    assertThat(late.get(5, TimeUnit.SECONDS).uri()).isEqualTo(LINK);
    assertThat(slow).isNotDone();
    links.delayCalls(Duration.ZERO);
    assertThat(links.interactionLink(InteractionId.of("i-1")).toCompletableFuture()).isDone();
  }

  @Test
  void aDelayedFailureFailsLate() {
    InMemoryConversationRepository repository =
        InMemoryConversationRepository.builder()
            .build()
            .delayCalls(Duration.ofMillis(20))
            .failNextCalls(1, new NebulyException.Timeout(Duration.ofSeconds(1), null));

    CompletableFuture<Optional<Conversation>> stage =
        repository.findById(ConversationId.of("c")).toCompletableFuture();

    assertThatThrownBy(() -> stage.get(5, TimeUnit.SECONDS))
        .cause()
        .isInstanceOf(NebulyException.Timeout.class);
  }

  @Test
  void conversationsCanBeAddedAndRemovedLater() throws Exception {
    InMemoryConversationRepository repository = InMemoryConversationRepository.builder().build();
    Conversation conversation = ContractData.minimalConversation("later");

    repository.put(conversation);
    assertThat(repository.findById(conversation.id()).toCompletableFuture().get(5, TimeUnit.SECONDS))
        .contains(conversation);
    repository.remove(conversation.id());
    assertThat(repository.findById(conversation.id()).toCompletableFuture().get(5, TimeUnit.SECONDS))
        .isEmpty();
  }

  @Test
  void badArgumentsAreIllegalAndNothingIsRecorded() {
    InMemoryDeepLinkResolver links = InMemoryDeepLinkResolver.builder().build();
    InMemoryConversationRepository repository = InMemoryConversationRepository.builder().build();

    assertThatThrownBy(() -> links.interactionLink(null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> repository.findById(null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> links.failNextCalls(0, new NebulyException.ServiceFailure(500, null)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> repository.failNextCalls(1, null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> repository.delayCalls(Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> InMemoryDeepLinkResolver.builder().interactionLink(InteractionId.of("i"), null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> InMemoryConversationRepository.builder().conversations(null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(links.calls()).isEmpty();
    assertThat(repository.calls()).isEmpty();
    assertThat(List.of(links.toString(), repository.toString())).allMatch(s -> s.contains("InMemory"));
  }
}
