package io.github.nebuly4j.quarkus.deployment;

import io.github.nebuly4j.core.ConversationId;

/**
 * Ids of the demo data that testkit's standalone server serves when it is given no seed (testkit's
 * {@code DemoConversations}, which the application under test cannot load: the fake runs beside
 * the build, and testkit is not on the application's class path).
 */
final class DemoIds {
  /** The first demo conversation. */
  static final ConversationId FIRST_CONVERSATION = ConversationId.of("c0a8012e-5f3b-4c1e-9a7d-2b6e8f4d1a01");

  private DemoIds() {}
}
