/**
 * nebuly4j for Quarkus: inject core's {@code DeepLinkResolver} and {@code ConversationRepository},
 * or {@link io.github.nebuly4j.quarkus.NebulyMutinyClient} for Mutiny, configured by {@code
 * quarkus.nebuly.*}. The calls go through the Quarkus REST Client; in dev and test mode, Dev
 * Services start a fake Nebuly when no API key and no base URL are configured.
 */
package io.github.nebuly4j.quarkus;
