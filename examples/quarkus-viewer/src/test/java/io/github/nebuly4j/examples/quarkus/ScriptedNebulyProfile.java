package io.github.nebuly4j.examples.quarkus;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/** The viewer on the test's own {@link EmbeddedNebulyResource}, with Dev Services off. */
public class ScriptedNebulyProfile implements QuarkusTestProfile {
  @Override
  public Map<String, String> getConfigOverrides() {
    return Map.of("quarkus.nebuly.devservices.enabled", "false");
  }

  @Override
  public List<TestResourceEntry> testResources() {
    return List.of(new TestResourceEntry(EmbeddedNebulyResource.class));
  }
}
