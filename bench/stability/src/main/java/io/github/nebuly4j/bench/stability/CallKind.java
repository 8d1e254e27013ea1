package io.github.nebuly4j.bench.stability;

import io.github.nebuly4j.core.ConversationId;
import io.github.nebuly4j.core.DeepLink;
import io.github.nebuly4j.core.InteractionId;
import io.github.nebuly4j.core.spi.PercentEncoding;
import io.github.nebuly4j.testkit.contract.ContractData;
import io.github.nebuly4j.testkit.server.Endpoint;
import java.net.URI;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/** The three calls of the ports, each with its endpoint and the value the fake server is seeded to answer. */
enum CallKind {
  INTERACTION_LINK(Endpoint.INTERACTION_LINK),
  CONVERSATION_LINK(Endpoint.CONVERSATION_LINK),
  CONVERSATION(Endpoint.CONVERSATION_DETAIL);

  private final Endpoint endpoint;

  CallKind(Endpoint endpoint) {
    this.endpoint = endpoint;
  }

  Endpoint endpoint() {
    return endpoint;
  }

  /** Calls the port for {@code id}; what the stage completes with is the port's business. */
  CompletionStage<?> call(Ports ports, String id) {
    return switch (this) {
      case INTERACTION_LINK -> ports.resolver().interactionLink(InteractionId.of(id));
      case CONVERSATION_LINK -> ports.resolver().conversationLink(ConversationId.of(id));
      case CONVERSATION -> ports.repository().findById(ConversationId.of(id));
    };
  }

  /** What a successful call for a seeded {@code id} must complete with. */
  Object seededValue(String id) {
    return switch (this) {
      case INTERACTION_LINK -> DeepLink.toInteraction(InteractionId.of(id), linkTo(id));
      case CONVERSATION_LINK -> DeepLink.toConversation(ConversationId.of(id), linkTo(id));
      case CONVERSATION -> Optional.of(ContractData.fullConversation(id));
    };
  }

  /** What a call for an id the server does not know completes with, or fails with. */
  String notFoundOutcome() {
    return this == CONVERSATION ? Outcomes.EMPTY : Outcomes.NOT_FOUND;
  }

  /** The link the server is seeded with for {@code id}: unique per id, so a mixed-up answer shows. */
  static URI linkTo(String id) {
    return URI.create("https://v2.platform.eu.nebuly.com/live-activity?stability_id=" + PercentEncoding.encode(id));
  }

  /** A call's identity on the server's side: what it asked and for which id. */
  record CallKey(CallKind kind, String id) {}
}
