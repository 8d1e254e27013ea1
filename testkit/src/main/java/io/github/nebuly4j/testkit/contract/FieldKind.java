package io.github.nebuly4j.testkit.contract;

import io.github.nebuly4j.core.ConversationId;
import io.github.nebuly4j.core.InteractionId;
import io.github.nebuly4j.core.MicroDollars;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The rule table of decoding, the oracle of the corpus: for each kind of field of Nebuly's
 * documents and each {@link WireForm}, what a client must make of it. It is written from the
 * project's wire document ({@code docs/wire-protocol.md}), not from any client's code:
 *
 * <ul>
 *   <li>null or absent is absent in the domain, with nothing to report;
 *   <li>a value of the right type is read; free text also takes a number or a boolean as its JSON
 *       text, and a number also takes a text holding a decimal number;
 *   <li>any other value is absent too, and is reported as an omission at the field's path;
 *   <li>where the domain cannot do without the field (an interaction, its id, the list of
 *       interactions, a deep link's url; a listing page's rows, a row and its id, the page's {@code
 *       total}) the call fails with {@code MalformedResponse} naming it.
 * </ul>
 *
 * <p>A listing page's {@code offset} and {@code limit} may be left out, and then are the ones asked
 * for; an {@code offset} other than the one asked for, or a {@code limit} below 1, fails the call.
 */
enum FieldKind {
  /** The top-level {@code id}: not read (the conversation's id is the one asked for). */
  IGNORED,
  /** Free text: an interaction's {@code input}, {@code output}, {@code topic}… */
  TEXT,
  /** A tag's or a custom aggregate's value: free text; dropping it drops the entry. */
  MAP_VALUE,
  /** An element of {@code emotions}: free text; dropping it drops the element. */
  LIST_ELEMENT,
  /** An interaction's {@code id}: free text that the domain requires. */
  INTERACTION_ID,
  /** {@code start_session}, {@code end_session}, {@code timestamp}, {@code end_timestamp}: ISO-8601 text only. */
  TIMESTAMP,
  /** {@code session_length}: a whole number. */
  COUNT,
  /** {@code session_time}: seconds. */
  SECONDS,
  /** {@code cost}: micro-dollars. */
  MICROS,
  /** {@code tags} and {@code custom_aggregates}: an object of names to texts. */
  TEXT_MAP,
  /** {@code emotions}: an array of texts. */
  TEXT_LIST,
  /** {@code conversation}: the array of interactions, required. */
  INTERACTIONS,
  /** An element of {@code conversation}: an object, required once present. */
  INTERACTION,
  /** A deep link's {@code url}: required. */
  URL,
  /** An interaction row's {@code conversation_id}: free text that is a valid id, else omitted. */
  CONVERSATION_REF,
  /** A conversation row's {@code group_name}: free text that the domain requires, a valid id. */
  GROUP_NAME,
  /** {@code sentiment_score}: a finite number of any sign. */
  SCORE,
  /** A conversation row's {@code tags}: an array of {@code {tag_name, n_tag_values}} objects. */
  TAG_COUNTS,
  /** An element of a conversation row's {@code tags}: dropped, silently when null or nameless. */
  TAG_COUNT,
  /** {@code tag_name} of such an element: free text; without it the element is dropped. */
  TAG_NAME,
  /** {@code n_tag_values} of such an element: a whole number; without it the element is dropped. */
  TAG_VALUE_COUNT,
  /** A listing page's {@code total}: a whole number, required. */
  TOTAL,
  /** A listing page's {@code offset}: the one asked for (0 in the corpus), or absent. */
  OFFSET,
  /** A listing page's {@code limit}: a whole number from 1, or absent for the one asked for. */
  LIMIT,
  /** A listing page's {@code data}: the array of rows, required. */
  ROWS,
  /** An element of a conversation listing's {@code data}: an object with a {@code group_name}. */
  CONVERSATION_ROW;

