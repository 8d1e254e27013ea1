package io.github.nebuly4j.quarkus.it;

import io.github.nebuly4j.testkit.contract.HttpAdapterContract;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Runs testkit's {@link HttpAdapterContract} against the injected beans. */
@QuarkusTest
@TestProfile(NebulyTestProfile.class)
class HttpAdapterContractTest extends QuarkusFakeServerBinding implements HttpAdapterContract {}
