package io.github.nebuly4j.quarkus.deployment;

import io.github.nebuly4j.core.ConversationId;

/** Ids of the demo data that testkit's standalone server serves when it is given no seed. */
final class DemoIds {
  /** The first demo conversation. */
  static final ConversationId FIRST_CONVERSATION = ConversationId.of("3f2b6c1e-8a4d-4e57-9b1a-2c7d5e9f0a11");

  private DemoIds() {}
}
