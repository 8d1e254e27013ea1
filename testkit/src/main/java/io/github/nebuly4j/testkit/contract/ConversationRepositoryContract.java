package io.github.nebuly4j.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.nebuly4j.core.Conversation;
import io.github.nebuly4j.core.ConversationId;
import io.github.nebuly4j.core.ConversationRepository;
import io.github.nebuly4j.core.Interaction;
import io.github.nebuly4j.core.MicroDollars;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.Test;

/**
 * The meaning of {@link ConversationRepository}, for every implementation: a test class implements
 * this interface by giving {@link #repositoryWith} and inherits the tests.
 *
 * <p>It checks that a conversation arrives equal to the one seeded, field by field (every
 * documented field, absent optionals, an empty conversation, unicode, 200 KB of text, 5,000
 * interactions), that an unknown id is {@link Optional#empty()}, that awkward ids work, that 200
 * concurrent calls each get their own conversation, and that a null id is thrown at once. Sample
 * data comes from {@link ContractData}.
 */
public interface ConversationRepositoryContract {

  /**
   * Returns the implementation under test, holding exactly these conversations.
   *
   * @param conversations the conversations
   * @return the repository
   */
  ConversationRepository repositoryWith(Collection<Conversation> conversations);

  /** The conversation asked for, among others, arrives equal to the one seeded. */
  @Test
  default void findsTheConversationAskedFor() {
    Conversation wanted = ContractData.fullConversation("conversation-wanted");
    ConversationRepository repository =
        repositoryWith(
            List.of(
                ContractData.fullConversation("conversation-before"),
                wanted,
                ContractData.fullConversation("conversation-after")));

    assertEquals(Optional.of(wanted), find(repository, wanted.id()));
  }

  /** Each documented field arrives with its value, type and order. */
  @Test
  default void everyDocumentedFieldArrives() {
    Conversation seeded = ContractData.fullConversation("every-field");
    Conversation found = find(repository(seeded), seeded.id()).orElseThrow();

    Interaction expected = seeded.interactions().get(0);
    Interaction actual = found.interactions().get(0);
    List<Executable> checks = new ArrayList<>();
    checks.add(() -> assertEquals(seeded.id(), found.id(), "id"));
    checks.add(() -> assertEquals(seeded.sessionLength(), found.sessionLength(), "session_length"));
    checks.add(() -> assertEquals(seeded.sessionTime(), found.sessionTime(), "session_time"));
    checks.add(() -> assertEquals(seeded.startSession(), found.startSession(), "start_session"));
    checks.add(() -> assertEquals(seeded.endSession(), found.endSession(), "end_session"));
    checks.add(() -> assertEquals(seeded.cost(), found.cost(), "cost"));
    checks.add(() -> assertEquals(seeded.tags(), found.tags(), "tags"));
    checks.add(
        () ->
            assertEquals(
                List.copyOf(seeded.tags().keySet()),
                List.copyOf(found.tags().keySet()),
                "tags keep Nebuly's order"));
    checks.add(() -> assertEquals(seeded.emotions(), found.emotions(), "emotions"));
    checks.add(
        () -> assertEquals(seeded.customAggregates(), found.customAggregates(), "custom_aggregates"));
    checks.add(
        () ->
            assertEquals(
                seeded.interactions().size(), found.interactions().size(), "conversation size"));
    checks.add(() -> assertEquals(expected.id(), actual.id(), "conversation[0].id"));
    checks.add(() -> assertEquals(expected.input(), actual.input(), "conversation[0].input"));
    checks.add(() -> assertEquals(expected.output(), actual.output(), "conversation[0].output"));
    checks.add(
        () -> assertEquals(expected.timestamp(), actual.timestamp(), "conversation[0].timestamp"));
    checks.add(
        () ->
            assertEquals(
                expected.endTimestamp(), actual.endTimestamp(), "conversation[0].end_timestamp"));
    checks.add(
        () -> assertEquals(expected.userQuery(), actual.userQuery(), "conversation[0].user_query"));
    checks.add(() -> assertEquals(expected.topic(), actual.topic(), "conversation[0].topic"));
    checks.add(
        () -> assertEquals(expected.sentiment(), actual.sentiment(), "conversation[0].sentiment"));
    checks.add(
        () ->
            assertEquals(
                expected.typeOfRisk(), actual.typeOfRisk(), "conversation[0].type_of_risk"));
    checks.add(
        () ->
            assertEquals(
                expected.moderationIssue(),
                actual.moderationIssue(),
                "conversation[0].moderation_issue"));
    checks.add(
        () ->
            assertEquals(
                expected.businessIssue(), actual.businessIssue(), "conversation[0].business_issue"));
    checks.add(
        () ->
            assertEquals(
                Optional.of(MicroDollars.parse("1523.75")), found.cost(), "cost is exact"));
    checks.add(
        () ->
            assertEquals(
                Optional.of(Duration.ofSeconds(12, 345_678_901)),
                found.sessionTime(),
                "session_time is exact to the nanosecond"));
    checks.add(() -> assertEquals(seeded, found, "the whole conversation"));
    assertAll(checks);
  }

