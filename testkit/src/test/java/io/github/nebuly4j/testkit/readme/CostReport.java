package io.github.nebuly4j.testkit.readme;

import io.github.nebuly4j.core.Conversation;
import io.github.nebuly4j.core.ConversationId;
import io.github.nebuly4j.core.ConversationRepository;
import io.github.nebuly4j.core.MicroDollars;
import java.util.concurrent.CompletableFuture;

/** The application code of the README's in-memory sample: it reads one port. */
final class CostReport {
  private final ConversationRepository conversations;

  CostReport(ConversationRepository conversations) {
    this.conversations = conversations;
  }

  CompletableFuture<String> costOf(ConversationId id) {
    return conversations
        .findById(id)
        .thenApply(found -> found.flatMap(Conversation::cost).map(MicroDollars::formatDollars).orElse("unknown"))
        .toCompletableFuture();
  }
}
