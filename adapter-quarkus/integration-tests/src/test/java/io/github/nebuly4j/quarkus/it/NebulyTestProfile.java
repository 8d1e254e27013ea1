package io.github.nebuly4j.quarkus.it;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;

/**
 * The one profile of every {@code @QuarkusTest} here, so that Quarkus boots once for all of them:
 * the fake server and the {@code nebuly.*} configuration come from {@link FakeServerResource}.
 */
public class NebulyTestProfile implements QuarkusTestProfile {
  @Override
  public List<TestResourceEntry> testResources() {
    return List.of(new TestResourceEntry(FakeServerResource.class));
  }
}
