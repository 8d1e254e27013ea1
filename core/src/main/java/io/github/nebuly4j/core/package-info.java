/**
 * nebuly4j's domain: the values Nebuly's external API speaks of, the ports an application uses,
 * and the errors a call may fail with.
 *
 * <ul>
 *   <li>Ports: {@link io.github.nebuly4j.core.DeepLinkResolver}, {@link
 *       io.github.nebuly4j.core.ConversationRepository}, and the listing ports {@link
 *       io.github.nebuly4j.core.InteractionSearch} and {@link
 *       io.github.nebuly4j.core.ConversationListing}; adapters implement them over an HTTP
 *       client, testkit fakes them in memory.
 *   <li>Values: the ids, {@link io.github.nebuly4j.core.MicroDollars}, {@link
 *       io.github.nebuly4j.core.Conversation}, {@link io.github.nebuly4j.core.Interaction} and
 *       {@link io.github.nebuly4j.core.DeepLink}; for listings, the queries ({@link
 *       io.github.nebuly4j.core.InteractionQuery}, {@link io.github.nebuly4j.core.ConversationQuery},
 *       with {@link io.github.nebuly4j.core.TimeRange} and {@link
 *       io.github.nebuly4j.core.ListingFilter}), the rows ({@link
 *       io.github.nebuly4j.core.InteractionSummary}, {@link
 *       io.github.nebuly4j.core.ConversationSummary}) and {@link io.github.nebuly4j.core.Page}.
 *       Optional data is {@link java.util.Optional}, never null; collections are immutable and
 *       never null.
 *   <li>Paging: {@link io.github.nebuly4j.core.PagedPublisher}, the one lazy stream of pages behind
 *       every listing port.
 *   <li>Errors: the sealed {@link io.github.nebuly4j.core.NebulyException}.
 * </ul>
 */
@NebulyStyle
package io.github.nebuly4j.core;

import io.github.nebuly4j.core.internal.NebulyStyle;
