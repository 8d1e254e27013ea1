package io.github.nebuly4j.vertx.contract;

import io.github.nebuly4j.testkit.contract.HttpConversationRepositoryContract;

/** testkit's {@link HttpConversationRepositoryContract}, run against {@code NebulyVertxClient} and the fake server. */
class VertxHttpConversationRepositoryContractTest extends VertxFakeServerBinding implements HttpConversationRepositoryContract {}
