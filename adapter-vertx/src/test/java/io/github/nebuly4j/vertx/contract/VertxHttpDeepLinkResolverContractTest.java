package io.github.nebuly4j.vertx.contract;

import io.github.nebuly4j.testkit.contract.HttpDeepLinkResolverContract;

/** testkit's {@link HttpDeepLinkResolverContract}, run against {@code NebulyVertxClient} and the fake server. */
class VertxHttpDeepLinkResolverContractTest extends VertxFakeServerBinding implements HttpDeepLinkResolverContract {}
