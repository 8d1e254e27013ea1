package io.github.nebuly4j.testkit.contract;

import io.github.nebuly4j.core.Conversation;
import io.github.nebuly4j.core.ConversationId;
import io.github.nebuly4j.core.Interaction;
import io.github.nebuly4j.core.InteractionId;
import io.github.nebuly4j.core.MicroDollars;
import io.github.nebuly4j.core.OrganizationId;
import io.github.nebuly4j.core.ProjectId;
import io.github.nebuly4j.core.spi.Arguments;
import io.github.nebuly4j.core.links.OfflineDeepLinks;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Sample data of the contract suites, for users' own tests too: conversations with every field,
 * with none, with awkward text, large ones, and ids that need encoding. Every method builds fresh,
 * deterministic values from the id it is given, so two calls with different ids give different
 * conversations.
 */
public final class ContractData {

  /**
   * Ids that an implementation must send as one value: a slash, a dot segment, a space, non-ASCII
   * letters, URL delimiters, an already-encoded slash, a plus, CJK, an emoji.
   */
  public static final List<String> AWKWARD_IDS =
      List.of("a/b", "../x", "x y", "ü", "?&#=", "%2F", "a+b", "日本語", "😀", "a;b=c,d", "~_-.");

  /** When the sample conversations start. */
  public static final Instant START = Instant.parse("2024-05-30T09:27:52.420Z");

  private static final OfflineDeepLinks LINKS =
      OfflineDeepLinks.builder()
          .projectId(ProjectId.of("contract-project"))
          .organizationId(OrganizationId.of("contract-organization"))
          .build();

  private ContractData() {}

  /**
   * Returns a conversation with every documented field present: three interactions, exact cost
   * {@code 1523.75} µUSD, a session time exact to the nanosecond, ordered tags, emotions and custom
   * aggregates, and every optional interaction field on the first interaction.
   *
   * @param id the conversation's id
   * @return the conversation
   * @throws IllegalArgumentException if {@code id} is not a valid conversation id
   */
  public static Conversation fullConversation(String id) {
    ConversationId conversationId = ConversationId.of(id);
    Instant end = START.plus(Duration.ofSeconds(12, 345_678_901));
    return Conversation.builder()
        .id(conversationId)
        .sessionLength(3)
        .sessionTime(Duration.between(START, end))
        .startSession(START)
        .endSession(end)
        .cost(MicroDollars.parse("1523.75"))
        .putTags("channel", "web")
        .putTags("customer_tier", "gold")
        .putTags("a_last_tag", "for " + id)
        .addEmotions("curiosity", "frustration", "relief")
        .putCustomAggregates("resolved", "true")
        .putCustomAggregates("escalations", "2")
        .addInteractions(
            Interaction.builder()
                .id(InteractionId.of(id + "-1"))
                .input("How do I reset my password? (" + id + ")")
                .output("Open Settings, then Security, then choose 'Reset password'.")
                .timestamp(START)
                .endTimestamp(START.plusMillis(4_200))
                .userQuery("reset password")
                .topic("Account access")
                .sentiment("neutral")
                .typeOfRisk("prompt injection")
                .moderationIssue("none detected")
                .businessIssue("password reset friction")
                .build(),
            Interaction.builder()
                .id(InteractionId.of(id + "-2"))
                .input("It says my link expired.")
                .output("Links last 15 minutes; here is a new one.")
                .timestamp(START.plusMillis(5_000))
                .endTimestamp(START.plus(Duration.ofNanos(9_000_000_001L)))
                .topic("Account access")
                .sentiment("negative")
                .build(),
            Interaction.builder()
                .id(InteractionId.of(id + "-3"))
                .input("Thanks!")
                .output("You're welcome.")
                .timestamp(START.plusSeconds(10))
                .endTimestamp(end)
                .build())
        .build();
  }

  /**
   * Returns a conversation whose optional fields are all absent, with one interaction that has only
   * its required fields.
   *
   * @param id the conversation's id
   * @return the conversation
   * @throws IllegalArgumentException if {@code id} is not a valid conversation id
   */
  public static Conversation minimalConversation(String id) {
    return Conversation.builder()
        .id(ConversationId.of(id))
        .addInteractions(
            Interaction.builder()
                .id(InteractionId.of(id + "-only"))
                .input("ping")
                .output("pong")
                .timestamp(START)
                .endTimestamp(START.plusMillis(1))
                .build())
        .build();
  }

  /**
   * Returns a conversation with nothing in it: no interactions, tags, emotions or aggregates, and
   * every optional field absent.
   *
   * @param id the conversation's id
   * @return the conversation
   * @throws IllegalArgumentException if {@code id} is not a valid conversation id
   */
  public static Conversation emptyConversation(String id) {
    return Conversation.builder().id(ConversationId.of(id)).build();
  }

