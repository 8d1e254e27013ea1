package io.github.nebuly4j.quarkus.it;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** A second test class with {@link DevServicesRemoteControlTest}'s configuration: it shares its fake. */
@QuarkusTest
@TestProfile(DevServicesProfile.class)
class DevServicesSharingTest extends DevServicesTestClass {}