  /**
   * Returns what a client must make of the field in {@code form}.
   *
   * @param form the form the field takes
   * @return the outcome
   */
  Outcome outcome(WireForm form) {
    switch (this) {
      case IGNORED:
        return Outcome.KEPT;
      case TEXT:
      case MAP_VALUE:
      case LIST_ELEMENT:
        return text(form);
      case INTERACTION_ID:
        // Read as free text, but an id cannot be blank, nor missing.
        return text(form) instanceof Outcome.Value text && form != WireForm.EMPTY_TEXT
            ? Outcome.value(InteractionId.of((String) text.value()))
            : Outcome.malformed("");
      case GROUP_NAME:
        return text(form) instanceof Outcome.Value text && form != WireForm.EMPTY_TEXT
            ? Outcome.value(ConversationId.of((String) text.value()))
            : Outcome.malformed("");
      case CONVERSATION_REF:
        if (form == WireForm.EMPTY_TEXT) {
          return Outcome.OMITTED;
        }
        return text(form) instanceof Outcome.Value text
            ? Outcome.value(ConversationId.of((String) text.value()))
            : text(form);
      case TIMESTAMP:
        return absentOr(form, Outcome.OMITTED);
      case COUNT:
        return number(form, 42);
      case SECONDS:
        return number(form, Duration.ofSeconds(42));
      case MICROS:
        return number(form, MicroDollars.ofMicros(42));
      case TEXT_MAP:
        return form == WireForm.OBJECT ? Outcome.value(Map.of("unexpected", "object")) : absentOr(form, Outcome.OMITTED);
      case TEXT_LIST:
        return form == WireForm.ARRAY ? Outcome.value(List.of("unexpected", "array")) : absentOr(form, Outcome.OMITTED);
      case INTERACTIONS:
        // The array form holds texts, not interactions: its first element is what fails.
        return Outcome.malformed(form == WireForm.ARRAY ? "[0]" : "");
      case INTERACTION:
        if (form == WireForm.ABSENT) {
          return Outcome.ABSENT;
        }
        // The object form is an object, but one without an id.
        return Outcome.malformed(form == WireForm.OBJECT ? ".id" : "");
      case URL:
        return Outcome.malformed("");
      case SCORE:
        return number(form, 42.0);
      case TAG_COUNTS:
        // The array form holds texts, not tag objects: each element is dropped and reported.
        return form == WireForm.ARRAY ? Outcome.partly(Map.of(), List.of("[0]", "[1]")) : absentOr(form, Outcome.OMITTED);
      case TAG_COUNT:
        // The object form has no tag_name: a nameless element is dropped like a null one.
        return form == WireForm.OBJECT ? Outcome.ABSENT : absentOr(form, Outcome.OMITTED);
      case TAG_NAME:
        return text(form);
      case TAG_VALUE_COUNT:
        return number(form, 42);
      case TOTAL:
        return form == WireForm.NUMBER || form == WireForm.NUMERIC_TEXT ? Outcome.value(42L) : Outcome.malformed("");
      case OFFSET:
        // 42 is not the offset asked for.
        return form == WireForm.NULL || form == WireForm.ABSENT ? Outcome.KEPT : Outcome.malformed("");
      case LIMIT:
        if (form == WireForm.NUMBER || form == WireForm.NUMERIC_TEXT) {
          return Outcome.value(42);
        }
        return form == WireForm.NULL || form == WireForm.ABSENT ? Outcome.KEPT : Outcome.malformed("");
      case ROWS:
        return Outcome.malformed(form == WireForm.ARRAY ? "[0]" : "");
      case CONVERSATION_ROW:
        if (form == WireForm.ABSENT) {
          return Outcome.ABSENT;
        }
        return Outcome.malformed(form == WireForm.OBJECT ? ".group_name" : "");
      default:
        throw new IllegalStateException("no rule for " + this);
    }
  }

  private static Outcome text(WireForm form) {
    switch (form) {
      case TEXT:
        return Outcome.value(WireForm.TEXT_VALUE);
      case EMPTY_TEXT:
        return Outcome.value("");
      case NUMERIC_TEXT:
      case NUMBER:
        return Outcome.value("42");
      case BOOLEAN:
        return Outcome.value("true");
      default:
        return absentOr(form, Outcome.OMITTED);
    }
  }

  private static Outcome number(WireForm form, Object fortyTwo) {
    return form == WireForm.NUMBER || form == WireForm.NUMERIC_TEXT ? Outcome.value(fortyTwo) : absentOr(form, Outcome.OMITTED);
  }

  private static Outcome absentOr(WireForm form, Outcome otherwise) {
    return form == WireForm.NULL || form == WireForm.ABSENT ? Outcome.ABSENT : otherwise;
  }

  /** What a client makes of one field in one form. */
  sealed interface Outcome {
    /** The field is not read: the conversation is the untouched one. */
    Outcome KEPT = new Kept();
    /** The field is absent in the domain (empty, or its entry or element is gone); nothing is reported. */
    Outcome ABSENT = new Absent();
    /** The field is absent in the domain, and an omission at its path says so. */
    Outcome OMITTED = new Omitted();

    static Outcome value(Object value) {
      return new Value(value, List.of());
    }

    static Outcome partly(Object value, List<String> omittedSuffixes) {
      return new Value(value, omittedSuffixes);
    }

    static Outcome malformed(String pathSuffix) {
      return new Malformed(pathSuffix);
    }

    /** See {@link #KEPT}. */
    record Kept() implements Outcome {}

    /** See {@link #ABSENT}. */
    record Absent() implements Outcome {}

    /** See {@link #OMITTED}. */
    record Omitted() implements Outcome {}

    /**
     * The field reads as this domain value, with the omissions of the parts of it that could not
     * be read.
     *
     * @param value the value, of the type the field has in the domain
     * @param omittedSuffixes the paths of the omissions, below the field's, such as {@code [0]};
     *     empty when the whole field was read
     */
    record Value(Object value, List<String> omittedSuffixes) implements Outcome {}

    /**
     * The call fails with {@code MalformedResponse} naming the field's path followed by {@code
     * pathSuffix}.
     *
     * @param pathSuffix empty for the field itself, or such as {@code .id} or {@code [0]}
     */
    record Malformed(String pathSuffix) implements Outcome {}
  }
}
