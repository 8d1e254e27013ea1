package io.github.nebuly4j.vertx.contract;

import io.github.nebuly4j.testkit.contract.HttpConversationListingContract;

/** testkit's {@link HttpConversationListingContract}, run against {@code NebulyVertxClient} and the fake server. */
class VertxHttpConversationListingContractTest extends VertxFakeServerBinding implements HttpConversationListingContract {}
