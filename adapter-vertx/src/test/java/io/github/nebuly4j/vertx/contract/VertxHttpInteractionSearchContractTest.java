package io.github.nebuly4j.vertx.contract;

import io.github.nebuly4j.testkit.contract.HttpInteractionSearchContract;

/** testkit's {@link HttpInteractionSearchContract}, run against {@code NebulyVertxClient} and the fake server. */
class VertxHttpInteractionSearchContractTest extends VertxFakeServerBinding implements HttpInteractionSearchContract {}
