package io.github.nebuly4j.quarkus.it;

import io.github.nebuly4j.testkit.contract.HttpConversationListingContract;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Runs testkit's {@link HttpConversationListingContract} against the injected beans. */
@QuarkusTest
@TestProfile(NebulyTestProfile.class)
class HttpConversationListingContractTest extends QuarkusFakeServerBinding implements HttpConversationListingContract {}
