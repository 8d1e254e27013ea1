package io.github.nebuly4j.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConversationTest {

  private static final Instant START = Instant.parse("2024-05-30T09:27:52.420Z");

  static Interaction interaction(String id, long seconds) {
    return Interaction.builder()
        .id(InteractionId.of(id))
        .input("Hi")
        .output("Hello!")
        .timestamp(START)
        .endTimestamp(START.plusSeconds(seconds))
        .build();
  }

  @Test
  void optionalFieldsAreEmptyAndCollectionsAreEmptyWhenNotGiven() {
    Conversation conversation = Conversation.builder().id(ConversationId.of("c1")).build();

    assertThat(conversation.sessionLength()).isEmpty();
    assertThat(conversation.sessionTime()).isEmpty();
    assertThat(conversation.startSession()).isEmpty();
    assertThat(conversation.endSession()).isEmpty();
    assertThat(conversation.cost()).isEmpty();
    assertThat(conversation.costInDollars()).isEmpty();
    assertThat(conversation.tags()).isEmpty();
    assertThat(conversation.emotions()).isEmpty();
    assertThat(conversation.customAggregates()).isEmpty();
    assertThat(conversation.interactions()).isEmpty();
  }

  @Test
  void keepsEveryFieldAndDerivesTheCostInDollars() {
    Map<String, String> tags = new LinkedHashMap<>();
    tags.put("zeta", "1");
    tags.put("alpha", "2");
    Conversation conversation =
        Conversation.builder()
            .id(ConversationId.of("c1"))
            .sessionLength(2)
            .sessionTime(Duration.ofMillis(12_500))
            .startSession(START)
            .endSession(START.plusSeconds(12))
            .cost(MicroDollars.parse("1523.75"))
            .tags(tags)
            .addEmotions("joy", "anger")
            .putCustomAggregates("plan", "pro")
            .addInteractions(interaction("i1", 3), interaction("i2", 4))
            .build();

    assertThat(conversation.sessionLength()).hasValue(2);
    assertThat(conversation.sessionTime()).hasValue(Duration.parse("PT12.5S"));
    assertThat(conversation.costInDollars()).hasValueSatisfying(d -> assertThat(d).isEqualByComparingTo("0.00152375"));
    assertThat(conversation.tags().keySet()).containsExactly("zeta", "alpha");
    assertThat(conversation.emotions()).containsExactly("joy", "anger");
    assertThat(conversation.customAggregates()).containsEntry("plan", "pro");
    assertThat(conversation.interactions()).extracting(i -> i.id().value()).containsExactly("i1", "i2");
    assertThat(conversation).isEqualTo(Conversation.copyOf(conversation)).hasSameHashCodeAs(Conversation.copyOf(conversation));
    assertThat(conversation.withCost(MicroDollars.ZERO)).isNotEqualTo(conversation);
  }

  @Test
  void collectionsCannotBeChangedFromOutside() {
    List<String> emotions = new java.util.ArrayList<>(List.of("joy"));
    Conversation conversation = Conversation.builder().id(ConversationId.of("c1")).emotions(emotions).build();
    emotions.add("fear");

    assertThat(conversation.emotions()).containsExactly("joy");
    assertThatThrownBy(() -> conversation.emotions().add("x")).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> conversation.tags().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void rejectsImpossibleValues() {
    assertThatThrownBy(() -> Conversation.builder().id(ConversationId.of("c")).sessionLength(-1).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("sessionLength must not be negative, got -1");
    assertThatThrownBy(() -> Conversation.builder().id(ConversationId.of("c")).sessionTime(Duration.ofSeconds(-1)).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sessionTime must not be negative");
  }

  @Test
  void missingOrNullAttributesAreNamedNeverANullPointer() {
    assertThatThrownBy(() -> Conversation.builder().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("id");
    assertThatThrownBy(() -> Conversation.builder().id(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("id");
    assertThatThrownBy(() -> Conversation.builder().putTags("k", null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void interactionDerivesItsDurationAndIssues() {
    Interaction plain = interaction("i1", 3);
    assertThat(plain.duration()).contains(Duration.ofSeconds(3));
    assertThat(plain.hasIssue()).isFalse();
    assertThat(plain.userQuery()).isEmpty();
    assertThat(plain.topic()).isEmpty();
    assertThat(plain.sentiment()).isEmpty();

    assertThat(plain.withTypeOfRisk("jailbreak").hasIssue()).isTrue();
    assertThat(plain.withModerationIssue("hate").hasIssue()).isTrue();
    assertThat(plain.withBusinessIssue("churn").hasIssue()).isTrue();
    assertThat(plain.withEndTimestamp(START.minusMillis(1)).duration()).contains(Duration.ofMillis(-1));
  }

  @Test
  void anInteractionInProgressHasNoEndAndNoDuration() {
    Interaction open = Interaction.builder().id(InteractionId.of("i1")).input("Hi").timestamp(START).build();
    assertThat(open.endTimestamp()).isEmpty();
    assertThat(open.output()).isEmpty();
    assertThat(open.duration()).isEmpty();
    Interaction noStart = Interaction.builder().id(InteractionId.of("i2")).endTimestamp(START).build();
    assertThat(noStart.duration()).isEmpty();
    assertThat(noStart.input()).isEmpty();
  }

  @Test
  void aConversationSaysWhatItCouldNotRead() {
    Conversation whole = Conversation.builder().id(ConversationId.of("c1")).build();
    assertThat(whole.isComplete()).isTrue();
    Conversation partial =
        whole.withOmissions(new Omission("conversation[0].topic", "expected a text, found an object"));
    assertThat(partial.isComplete()).isFalse();
    assertThat(partial.omissions()).extracting(Omission::toString)
        .containsExactly("conversation[0].topic: expected a text, found an object");
    assertThatThrownBy(() -> new Omission(" ", "x")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Omission("f", null)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void deepLinksAreAbsoluteHttpUrls() {
    DeepLink link = DeepLink.toInteraction(InteractionId.of("i1"), java.net.URI.create("https://example.com/x"));
    assertThat(link.target()).isEqualTo(LinkTarget.INTERACTION);
    assertThat(link.targetId()).isEqualTo("i1");
    assertThat(DeepLink.toConversation(ConversationId.of("c1"), java.net.URI.create("http://h/x")).target())
        .isEqualTo(LinkTarget.CONVERSATION);

    for (String bad : new String[] {"/relative", "ftp://example.com/x", "mailto:a@b.c", "https:///nohost"}) {
      assertThatThrownBy(() -> DeepLink.toInteraction(InteractionId.of("i1"), java.net.URI.create(bad)))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("a deep link must be an absolute http(s) URL, got '" + bad + "'");
    }
    assertThatThrownBy(() -> DeepLink.toInteraction(null, java.net.URI.create("https://h")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DeepLink.toConversation(null, java.net.URI.create("https://h")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void costOfBigConversationsSumsExactly() {
    BigDecimal total = BigDecimal.ZERO;
    MicroDollars sum = MicroDollars.ZERO;
    for (int i = 0; i < 10; i++) {
      sum = sum.plus(MicroDollars.parse("0.1"));
      total = total.add(new BigDecimal("0.1"));
    }
    assertThat(sum.micros()).isEqualByComparingTo(total).isEqualByComparingTo("1");
  }
}
