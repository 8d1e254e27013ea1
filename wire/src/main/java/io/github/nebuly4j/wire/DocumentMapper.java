package io.github.nebuly4j.wire;

import io.github.nebuly4j.core.Conversation;
import io.github.nebuly4j.core.ConversationId;
import io.github.nebuly4j.core.Interaction;
import io.github.nebuly4j.core.InteractionId;
import io.github.nebuly4j.core.MicroDollars;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.Named;
import org.mapstruct.ReportingPolicy;

/**
 * The MapStruct mapper from the documents to the domain, through the Immutables builders (MapStruct
 * recognizes them because Immutables' annotations are on the compile class path). Fields
 * whose decoding depends on which field it is (required or not, and the name a problem reports)
 * are qualified by name; the others are chosen by type.
 */
@Mapper(unmappedTargetPolicy = ReportingPolicy.ERROR, unmappedSourcePolicy = ReportingPolicy.ERROR)
abstract class DocumentMapper {

  @Mapping(target = "startSession", source = "startSession", qualifiedByName = "start_session")
  @Mapping(target = "endSession", source = "endSession", qualifiedByName = "end_session")
  @Mapping(target = "interactions", source = "conversation")
  @Mapping(target = "omissions", ignore = true)
  abstract Conversation toConversation(ConversationDocument document);

  @Mapping(target = "timestamp", source = "timestamp", qualifiedByName = "timestamp")
  @Mapping(target = "endTimestamp", source = "endTimestamp", qualifiedByName = "end_timestamp")
  abstract Interaction toInteraction(InteractionDocument document);

  /** Maps each interaction, so that a problem names its index: {@code conversation[3].timestamp}. */
  List<Interaction> interactions(List<InteractionDocument> documents) {
    if (documents == null) {
      return List.of();
    }
    List<Interaction> interactions = new ArrayList<>(documents.size());
    for (int i = 0; i < documents.size(); i++) {
      InteractionDocument document = documents.get(i);
      if (document == null) {
        throw new FieldProblem("conversation[" + i + "]", "is null");
      }
      try {
        interactions.add(toInteraction(document));
      } catch (FieldProblem problem) {
        throw problem.under("conversation[" + i + "]");
      }
    }
    return interactions;
  }

  ConversationId conversationId(String id) {
    String value = WireValues.required("id", id);
    try {
      return ConversationId.of(value);
    } catch (IllegalArgumentException e) {
      throw new FieldProblem("id", "is not a valid conversation id");
    }
  }

  InteractionId interactionId(String id) {
    String value = WireValues.required("id", id);
    try {
      return InteractionId.of(value);
    } catch (IllegalArgumentException e) {
      throw new FieldProblem("id", "is not a valid interaction id");
    }
  }

  @Named("timestamp")
  Optional<Instant> timestamp(String timestamp) {
    return WireValues.optionalInstant("timestamp", timestamp);
  }

  @Named("end_timestamp")
  Optional<Instant> endTimestamp(String endTimestamp) {
    return WireValues.optionalInstant("end_timestamp", endTimestamp);
  }

  @Named("start_session")
  Optional<Instant> startSession(String startSession) {
    return WireValues.optionalInstant("start_session", startSession);
  }

  @Named("end_session")
  Optional<Instant> endSession(String endSession) {
    return WireValues.optionalInstant("end_session", endSession);
  }

  OptionalInt sessionLength(BigDecimal sessionLength) {
    return WireValues.count("session_length", sessionLength);
  }

  Optional<Duration> sessionTime(BigDecimal sessionTime) {
    return WireValues.seconds("session_time", sessionTime);
  }

  Optional<MicroDollars> cost(BigDecimal cost) {
    return WireValues.micros("cost", cost);
  }

  Optional<String> optionalText(String text) {
    return Optional.ofNullable(text);
  }

  Map<String, String> entries(Map<String, String> entries) {
    return WireValues.entries(entries);
  }

  List<String> elements(List<String> elements) {
    return WireValues.elements(elements);
  }
}
