/**
 * nebuly4j for Quarkus: the ports {@link io.github.nebuly4j.core.DeepLinkResolver} and {@link
 * io.github.nebuly4j.core.ConversationRepository} as CDI beans over Quarkus's managed Vert.x HTTP
 * client, their Mutiny variants in {@link io.github.nebuly4j.quarkus.NebulyMutinyClient}, and the
 * {@code nebuly.*} configuration in {@link io.github.nebuly4j.quarkus.NebulyConfig}.
 *
 * <p>Adding the jar is all the set-up there is: its Jandex index lets Quarkus find the beans and
 * the configuration mapping.
 */
package io.github.nebuly4j.quarkus;
