/**
 * nebuly4j's domain: the values Nebuly's external API speaks of, the two ports an application
 * uses, and the errors a call may fail with.
 *
 * <ul>
 *   <li>Ports: {@link io.github.nebuly4j.core.DeepLinkResolver} and {@link
 *       io.github.nebuly4j.core.ConversationRepository}; adapters implement them over an HTTP
 *       client, testkit fakes them in memory.
 *   <li>Values: the ids, {@link io.github.nebuly4j.core.MicroDollars}, {@link
 *       io.github.nebuly4j.core.Conversation}, {@link io.github.nebuly4j.core.Interaction} and
 *       {@link io.github.nebuly4j.core.DeepLink}. Optional data is {@link java.util.Optional}, never
 *       null; collections are immutable and never null.
 *   <li>Errors: the sealed {@link io.github.nebuly4j.core.NebulyException}.
 * </ul>
 */
@NebulyStyle
package io.github.nebuly4j.core;

import io.github.nebuly4j.core.internal.NebulyStyle;
