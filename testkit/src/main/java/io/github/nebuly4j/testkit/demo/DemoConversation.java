package io.github.nebuly4j.testkit.demo;

import io.github.nebuly4j.core.Conversation;
import io.github.nebuly4j.core.spi.Arguments;

/**
 * One demo conversation with what a start page says about it.
 *
 * @param title a short description for a list of conversations
 * @param language the language the conversation is held in, named in itself and in English
 * @param conversation the conversation, as the embedded fake Nebuly serves it
 */
public record DemoConversation(String title, String language, Conversation conversation) {
  /**
   * Checks the arguments.
   *
   * @throws IllegalArgumentException if an argument is null
   */
  public DemoConversation {
    Arguments.requireNonNull(title, "title");
    Arguments.requireNonNull(language, "language");
    Arguments.requireNonNull(conversation, "conversation");
  }
}
