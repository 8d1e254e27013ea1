package io.github.nebuly4j.testkit.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nebuly4j.core.Conversation;
import io.github.nebuly4j.core.Interaction;
import io.github.nebuly4j.core.MicroDollars;
import java.lang.Character.UnicodeScript;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DemoConversationsTest {
  private static final List<Conversation> CONVERSATIONS =
      DemoConversations.all().stream().map(DemoConversation::conversation).toList();

  @Test
  void everyIdIsUniqueAndFindable() {
    Set<String> ids = new HashSet<>();
    for (Conversation conversation : CONVERSATIONS) {
      assertThat(ids.add(conversation.id().value())).isTrue();
      conversation.interactions().forEach(interaction -> assertThat(ids.add(interaction.id().value())).isTrue());
      assertThat(DemoConversations.find(conversation.id()).orElseThrow().conversation()).isSameAs(conversation);
    }
  }

  @Test
  void sessionFiguresAgreeWithTheInteractions() {
    for (Conversation conversation : CONVERSATIONS) {
      List<Interaction> interactions = conversation.interactions();
      assertThat(conversation.sessionLength().getAsInt()).isEqualTo(interactions.size());
      assertThat(conversation.startSession()).isEqualTo(interactions.get(0).timestamp());
      assertThat(conversation.endSession()).isEqualTo(interactions.get(interactions.size() - 1).endTimestamp());
      assertThat(conversation.sessionTime())
          .contains(Duration.between(conversation.startSession().orElseThrow(), conversation.endSession().orElseThrow()));
      for (int i = 1; i < interactions.size(); i++) {
        assertThat(interactions.get(i).timestamp().orElseThrow()).isAfter(interactions.get(i - 1).endTimestamp().orElseThrow());
      }
    }
  }

  @Test
  void theDemoShowsWhatAViewerMustHandle() {
    Set<UnicodeScript> scripts = new HashSet<>();
    CONVERSATIONS.forEach(
        conversation ->
            conversation.interactions().forEach(interaction -> interaction.input().orElseThrow().codePoints().filter(Character::isLetter).forEach(c -> scripts.add(UnicodeScript.of(c)))));
    assertThat(scripts).contains(UnicodeScript.LATIN, UnicodeScript.HAN, UnicodeScript.ARABIC, UnicodeScript.DEVANAGARI);

    assertThat(CONVERSATIONS.stream().flatMap(c -> c.interactions().stream()).filter(Interaction::hasIssue)).isNotEmpty();
    assertThat(CONVERSATIONS.stream().filter(c -> c.tags().isEmpty() && c.emotions().isEmpty())).isNotEmpty();
    assertThat(CONVERSATIONS.stream().filter(c -> !c.customAggregates().isEmpty())).isNotEmpty();

    List<BigDecimal> costs = CONVERSATIONS.stream().map(c -> c.cost().orElseThrow()).map(MicroDollars::micros).sorted().toList();
    assertThat(costs.get(costs.size() - 1).divide(costs.get(0)))
        .as("costs of very different magnitudes")
        .isGreaterThan(BigDecimal.valueOf(1_000_000));
  }
}