  /** An unknown id completes with Optional.empty(); it does not fail. */
  @Test
  default void unknownConversationIsEmpty() {
    ConversationRepository repository =
        repositoryWith(List.of(ContractData.fullConversation("known")));

    CompletionStage<Optional<Conversation>> stage =
        assertDoesNotThrow(() -> repository.findById(ConversationId.of("unknown")));
    assertEquals(Optional.empty(), Stages.await(stage, "findById(unknown)"));
  }

  /** Absent optional fields stay absent; nothing is invented. */
  @Test
  default void absentOptionalFieldsStayAbsent() {
    Conversation minimal = ContractData.minimalConversation("minimal");
    Conversation found = find(repository(minimal), minimal.id()).orElseThrow();

    Interaction only = found.interactions().get(0);
    assertAll(
        () -> assertTrue(found.sessionLength().isEmpty(), "session_length"),
        () -> assertTrue(found.sessionTime().isEmpty(), "session_time"),
        () -> assertTrue(found.startSession().isEmpty(), "start_session"),
        () -> assertTrue(found.endSession().isEmpty(), "end_session"),
        () -> assertTrue(found.cost().isEmpty(), "cost"),
        () -> assertTrue(only.userQuery().isEmpty(), "user_query"),
        () -> assertTrue(only.topic().isEmpty(), "topic"),
        () -> assertTrue(only.sentiment().isEmpty(), "sentiment"),
        () -> assertTrue(only.typeOfRisk().isEmpty(), "type_of_risk"),
        () -> assertTrue(only.moderationIssue().isEmpty(), "moderation_issue"),
        () -> assertTrue(only.businessIssue().isEmpty(), "business_issue"),
        () -> assertEquals(minimal, found, "the whole conversation"));
  }

  /** A conversation with no interactions, tags, emotions or aggregates arrives as such. */
  @Test
  default void emptyConversationArrivesEmpty() {
    Conversation empty = ContractData.emptyConversation("empty");

    assertEquals(Optional.of(empty), find(repository(empty), empty.id()));
  }

  /** Emoji, CJK, right-to-left text and escapes arrive unchanged. */
  @Test
  default void unicodeTextArrivesUnchanged() {
    Conversation unicode = ContractData.unicodeConversation("unicode-😀-日本");

    assertEquals(Optional.of(unicode), find(repository(unicode), unicode.id()));
  }

  /** An input of 200 KB arrives whole. */
  @Test
  default void largeTextsArriveWhole() {
    Conversation large = ContractData.largeTextConversation("large", 200 * 1024);

    assertEquals(Optional.of(large), find(repository(large), large.id()));
  }

  /** Ids with slashes, dots, spaces, delimiters and non-ASCII text each find their conversation. */
  @Test
  default void idsThatNeedEncodingFindTheirConversation() {
    List<Conversation> conversations = new ArrayList<>();
    for (String id : ContractData.AWKWARD_IDS) {
      conversations.add(ContractData.fullConversation(id));
    }
    ConversationRepository repository = repositoryWith(conversations);

    for (Conversation conversation : conversations) {
      assertEquals(
          Optional.of(conversation),
          find(repository, conversation.id()),
          "conversation id '" + conversation.id().value() + "'");
    }
  }

  /** A conversation of 5,000 interactions arrives whole and in order. */
  @Test
  default void fiveThousandInteractionsArriveInOrder() {
    Conversation big = ContractData.conversationWithInteractions("five-thousand", 5_000);

    Conversation found =
        Stages.await(repository(big).findById(big.id()), Stages.HEAVY, "findById(five-thousand)")
            .orElseThrow();
    assertEquals(5_000, found.interactions().size(), "number of interactions");
    assertEquals(big, found);
  }

  /** 200 calls in flight at once each get their own conversation. */
  @Test
  default void concurrentCallsEachGetTheirOwnConversation() {
    List<Conversation> conversations = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      conversations.add(ContractData.fullConversation("concurrent-" + i));
    }
    ConversationRepository repository = repositoryWith(conversations);

    List<CompletionStage<Optional<Conversation>>> stages = new ArrayList<>();
    for (Conversation conversation : conversations) {
      stages.add(repository.findById(conversation.id()));
    }
    for (int i = 0; i < stages.size(); i++) {
      assertEquals(
          Optional.of(conversations.get(i)),
          Stages.await(stages.get(i), Stages.HEAVY, "concurrent call " + i),
          "concurrent call " + i);
    }
  }

  /** A null id is a bug of the caller: IllegalArgumentException, thrown by the call itself. */
  @Test
  default void nullIdThrowsIllegalArgumentExceptionAtOnce() {
    ConversationRepository repository = repositoryWith(List.of());

    assertThrows(IllegalArgumentException.class, () -> repository.findById(null));
  }

  private ConversationRepository repository(Conversation conversation) {
    return repositoryWith(List.of(ContractData.fullConversation("a-decoy"), conversation));
  }

  private static Optional<Conversation> find(ConversationRepository repository, ConversationId id) {
    return Stages.await(repository.findById(id), "findById(" + id + ")");
  }
}
