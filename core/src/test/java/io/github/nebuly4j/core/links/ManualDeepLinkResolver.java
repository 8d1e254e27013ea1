package io.github.nebuly4j.core.links;

import io.github.nebuly4j.core.ConversationId;
import io.github.nebuly4j.core.DeepLink;
import io.github.nebuly4j.core.DeepLinkResolver;
import io.github.nebuly4j.core.InteractionId;
import io.github.nebuly4j.core.LinkTarget;
import io.github.nebuly4j.core.NebulyException;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A delegate whose every call returns a new, incomplete stage that the test completes by hand, and
 * that remembers each call in order.
 */
final class ManualDeepLinkResolver implements DeepLinkResolver {

  /** One call of the delegate and the stage it returned. */
  record Call(LinkTarget target, String id, CompletableFuture<DeepLink> stage) {
    /** Completes the stage with this id's link. */
    void answer() {
      stage.complete(linkFor(target, id));
    }

    void fail(NebulyException failure) {
      stage.completeExceptionally(failure);
    }
  }

  private final List<Call> calls = new CopyOnWriteArrayList<>();

  static DeepLink linkFor(LinkTarget target, String id) {
    URI uri = URI.create("https://nebuly.example/" + target.name().toLowerCase(java.util.Locale.ROOT) + "/" + id);
    return target == LinkTarget.INTERACTION
        ? DeepLink.toInteraction(InteractionId.of(id), uri)
        : DeepLink.toConversation(ConversationId.of(id), uri);
  }

  @Override
  public CompletionStage<DeepLink> interactionLink(InteractionId id) {
    return record(LinkTarget.INTERACTION, id.value());
  }

  @Override
  public CompletionStage<DeepLink> conversationLink(ConversationId id) {
    return record(LinkTarget.CONVERSATION, id.value());
  }

  private CompletionStage<DeepLink> record(LinkTarget target, String id) {
    Call call = new Call(target, id, new CompletableFuture<>());
    calls.add(call);
    return call.stage();
  }

  List<Call> calls() {
    return List.copyOf(calls);
  }

  Call last() {
    return calls.get(calls.size() - 1);
  }

  @Override
  public String toString() {
    return "ManualDeepLinkResolver";
  }
}
