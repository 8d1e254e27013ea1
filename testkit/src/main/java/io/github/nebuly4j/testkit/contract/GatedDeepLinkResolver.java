package io.github.nebuly4j.testkit.contract;

import io.github.nebuly4j.core.ConversationId;
import io.github.nebuly4j.core.DeepLink;
import io.github.nebuly4j.core.DeepLinkResolver;
import io.github.nebuly4j.core.InteractionId;
import io.github.nebuly4j.testkit.fake.InMemoryDeepLinkResolver;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The delegate that {@link CachingDeepLinkResolverContract} hands to the resolver under test: an
 * in-memory resolver answers and records each call, and while the gate is shut every answer waits
 * for {@link #release()}, so that a test can gather callers around one call under way. Every call
 * returns a new stage, kept for the test to see whether the resolver under test cancelled it.
 */
final class GatedDeepLinkResolver implements DeepLinkResolver {
  private final InMemoryDeepLinkResolver answers;
  private final CompletableFuture<Void> gate = new CompletableFuture<>();
  private final List<CompletableFuture<DeepLink>> returned = new CopyOnWriteArrayList<>();

  private GatedDeepLinkResolver(InMemoryDeepLinkResolver answers) {
    this.answers = answers;
  }

  /** A delegate that answers at once. */
  static GatedDeepLinkResolver open(InMemoryDeepLinkResolver answers) {
    GatedDeepLinkResolver delegate = new GatedDeepLinkResolver(answers);
    delegate.release();
    return delegate;
  }

  /** A delegate whose answers wait for {@link #release()}. */
  static GatedDeepLinkResolver shut(InMemoryDeepLinkResolver answers) {
    return new GatedDeepLinkResolver(answers);
  }

  @Override
  public CompletionStage<DeepLink> interactionLink(InteractionId id) {
    return held(answers.interactionLink(id));
  }

  @Override
  public CompletionStage<DeepLink> conversationLink(ConversationId id) {
    return held(answers.conversationLink(id));
  }

  private CompletionStage<DeepLink> held(CompletionStage<DeepLink> answer) {
    CompletableFuture<DeepLink> stage = new CompletableFuture<>();
    returned.add(stage);
    gate.thenRun(
        () ->
            answer.whenComplete(
                (link, failure) -> {
                  if (failure == null) {
                    stage.complete(link);
                  } else {
                    stage.completeExceptionally(failure);
                  }
                }));
    return stage;
  }

  /** Opens the gate: the answers held so far and every later one complete. */
  void release() {
    gate.complete(null);
  }

  /** The in-memory resolver behind the gate, to script failures. */
  InMemoryDeepLinkResolver answers() {
    return answers;
  }

  /** The calls received so far, oldest first. */
  List<InMemoryDeepLinkResolver.Call> calls() {
    return answers.calls();
  }

  /** The number of calls received so far for this id, of either target. */
  long callsFor(String id) {
    return calls().stream().filter(call -> call.id().equals(id)).count();
  }

  /** The stages returned so far, oldest first. */
  List<CompletableFuture<DeepLink>> returned() {
    return List.copyOf(returned);
  }

  @Override
  public String toString() {
    return "GatedDeepLinkResolver[" + answers + (gate.isDone() ? ", open]" : ", shut]");
  }
}
