package io.github.nebuly4j.examples.quarkus;

import io.github.nebuly4j.core.MicroDollars;
import io.github.nebuly4j.examples.demo.DemoConversation;
import io.github.nebuly4j.examples.view.ConversationView;
import io.github.nebuly4j.examples.view.InteractionView;
import io.quarkus.qute.TemplateExtension;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How the pages write times, durations and costs for people. The JSON keeps the exact values; these
 * are only for reading.
 */
@TemplateExtension
final class Formats {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("d MMM uuuu, HH:mm:ss 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);
  private static final BigDecimal MINUTE = BigDecimal.valueOf(60);

  private Formats() {}

  /** When the interaction started, for people. */
  static String startedText(InteractionView interaction) {
    return interaction.timestamp() == null ? "start not reported" : TIME.format(Instant.parse(interaction.timestamp()));
  }

  /** How long the interaction took, for people. */
  static String durationText(InteractionView interaction) {
    return interaction.durationSeconds() == null ? "in progress" : seconds(interaction.durationSeconds());
  }

  /** The CSS class of the interaction's sentiment. */
  static String sentimentClass(InteractionView interaction) {
    String sentiment = interaction.sentiment() == null ? "" : interaction.sentiment().toLowerCase(Locale.ROOT);
    return switch (sentiment) {
      case "positive", "negative", "neutral" -> sentiment;
      default -> "other";
    };
  }

  /** When the session started, for people. */
  static String sessionStartText(ConversationView conversation) {
    return conversation.startSession() == null ? "not reported" : TIME.format(Instant.parse(conversation.startSession()));
  }

  /** How long the session took, for people. */
  static String sessionTimeText(ConversationView conversation) {
    return conversation.sessionTimeSeconds() == null ? "not reported" : seconds(conversation.sessionTimeSeconds());
  }

  /** How many interactions Nebuly flagged. */
  static long flaggedCount(ConversationView conversation) {
    return conversation.interactions().stream().filter(InteractionView::flagged).count();
  }

  /** The demo conversation's id. */
  static String id(DemoConversation demo) {
    return demo.conversation().id().value();
  }

  /** The conversation's cost, for people. */
  static String costText(ConversationView conversation) {
    return conversation.costMicros() == null ? "not reported" : cost(MicroDollars.parse(conversation.costMicros()));
  }

  /** The demo conversation's cost, for people. */
  static String costText(DemoConversation demo) {
    return demo.conversation().cost().map(Formats::cost).orElse("not reported");
  }

  /** How many interactions the demo conversation has. */
  static int interactionCount(DemoConversation demo) {
    return demo.conversation().interactions().size();
  }

  /** Tells whether Nebuly flagged an interaction of the demo conversation. */
  static boolean flagged(DemoConversation demo) {
    return demo.conversation().interactions().stream().anyMatch(interaction -> interaction.hasIssue());
  }

  /** The first input of the demo conversation, as a preview. */
  static String preview(DemoConversation demo) {
    return demo.conversation().interactions().isEmpty() ? "" : demo.conversation().interactions().get(0).input().orElse("");
  }

  /** Dollars rounded to the micro-dollar, except that a cost below half a micro-dollar is not shown as nothing. */
  private static String cost(MicroDollars cost) {
    String dollars = cost.formatDollars();
    return cost.micros().signum() > 0 && new BigDecimal(dollars.substring(1)).signum() == 0 ? "< $0.000001" : dollars;
  }

  private static String seconds(String decimalSeconds) {
    BigDecimal seconds = new BigDecimal(decimalSeconds);
    if (seconds.compareTo(MINUTE) < 0) {
      return seconds.setScale(1, RoundingMode.HALF_UP).toPlainString() + " s";
    }
    BigDecimal[] minutes = seconds.setScale(0, RoundingMode.HALF_UP).divideAndRemainder(MINUTE);
    return minutes[0].toPlainString() + " min " + minutes[1].toPlainString() + " s";
  }
}
