package io.github.nebuly4j.wire;

import io.github.nebuly4j.core.Conversation;
import io.github.nebuly4j.core.ConversationId;
import io.github.nebuly4j.core.ConversationSummary;
import io.github.nebuly4j.core.Interaction;
import io.github.nebuly4j.core.InteractionSummary;
import io.github.nebuly4j.core.MicroDollars;
import io.github.nebuly4j.core.Omission;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.mapstruct.Context;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.ReportingPolicy;

/**
 * The MapStruct mapper from the documents, as read, to the domain, through the Immutables builders
 * (MapStruct recognizes them because Immutables' annotations are on the compile class path). Every
 * value was decoded and checked while it was read; what is left is the wire document's rule of
 * absence: a null component is an empty {@code Optional}, map or list, except where the domain
 * cannot do without the field (the interactions, each interaction and its id), which fails the
 * answer naming the field. A listing's rows are mapped one by one, each with the omissions found
 * inside it ({@link ListingPages} checks the page and its rows' ids first).
 */
@Mapper(unmappedTargetPolicy = ReportingPolicy.ERROR, unmappedSourcePolicy = ReportingPolicy.ERROR)
abstract class DocumentMapper {

  /**
   * Maps a conversation document.
   *
   * @param document the document as read
   * @param id the conversation that was asked for: it is the conversation's id
   * @param problems what went wrong while it was read: the omissions, or what names a missing field
   * @throws io.github.nebuly4j.core.NebulyException.MalformedResponse naming the interactions, an
   *     interaction or an interaction's id when it is missing
   */
  @Mapping(target = "id", source = "id")
  @Mapping(target = "interactions", source = "document.conversation")
  @Mapping(target = "omissions", expression = "java(problems.omissions())")
  abstract Conversation toConversation(
      ConversationDocument document, ConversationId id, @Context FieldProblems problems);

  abstract Interaction toInteraction(InteractionDocument document);

  /**
   * Maps a row of {@code get-interactions}.
   *
   * @param document the row as read; its id is present
   * @param omissions what could not be read inside it, with paths relative to the row
   */
  @Mapping(target = "input", source = "document.inputText")
  @Mapping(target = "output", source = "document.outputText")
  @Mapping(target = "omissions", source = "omissions")
  abstract InteractionSummary toInteractionSummary(InteractionRowDocument document, List<Omission> omissions);

  /**
   * Maps a row of {@code get-interaction-aggregates} grouped by conversation.
   *
   * @param document the row as read; its group name is present
   * @param omissions what could not be read inside it, with paths relative to the row
   */
  @Mapping(target = "id", source = "document.groupName")
  @Mapping(target = "interactionCount", source = "document.interactions")
  @Mapping(target = "userCount", source = "document.users")
  @Mapping(target = "feedbackCount", source = "document.feedback")
  @Mapping(target = "positiveImplicitFeedbackCount", source = "document.positiveImplicitFeedback")
  @Mapping(target = "negativeImplicitFeedbackCount", source = "document.negativeImplicitFeedback")
  @Mapping(target = "positiveExplicitFeedbackCount", source = "document.positiveExplicitFeedback")
  @Mapping(target = "negativeExplicitFeedbackCount", source = "document.negativeExplicitFeedback")
  @Mapping(target = "latency", source = "document.latencySeconds")
  @Mapping(target = "emotionCount", source = "document.emotions")
  @Mapping(target = "tagValueCounts", source = "document.tags")
  @Mapping(target = "omissions", source = "omissions")
  abstract ConversationSummary toConversationSummary(ConversationRowDocument document, List<Omission> omissions);

  /** Maps each interaction; one without an id, or an element that was not an object, fails the answer. */
  List<Interaction> interactions(List<InteractionDocument> documents, @Context FieldProblems problems) {
    if (documents == null) {
      throw problems.missing("conversation", WireDeserializers.INTERACTIONS);
    }
    List<Interaction> interactions = new ArrayList<>(documents.size());
    for (int i = 0; i < documents.size(); i++) {
      InteractionDocument document = documents.get(i);
      if (document == null) {
        throw problems.missing("conversation[" + i + "]", WireDeserializers.INTERACTION);
      }
      if (document.id == null) {
        throw problems.missing("conversation[" + i + "].id", WireDeserializers.INTERACTION_ID);
      }
      interactions.add(toInteraction(document));
    }
    return interactions;
  }

  Optional<Instant> instant(Instant instant) {
    return Optional.ofNullable(instant);
  }

  Optional<Duration> duration(Duration duration) {
    return Optional.ofNullable(duration);
  }

  Optional<MicroDollars> cost(MicroDollars cost) {
    return Optional.ofNullable(cost);
  }

  OptionalInt count(Integer count) {
    return count == null ? OptionalInt.empty() : OptionalInt.of(count);
  }

  Optional<String> text(String text) {
    return Optional.ofNullable(text);
  }

  Optional<ConversationId> conversation(ConversationId id) {
    return Optional.ofNullable(id);
  }

  OptionalDouble score(Double score) {
    return score == null ? OptionalDouble.empty() : OptionalDouble.of(score);
  }

  Map<String, Integer> tagCounts(Map<String, Integer> counts) {
    return counts == null ? Map.of() : counts;
  }

  Map<String, String> entries(Map<String, String> entries) {
    return entries == null ? Map.of() : entries;
  }

  List<String> texts(List<String> texts) {
    return texts == null ? List.of() : texts;
  }
}
