package io.github.nebuly4j.core;

import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Reads conversations from Nebuly, with their interactions, cost, tags and everything else that
 * Nebuly's "get conversation details" reports.
 *
 * <h2>Contract</h2>
 *
 * <ul>
 *   <li><b>Never blocks.</b> A call returns at once and the stage completes later; safe on a Vert.x
 *       event loop or in a reactive endpoint.
 *   <li><b>Found</b>: the stage completes with the conversation, whose {@link Conversation#id()} is
 *       the one asked for, with every interaction Nebuly holds, in order.
 *   <li><b>Not found</b>: when Nebuly has no such conversation in the API key's project, the stage
 *       completes with {@link Optional#empty()}; it does not fail. (Nebuly answers 404 both for a
 *       conversation that does not exist and for one of another project.)
 *   <li><b>Failure</b>: the stage fails with a {@link NebulyException}, after the implementation's
 *       retry policy gave up; never with another exception type, apart from the {@link
 *       java.util.concurrent.CancellationException} of a cancelled call. An answer that cannot be
 *       read fails with {@link NebulyException.MalformedResponse}: nothing is silently dropped or
 *       guessed.
 *   <li><b>Cancellation</b>: cancelling the stage's {@code toCompletableFuture()} abandons the call:
 *       no further retry is scheduled and the HTTP request under way may be aborted.
 *   <li><b>Bad arguments</b>: a null id throws {@link IllegalArgumentException} at once.
 * </ul>
 *
 * <p>Implementations are thread-safe.
 */
public interface ConversationRepository {

  /**
   * Reads one conversation.
   *
   * @param id the conversation
   * @return a stage completing with the conversation, or empty when Nebuly has none with this id
   * @throws IllegalArgumentException if {@code id} is null
   */
  CompletionStage<Optional<Conversation>> findById(ConversationId id);
}
