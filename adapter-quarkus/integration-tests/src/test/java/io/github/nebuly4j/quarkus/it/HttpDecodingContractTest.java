package io.github.nebuly4j.quarkus.it;

import io.github.nebuly4j.testkit.contract.HttpDecodingContract;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Runs testkit's decoding corpus ({@link HttpDecodingContract}) against the injected beans. */
@QuarkusTest
@TestProfile(NebulyTestProfile.class)
class HttpDecodingContractTest extends QuarkusFakeServerBinding implements HttpDecodingContract {}
