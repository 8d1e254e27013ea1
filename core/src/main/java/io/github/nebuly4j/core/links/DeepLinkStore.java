package io.github.nebuly4j.core.links;

import io.github.nebuly4j.core.LinkTarget;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Where a {@link CachingDeepLinkResolver} keeps the answers its delegate gave: its own bounded
 * memory by default ({@link CachingDeepLinkResolver#wrap(io.github.nebuly4j.core.DeepLinkResolver,
 * DeepLinkCachePolicy)}), or a cache that a framework runs, such as a named Quarkus cache whose
 * backend may be shared by many instances of an application (Redis). The resolver keeps the
 * coalescing of concurrent calls and the cancellation per caller to itself; a store only finds and
 * keeps answers, and decides how long, and how many.
 *
 * <h2>Contract</h2>
 *
 * <ul>
 *   <li>Neither method blocks; each returns a stage, which may be complete already (the resolver
 *       then answers at once, on the caller's thread).
 *   <li>A store decides what to keep: it may drop an answer at once (a {@link KeptAnswer.NotFound}
 *       when it keeps none, say), or later (an expired one, or the least recently used).
 *   <li>A store that fails, by throwing or with a failed stage, is passed by: a failed {@link
 *       #find} counts as "nothing kept", so the delegate is asked, and a failed {@link #keep} keeps
 *       nothing; callers still get the delegate's answer. A store reports its failures itself.
 *   <li>An answer that {@link #keep}'s stage has completed for is found by later {@link #find}s
 *       (until the store drops it): the resolver relies on this to ask the delegate once.
 * </ul>
 *
 * <p>Implementations are thread-safe.
 */
public interface DeepLinkStore {

  /**
   * Finds the answer kept for a target and an id.
   *
   * @param target an interaction or a conversation
   * @param id the interaction's or the conversation's id
   * @return a stage with the kept answer, or empty when none is kept (or it expired)
   */
  CompletionStage<Optional<KeptAnswer>> find(LinkTarget target, String id);

  /**
   * Keeps an answer for a target and an id, or drops it if the store keeps no such answers.
   *
   * @param target an interaction or a conversation
   * @param id the interaction's or the conversation's id
   * @param answer the link, or the {@code NotFound}
   * @return a stage that completes when a later {@link #find} can see the answer
   */
  CompletionStage<?> keep(LinkTarget target, String id, KeptAnswer answer);
}
