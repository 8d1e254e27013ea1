/**
 * In-memory fakes of nebuly4j's ports, for unit tests with no network: {@link
 * io.github.nebuly4j.testkit.fake.InMemoryDeepLinkResolver} and {@link
 * io.github.nebuly4j.testkit.fake.InMemoryConversationRepository}.
 */
package io.github.nebuly4j.testkit.fake;
