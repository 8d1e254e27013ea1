package io.github.nebuly4j.quarkus.it;

import io.github.nebuly4j.testkit.contract.HttpInteractionSearchContract;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Runs testkit's {@link HttpInteractionSearchContract} against the injected beans. */
@QuarkusTest
@TestProfile(NebulyTestProfile.class)
class HttpInteractionSearchContractTest extends QuarkusFakeServerBinding implements HttpInteractionSearchContract {}
