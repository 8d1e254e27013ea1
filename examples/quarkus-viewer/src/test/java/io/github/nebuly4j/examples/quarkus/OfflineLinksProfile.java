package io.github.nebuly4j.examples.quarkus;

import java.util.HashMap;
import java.util.Map;

/** The viewer on the test's own fake Nebuly, with the project and organization ids configured. */
public class OfflineLinksProfile extends ScriptedNebulyProfile {
  /** The configured project. */
  static final String PROJECT_ID = "offline-project";

  /** The configured organization. */
  static final String ORGANIZATION_ID = "offline-organization";

  @Override
  public Map<String, String> getConfigOverrides() {
    Map<String, String> overrides = new HashMap<>(super.getConfigOverrides());
    overrides.put("NEBULY_PROJECT_ID", PROJECT_ID);
    overrides.put("NEBULY_ORGANIZATION_ID", ORGANIZATION_ID);
    return overrides;
  }
}
