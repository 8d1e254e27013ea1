package io.github.nebuly4j.quarkus.it;

import io.github.nebuly4j.testkit.contract.HttpDeepLinkResolverContract;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Runs testkit's {@link HttpDeepLinkResolverContract} against the injected beans. */
@QuarkusTest
@TestProfile(NebulyTestProfile.class)
class HttpDeepLinkResolverContractTest extends QuarkusFakeServerBinding implements HttpDeepLinkResolverContract {}
