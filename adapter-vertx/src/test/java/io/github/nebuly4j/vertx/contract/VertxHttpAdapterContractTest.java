package io.github.nebuly4j.vertx.contract;

import io.github.nebuly4j.testkit.contract.HttpAdapterContract;

/** testkit's {@link HttpAdapterContract}, run against {@code NebulyVertxClient} and the fake server. */
class VertxHttpAdapterContractTest extends VertxFakeServerBinding implements HttpAdapterContract {}
