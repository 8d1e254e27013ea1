package io.github.nebuly4j.core;

/** What a {@link DeepLink} opens in Nebuly's Live Activity page. */
public enum LinkTarget {
  /** One interaction, on the page's "interactions" tab. */
  INTERACTION,
  /** One conversation, on the page's "conversations" tab. */
  CONVERSATION
}
