package io.github.nebuly4j.testkit.contract;

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
 *       interactions, a deep link's url) the call fails with {@code MalformedResponse} naming it.
 * </ul>
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
  URL;

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
      return new Value(value);
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
     * The field reads as this domain value.
     *
     * @param value the value, of the type the field has in the domain
     */
    record Value(Object value) implements Outcome {}

    /**
     * The call fails with {@code MalformedResponse} naming the field's path followed by {@code
     * pathSuffix}.
     *
     * @param pathSuffix empty for the field itself, or such as {@code .id} or {@code [0]}
     */
    record Malformed(String pathSuffix) implements Outcome {}
  }
}