  /**
   * Returns a conversation full of text that breaks naive encodings: emoji (outside the BMP),
   * CJK, right-to-left scripts, combining marks, quotes, backslashes and JSON-looking text.
   *
   * @param id the conversation's id
   * @return the conversation
   * @throws IllegalArgumentException if {@code id} is not a valid conversation id
   */
  public static Conversation unicodeConversation(String id) {
    String mixed =
        "Emoji 😀👍🏽 and 🇮🇹; CJK 日本語の会話と中文对话; Arabic مرحبا بالعالم; Hebrew שלום עולם; "
            + "combining e\u0301 and Z\u0351\u0362; quotes \" ' and \\ backslash; {\"not\": \"json\"}; "
            + "tab\tand newline\nend";
    return Conversation.builder()
        .id(ConversationId.of(id))
        .sessionLength(1)
        .putTags("langue", "français — ça va")
        .putTags("言語", "日本語")
        .putTags("emoji 🎉", "🎉")
        .addEmotions("joie 😀", "حزن")
        .putCustomAggregates("שדה", "ערך")
        .addInteractions(
            Interaction.builder()
                .id(InteractionId.of(id + "-ü"))
                .input(mixed)
                .output(new StringBuilder(mixed).reverse().toString())
                .timestamp(START)
                .endTimestamp(START.plusSeconds(1))
                .userQuery("مرحبا")
                .topic("国际化")
                .sentiment("😐")
                .build())
        .build();
  }

  /**
   * Returns a conversation whose one interaction has an input of about {@code chars} characters
   * of mixed ASCII and multi-byte text, and an output of half that.
   *
   * @param id the conversation's id
   * @param chars the length of the input, at least 1
   * @return the conversation
   * @throws IllegalArgumentException if {@code id} is not valid or {@code chars} is less than 1
   */
  public static Conversation largeTextConversation(String id, int chars) {
    if (chars < 1) {
      throw new IllegalArgumentException("chars must be at least 1, got " + chars);
    }
    String pattern = "Lorem ipsum dolor sit amet, ü é 日本 — ";
    String input = pattern.repeat(chars / pattern.length() + 1).substring(0, chars);
    return Conversation.builder()
        .id(ConversationId.of(id))
        .addInteractions(
            Interaction.builder()
                .id(InteractionId.of(id + "-large"))
                .input(input)
                .output(input.substring(0, Math.max(1, chars / 2)))
                .timestamp(START)
                .endTimestamp(START.plusSeconds(30))
                .build())
        .build();
  }

  /**
   * Returns a conversation of {@code count} interactions, one second apart, with distinct texts and
   * every other one carrying a topic.
   *
   * @param id the conversation's id
   * @param count the number of interactions, at least 0
   * @return the conversation
   * @throws IllegalArgumentException if {@code id} is not valid or {@code count} is negative
   */
  public static Conversation conversationWithInteractions(String id, int count) {
    if (count < 0) {
      throw new IllegalArgumentException("count must not be negative, got " + count);
    }
    List<Interaction> interactions = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      Interaction.Builder interaction =
          Interaction.builder()
              .id(InteractionId.of(id + "-" + i))
              .input("question " + i)
              .output("answer " + i)
              .timestamp(START.plusSeconds(i))
              .endTimestamp(START.plusSeconds(i).plusMillis(500));
      if (i % 2 == 0) {
        interaction.topic("topic " + (i % 7));
      }
      interactions.add(interaction.build());
    }
    return Conversation.builder()
        .id(ConversationId.of(id))
        .sessionLength(count)
        .sessionTime(Duration.ofSeconds(count))
        .startSession(START)
        .endSession(START.plusSeconds(count))
        .cost(MicroDollars.ofMicros(count * 1_000L))
        .addAllInteractions(interactions)
        .build();
  }

  /**
   * Returns the Live Activity link of an interaction, as Nebuly would answer it (built offline for
   * a fixed sample project).
   *
   * @param id the interaction
   * @return the link
   * @throws IllegalArgumentException if {@code id} is null
   */
  public static URI linkTo(InteractionId id) {
    Arguments.requireNonNull(id, "id");
    return LINKS.linkTo(id).uri();
  }

  /**
   * Returns the Live Activity link of a conversation, as Nebuly would answer it.
   *
   * @param id the conversation
   * @return the link
   * @throws IllegalArgumentException if {@code id} is null
   */
  public static URI linkTo(ConversationId id) {
    Arguments.requireNonNull(id, "id");
    return LINKS.linkTo(id).uri();
  }
}
