/**
 * The contract suites that every implementation of nebuly4j's ports passes: the semantic suites
 * {@link io.github.nebuly4j.testkit.contract.DeepLinkResolverContract} and {@link
 * io.github.nebuly4j.testkit.contract.ConversationRepositoryContract}, and for HTTP adapters, through
 * the fake server, {@link io.github.nebuly4j.testkit.contract.HttpAdapterContract}, {@link
 * io.github.nebuly4j.testkit.contract.HttpDeepLinkResolverContract} and {@link
 * io.github.nebuly4j.testkit.contract.HttpConversationRepositoryContract}. Needs JUnit Jupiter
 * (an optional dependency of testkit).
 */
package io.github.nebuly4j.testkit.contract;
