package io.github.nebuly4j.vertx.contract;

import io.github.nebuly4j.testkit.contract.HttpDecodingContract;

/** testkit's decoding corpus ({@link HttpDecodingContract}), run against {@code NebulyVertxClient} and the fake server. */
class VertxHttpDecodingContractTest extends VertxFakeServerBinding implements HttpDecodingContract {}
