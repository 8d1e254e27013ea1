package io.github.nebuly4j.quarkus.it;

import io.github.nebuly4j.testkit.contract.HttpConversationRepositoryContract;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Runs testkit's {@link HttpConversationRepositoryContract} against the injected beans. */
@QuarkusTest
@TestProfile(NebulyTestProfile.class)
class HttpConversationRepositoryContractTest extends QuarkusFakeServerBinding implements HttpConversationRepositoryContract {}
