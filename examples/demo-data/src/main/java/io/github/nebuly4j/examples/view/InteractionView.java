package io.github.nebuly4j.examples.view;

import io.github.nebuly4j.core.Interaction;
import java.util.Locale;

/**
 * One interaction as the viewers show it and send it as JSON: instants as ISO-8601 text, the
 * duration as an exact decimal number of seconds, absent values as null. Its methods without a
 * component are what the page writes for people.
 *
 * @param id the interaction's id
 * @param input the user's input, or null
 * @param output the assistant's output, or null
 * @param userQuery the user query Nebuly extracted, or null
 * @param timestamp when the interaction started, ISO-8601, or null
 * @param endTimestamp when it ended, ISO-8601, or null (still in progress)
 * @param durationSeconds how long it took, in seconds, as an exact decimal, or null
 * @param topic the topic, or null
 * @param sentiment the sentiment, or null
 * @param typeOfRisk the type of risk Nebuly detected, or null
 * @param moderationIssue the moderation issue Nebuly detected, or null
 * @param businessIssue the business issue Nebuly detected, or null
 * @param flagged whether Nebuly detected any risk or issue
 * @param openInNebuly the viewer's path that opens the interaction in Nebuly ({@link NebulyRoutes})
 */
public record InteractionView(
    String id,
    String input,
    String output,
    String userQuery,
    String timestamp,
    String endTimestamp,
    String durationSeconds,
    String topic,
    String sentiment,
    String typeOfRisk,
    String moderationIssue,
    String businessIssue,
    boolean flagged,
    String openInNebuly) {

  /**
   * Returns the view of an interaction.
   *
   * @param interaction the interaction
   * @return the view
   */
  public static InteractionView of(Interaction interaction) {
    return new InteractionView(
        interaction.id().value(),
        interaction.input().orElse(null),
        interaction.output().orElse(null),
        interaction.userQuery().orElse(null),
        interaction.timestamp().map(Object::toString).orElse(null),
        interaction.endTimestamp().map(Object::toString).orElse(null),
        interaction.duration().map(Decimals::seconds).orElse(null),
        interaction.topic().orElse(null),
        interaction.sentiment().orElse(null),
        interaction.typeOfRisk().orElse(null),
        interaction.moderationIssue().orElse(null),
        interaction.businessIssue().orElse(null),
        interaction.hasIssue(),
        NebulyRoutes.interaction(interaction.id()));
  }

  /**
   * When the interaction started, for people.
   *
   * @return such as {@code 30 May 2026, 09:27:52 UTC}, or {@code start not reported}
   */
  public String startedText() {
    return Texts.time(timestamp, "start not reported");
  }

  /**
   * How long the interaction took, for people.
   *
   * @return such as {@code 2.3 s}, or {@code in progress}
   */
  public String durationText() {
    return durationSeconds == null ? "in progress" : Texts.seconds(durationSeconds);
  }

  /**
   * The CSS class of the sentiment.
   *
   * @return {@code positive}, {@code negative}, {@code neutral} or {@code other}
   */
  public String sentimentClass() {
    String lower = sentiment == null ? "" : sentiment.toLowerCase(Locale.ROOT);
    return switch (lower) {
      case "positive", "negative", "neutral" -> lower;
      default -> "other";
    };
  }
}
