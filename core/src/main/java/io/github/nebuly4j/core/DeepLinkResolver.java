package io.github.nebuly4j.core;

import java.util.concurrent.CompletionStage;

/**
 * Resolves links into Nebuly's Live Activity page, so that an application can let its users open
 * an interaction or a conversation in Nebuly.
 *
 * <h2>Contract</h2>
 *
 * <ul>
 *   <li><b>Never blocks.</b> A call returns at once; the work happens elsewhere, and the stage
 *       completes later. It is safe to call from a Vert.x event loop or a reactive endpoint.
 *   <li><b>Success</b>: the stage completes with a {@link DeepLink} whose {@link
 *       DeepLink#target()} and {@link DeepLink#targetId()} are the ones asked for.
 *   <li><b>Not found</b>: when Nebuly has no such interaction or conversation in the API key's
 *       project, the stage fails with {@link NebulyException.NotFound}. An implementation that
 *       builds links without asking Nebuly (see {@code OfflineDeepLinks}) cannot know, and never
 *       fails this way.
 *   <li><b>Failure</b>: the stage fails with a {@link NebulyException}, after the implementation's
 *       retry policy gave up; never with another exception type, apart from the {@link
 *       java.util.concurrent.CancellationException} of a cancelled call.
 *   <li><b>Cancellation</b>: cancelling the stage's {@code toCompletableFuture()} abandons the call:
 *       an implementation stops waiting for the answer, schedules no further retry, and may abort
 *       the HTTP request under way.
 *   <li><b>Bad arguments</b>: a null id throws {@link IllegalArgumentException} at once; ids are
 *       otherwise already valid by construction, and any id reaches Nebuly as one value.
 * </ul>
 *
 * <p>Implementations are thread-safe.
 */
public interface DeepLinkResolver {

  /**
   * Resolves the link that opens one interaction.
   *
   * @param id the interaction
   * @return a stage completing with the link, or failing as the interface's contract says
   * @throws IllegalArgumentException if {@code id} is null
   */
  CompletionStage<DeepLink> interactionLink(InteractionId id);

  /**
   * Resolves the link that opens one conversation.
   *
   * @param id the conversation
   * @return a stage completing with the link, or failing as the interface's contract says
   * @throws IllegalArgumentException if {@code id} is null
   */
  CompletionStage<DeepLink> conversationLink(ConversationId id);
}
