package io.github.nebuly4j.quarkus.it;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;

/** The fake server, reached through a proxy of the proxy registry, with request logging on. */
public class ProxyAndLoggingProfile implements QuarkusTestProfile {
  @Override
  public List<TestResourceEntry> testResources() {
    return List.of(new TestResourceEntry(FakeServerResource.class), new TestResourceEntry(ProxyAndLoggingResource.class));
  }
}
