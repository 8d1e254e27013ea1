package io.github.nebuly4j.examples.demo;

import io.github.nebuly4j.core.Conversation;
import io.github.nebuly4j.core.Interaction;
import io.github.nebuly4j.testkit.server.NebulyDocuments;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@linkplain DemoConversations demo conversations} as a seed file of the fake Nebuly server
 * ({@code {"conversations": [...], "interaction_links": {...}, "conversation_links": {...}}}): what
 * {@link EmbeddedNebuly} serves, and, written into this module's jar as {@value #RESOURCE} by the
 * build, what the Quarkus viewer's Dev Services serve ({@code quarkus.nebuly.devservices.seed}).
 */
public final class DemoSeed {
  /** The class-path resource the build writes the seed to. */
  public static final String RESOURCE = "nebuly-demo-seed.json";

  private DemoSeed() {}

  /**
   * Returns the seed file's content.
   *
   * @return the JSON text
   */
  public static String json() {
    List<String> conversations = new ArrayList<>();
    Map<String, URI> interactionLinks = new LinkedHashMap<>();
    Map<String, URI> conversationLinks = new LinkedHashMap<>();
    for (DemoConversation demo : DemoConversations.all()) {
      Conversation conversation = demo.conversation();
      conversations.add(NebulyDocuments.conversation(conversation));
      conversationLinks.put(conversation.id().value(), DemoConversations.LINKS.linkTo(conversation.id()).uri());
      for (Interaction interaction : conversation.interactions()) {
        interactionLinks.put(interaction.id().value(), DemoConversations.LINKS.linkTo(interaction.id()).uri());
      }
    }
    return "{\"conversations\": ["
        + String.join(", ", conversations)
        + "], \"interaction_links\": "
        + links(interactionLinks)
        + ", \"conversation_links\": "
        + links(conversationLinks)
        + "}";
  }

  private static String links(Map<String, URI> links) {
    List<String> members = new ArrayList<>();
    // Demo ids and links are plain ASCII without quotes or backslashes: no escaping is needed.
    links.forEach((id, url) -> members.add("\"" + id + "\": \"" + url + "\""));
    return "{" + String.join(", ", members) + "}";
  }

  /**
   * Writes the seed file; the build runs this into the module's classes.
   *
   * @param args the file to write
   * @throws IOException if it cannot be written
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: DemoSeed <file to write>");
    }
    Path file = Path.of(args[0]);
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.writeString(file, json(), StandardCharsets.UTF_8);
  }
}
