package io.github.nebuly4j.bench.load;

import io.github.nebuly4j.bench.fixture.Fixtures;
import io.github.nebuly4j.core.ConversationId;
import io.github.nebuly4j.core.ConversationRepository;
import io.github.nebuly4j.core.DeepLinkResolver;
import io.github.nebuly4j.core.InteractionId;
import java.util.concurrent.CompletionStage;

/** One call of a workload through nebuly4j's ports: what every adapter's load client sends. */
public final class PortCalls {
  private static final ConversationId CONVERSATION = ConversationId.of(Fixtures.CONVERSATION_ID);
  private static final InteractionId INTERACTION = InteractionId.of(Fixtures.INTERACTION_ID);

  private PortCalls() {}

  /**
   * Sends one call of {@code workload}.
   *
   * @param workload what to ask for
   * @param links the adapter's resolver
   * @param conversations the adapter's repository
   * @return the call's stage; a conversation the server does not know fails it
   */
  public static CompletionStage<?> call(
      Workload workload, DeepLinkResolver links, ConversationRepository conversations) {
    switch (workload) {
      case CONVERSATION:
        return conversations
            .findById(CONVERSATION)
            .thenApply(found -> found.orElseThrow(() -> new IllegalStateException("conversation not found")));
      case INTERACTION_LINK:
        return links.interactionLink(INTERACTION);
      case CONVERSATION_LINK:
        return links.conversationLink(CONVERSATION);
      default:
        throw new IllegalArgumentException("unknown workload " + workload);
    }
  }
}
