package io.github.nebuly4j.testkit.contract;

import io.github.nebuly4j.core.ConversationId;
import io.github.nebuly4j.core.ConversationSummary;
import io.github.nebuly4j.core.InteractionId;
import io.github.nebuly4j.core.InteractionSummary;
import io.github.nebuly4j.core.MicroDollars;
import java.time.Duration;
import java.time.Instant;

/**
 * Sample rows of the listing suites, for users' own tests too: an interaction summary and a
 * conversation summary with every field present. Each method builds fresh, deterministic values
 * from the id and instant it is given.
 */
public final class ListingData {
  private ListingData() {}

  /**
   * Returns an interaction summary with every field present: texts, end user, both timestamps, an
   * exact cost of {@code 12.5} µUSD, a latency exact to the nanosecond, language, topic, sentiment,
   * ordered emotions and tags, feedback.
   *
   * @param id the interaction's id
   * @param at when it started
   * @return the summary
   * @throws IllegalArgumentException if an argument is null or the id is not valid
   */
  public static InteractionSummary fullInteraction(String id, Instant at) {
    return InteractionSummary.builder()
        .id(InteractionId.of(id))
        .conversationId(ConversationId.of("conversation-of-" + id))
        .input("How do I get a refund? (" + id + ")")
        .output("Open Orders, choose the order, then 'Request a refund'.")
        .userQuery("refund")
        .endUser("user-of-" + id)
        .timestamp(at)
        .endTimestamp(at.plusMillis(2_500))
        .cost(MicroDollars.parse("12.5"))
        .latency(Duration.ofNanos(820_000_001))
        .language("en")
        .topic("Refunds")
        .sentiment("negative")
        .addEmotions("frustration", "relief")
        .putTags("channel", "web")
        .putTags("customer_tier", "gold")
        .addFeedback("not helpful")
        .build();
  }

  /**
   * Returns a conversation summary with every metric present: counts, feedback counts, an exact
   * cost of {@code 1523.75} µUSD, latency, a session of 12.345678901 s from {@code at}, ordered
   * topics and tag counts, a sentiment score.
   *
   * @param id the conversation's id
   * @param at when its session started
   * @return the summary
   * @throws IllegalArgumentException if an argument is null or the id is not valid
   */
  public static ConversationSummary fullConversation(String id, Instant at) {
    Duration session = Duration.ofSeconds(12, 345_678_901);
    return ConversationSummary.builder()
        .id(ConversationId.of(id))
        .interactionCount(3)
        .userCount(1)
        .feedbackCount(4)
        .positiveImplicitFeedbackCount(1)
        .negativeImplicitFeedbackCount(2)
        .positiveExplicitFeedbackCount(0)
        .negativeExplicitFeedbackCount(1)
        .cost(MicroDollars.parse("1523.75"))
        .latency(Duration.ofMillis(1_250))
        .sessionTime(session)
        .startSession(at)
        .endSession(at.plus(session))
        .addTopics("Refunds", "Account access")
        .sentimentScore(-0.25)
        .emotionCount(2)
        .putTagValueCounts("channel", 1)
        .putTagValueCounts("customer_tier", 2)
        .build();
  }
}
