package io.github.nebuly4j.wire;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.JsonTokenId;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import io.github.nebuly4j.core.ConversationId;
import io.github.nebuly4j.core.InteractionId;
import io.github.nebuly4j.core.MicroDollars;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * wire's own readers of each kind of field, named on the documents' components: each reads exactly
 * the JSON types its field's rule accepts and {@linkplain FieldProblems#reject rejects} every other,
 * so that a value of the wrong type is absent and recorded instead of failing the answer.
 *
 * <p>They exist because Jackson's own deserializers cannot be told to report every wrong type: a
 * {@code DeserializationProblemHandler} sees an object where a text belongs, but an empty text
 * where an object or a list belongs is turned into null (or, when blank, into an exception) by
 * Jackson's coercion rules before any handler is asked.
 */
final class WireDeserializers {
  static final String TEXT = "text";
  static final String INTERACTION_ID = "an interaction id";
  static final String TIMESTAMP = "an ISO-8601 date-time such as 2024-05-30T09:27:52.420Z";
  static final String COUNT = "a whole number from 0 to " + Integer.MAX_VALUE;
  static final String SECONDS = "a number of seconds from 0 to " + WireValues.MAX_SECONDS + " (a century)";
  static final String MICROS = "a number of micro-dollars that is not negative";
  static final String TEXT_MAP = "an object of names to texts";
  static final String TEXT_LIST = "an array of texts";
  static final String INTERACTIONS = "an array of interactions";
  static final String INTERACTION = "an interaction (a JSON object)";
  static final String URL = "an absolute http(s) URL";
  static final String CONVERSATION_ID = "a conversation id";
  static final String WHOLE = "a whole number that is not negative";
  static final String PAGE_LIMIT = "a whole number from 1 to " + Integer.MAX_VALUE;
  static final String SCORE = "a finite number";
  static final String TAG_COUNTS = "an array of {tag_name, n_tag_values} objects";
  static final String TAG_COUNT = "an object {tag_name, n_tag_values}";
  static final String ROWS = "an array of rows";
  static final String ROW = "a row (a JSON object)";

  private WireDeserializers() {}

  /** Free text: a JSON string, or a number or boolean read as its JSON text ({@code 1.10}, {@code true}). */
  static final class Text extends StdDeserializer<String> {
    private static final long serialVersionUID = 1L;

    Text() {
      super(String.class);
    }

    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      return text(p, ctxt);
    }
  }

  /** An id: free text that the domain's {@code of} accepts. */
  abstract static class IdText<T> extends StdDeserializer<T> {
    private static final long serialVersionUID = 1L;
    private final String expected;
    private final transient Function<String, T> of;

    IdText(Class<T> type, String expected, Function<String, T> of) {
      super(type);
      this.expected = expected;
      this.of = of;
    }

    @Override
    public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (!isScalar(p)) {
        return FieldProblems.of(ctxt).reject(p, expected, null);
      }
      try {
        return of.apply(p.getText());
      } catch (IllegalArgumentException e) {
        return FieldProblems.of(ctxt).reject(p, expected, e.getMessage());
      }
    }
  }

  /** An interaction's id: free text that is a valid {@link InteractionId}. */
  static final class InteractionIdText extends IdText<InteractionId> {
    private static final long serialVersionUID = 1L;

    InteractionIdText() {
      super(InteractionId.class, INTERACTION_ID, InteractionId::of);
    }
  }

  /** A conversation's id ({@code group_name}, {@code conversation_id}): free text that is a valid {@link ConversationId}. */
  static final class ConversationIdText extends IdText<ConversationId> {
    private static final long serialVersionUID = 1L;

    ConversationIdText() {
      super(ConversationId.class, CONVERSATION_ID, ConversationId::of);
    }
  }

  /**
   * A timestamp: a JSON string in one of Python's ISO-8601 forms. A number is not read as epoch
   * seconds: nothing says which unit it would be in.
   */
  static final class Timestamp extends StdDeserializer<Instant> {
    private static final long serialVersionUID = 1L;

    Timestamp() {
      super(Instant.class);
    }

    @Override
    public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (p.currentToken() == JsonToken.VALUE_STRING) {
        Instant instant = WireValues.instant(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
        if (instant != null) {
          return instant;
        }
      }
      return FieldProblems.of(ctxt).reject(p, TIMESTAMP, null);
    }
  }

  /**
   * A number field: a JSON number, or a JSON string holding a decimal number, read exactly, then
   * held to the field's rule.
   */
  abstract static class Decimal<T> extends StdDeserializer<T> {
    private static final long serialVersionUID = 1L;
    private final String expected;

    Decimal(Class<?> type, String expected) {
      super(type);
      this.expected = expected;
    }

    /**
     * Returns the field's value, or null when {@code number} breaks the rule.
     *
     * @throws IllegalArgumentException when the domain refuses the number, saying why
     */
    abstract T value(BigDecimal number);

    @Override
    public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      BigDecimal number = number(p);
      if (number != null) {
        try {
          T value = value(number);
          if (value != null) {
            return value;
          }
        } catch (IllegalArgumentException e) {
          return FieldProblems.of(ctxt).reject(p, expected, e.getMessage());
        }
      }
      return FieldProblems.of(ctxt).reject(p, expected, null);
    }
  }

  /** {@code session_length} and a listing's counts: a whole number, possibly written {@code 3.0}. */
  static final class Count extends Decimal<Integer> {
    private static final long serialVersionUID = 1L;

    Count() {
      super(Integer.class, COUNT);
    }

    @Override
    Integer value(BigDecimal number) {
      return WireValues.count(number);
    }
  }

  /**
   * A listing page's {@code total} and {@code offset}: a whole number that is not negative, possibly
   * written {@code 3.0}; whether an offset is the one asked for is the page's rule.
   */
  static final class Whole extends Decimal<Long> {
    private static final long serialVersionUID = 1L;

    Whole() {
      super(Long.class, WHOLE);
    }

    @Override
    Long value(BigDecimal number) {
      return WireValues.whole(number, 0, Long.MAX_VALUE);
    }
  }

  /** A listing page's {@code limit}: a whole number from 1. */
  static final class PageLimit extends Decimal<Integer> {
    private static final long serialVersionUID = 1L;

    PageLimit() {
      super(Integer.class, PAGE_LIMIT);
    }

    @Override
    Integer value(BigDecimal number) {
      Long limit = WireValues.whole(number, 1, Integer.MAX_VALUE);
      return limit == null ? null : limit.intValue();
    }
  }

  /** {@code sentiment_score}: a finite number of any sign, its scale unpublished. */
  static final class Score extends Decimal<Double> {
    private static final long serialVersionUID = 1L;

    Score() {
      super(Double.class, SCORE);
    }

    @Override
    Double value(BigDecimal number) {
      double score = number.doubleValue();
      return Double.isInfinite(score) ? null : score;
    }
  }

  /** {@code session_time}: seconds, exact to the nanosecond. */
  static final class Seconds extends Decimal<Duration> {
    private static final long serialVersionUID = 1L;

    Seconds() {
      super(Duration.class, SECONDS);
    }

    @Override
    Duration value(BigDecimal number) {
      return WireValues.seconds(number);
    }
  }

  /** {@code cost}: micro-dollars, read as an exact decimal (never through {@code double}). */
  static final class Micros extends Decimal<MicroDollars> {
    private static final long serialVersionUID = 1L;

    Micros() {
      super(MicroDollars.class, MICROS);
    }

    @Override
    MicroDollars value(BigDecimal number) {
      // A negative cost is out of the rule the expectation already states; no need to say why.
      return number.signum() < 0 ? null : MicroDollars.ofMicros(number);
    }
  }

  /**
   * {@code tags} and {@code custom_aggregates}: an object whose values are free text, in Nebuly's
   * order. A null value drops its entry; a value that is not text drops it and is recorded.
   */
  static final class TextMap extends StdDeserializer<Map<String, String>> {
    private static final long serialVersionUID = 1L;

    TextMap() {
      super(Map.class);
    }

    @Override
    public Map<String, String> deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (p.currentToken() != JsonToken.START_OBJECT) {
        return FieldProblems.of(ctxt).reject(p, TEXT_MAP, null);
      }
      Map<String, String> entries = new LinkedHashMap<>();
      for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
        // A name sent twice keeps its last value, as a JSON object's reader does.
        String text = p.nextToken() == JsonToken.VALUE_NULL ? null : text(p, ctxt);
        if (text == null) {
          entries.remove(name);
        } else {
          entries.put(name, text);
        }
      }
      return entries;
    }
  }

  /** {@code emotions}: an array of free texts, in Nebuly's order. A null element is dropped. */
  static final class TextList extends StdDeserializer<List<String>> {
    private static final long serialVersionUID = 1L;

    TextList() {
      super(List.class);
    }

    @Override
    public List<String> deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (p.currentToken() != JsonToken.START_ARRAY) {
        return FieldProblems.of(ctxt).reject(p, TEXT_LIST, null);
      }
      List<String> texts = new ArrayList<>();
      for (JsonToken token = p.nextToken(); token != JsonToken.END_ARRAY; token = p.nextToken()) {
        String text = token == JsonToken.VALUE_NULL ? null : text(p, ctxt);
        if (text != null) {
          texts.add(text);
        }
      }
      return texts;
    }
  }

  /**
   * {@code tags} of a conversation row: an array of {@code {tag_name, n_tag_values}} objects, read
   * into tag name to count, in Nebuly's order (a name sent twice keeps its last count). An element
   * that is null, or lacks its name or count, is dropped; one that is not an object, or whose name
   * or count breaks its rule, is dropped and recorded.
   */
  static final class TagCounts extends StdDeserializer<Map<String, Integer>> {
    private static final long serialVersionUID = 1L;
    private static final Count COUNT = new Count();

    TagCounts() {
      super(Map.class);
    }

    @Override
    public Map<String, Integer> deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (p.currentToken() != JsonToken.START_ARRAY) {
        return FieldProblems.of(ctxt).reject(p, TAG_COUNTS, null);
      }
      Map<String, Integer> counts = new LinkedHashMap<>();
      for (JsonToken token = p.nextToken(); token != JsonToken.END_ARRAY; token = p.nextToken()) {
        if (token == JsonToken.VALUE_NULL) {
          continue;
        }
        if (token != JsonToken.START_OBJECT) {
          FieldProblems.of(ctxt).reject(p, TAG_COUNT, null);
          continue;
        }
        String name = null;
        Integer count = null;
        for (String member = p.nextFieldName(); member != null; member = p.nextFieldName()) {
          JsonToken value = p.nextToken();
          if (member.equals("tag_name")) {
            name = value == JsonToken.VALUE_NULL ? null : text(p, ctxt);
          } else if (member.equals("n_tag_values")) {
            count = value == JsonToken.VALUE_NULL ? null : COUNT.deserialize(p, ctxt);
          } else {
            p.skipChildren();
          }
        }
        if (name != null && count != null) {
          counts.put(name, count);
        }
      }
      return counts;
    }
  }

  /**
   * An array of objects: each read by its document's reader. An element that is not an object is
   * recorded and read as null, which the mapping refuses: an interaction or a row cannot be left
   * out silently.
   */
  abstract static class ObjectArray<T> extends StdDeserializer<List<T>> {
    private static final long serialVersionUID = 1L;
    private final Class<T> element;
    private final String expected;
    private final String expectedElement;

    ObjectArray(Class<T> element, String expected, String expectedElement) {
      super(List.class);
      this.element = element;
      this.expected = expected;
      this.expectedElement = expectedElement;
    }

    @Override
    public List<T> deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (p.currentToken() != JsonToken.START_ARRAY) {
        return FieldProblems.of(ctxt).reject(p, expected, null);
      }
      JsonDeserializer<Object> reader = ctxt.findRootValueDeserializer(ctxt.constructType(element));
      List<T> objects = new ArrayList<>();
      for (JsonToken token = p.nextToken(); token != JsonToken.END_ARRAY; token = p.nextToken()) {
        objects.add(
            token == JsonToken.START_OBJECT
                ? element.cast(reader.deserialize(p, ctxt))
                : FieldProblems.of(ctxt).reject(p, expectedElement, null));
      }
      return objects;
    }
  }

  /** {@code conversation}: an array of interaction objects. */
  static final class Interactions extends ObjectArray<InteractionDocument> {
    private static final long serialVersionUID = 1L;

    Interactions() {
      super(InteractionDocument.class, INTERACTIONS, INTERACTION);
    }
  }

  /** {@code data} of {@code get-interactions}: an array of interaction rows. */
  static final class InteractionRows extends ObjectArray<InteractionRowDocument> {
    private static final long serialVersionUID = 1L;

    InteractionRows() {
      super(InteractionRowDocument.class, ROWS, ROW);
    }
  }

  /** {@code data} of {@code get-interaction-aggregates}: an array of conversation rows. */
  static final class ConversationRows extends ObjectArray<ConversationRowDocument> {
    private static final long serialVersionUID = 1L;

    ConversationRows() {
      super(ConversationRowDocument.class, ROWS, ROW);
    }
  }

  /** A deep link's {@code url}: a JSON string that is a URI; whether it is an absolute http(s) URL is the domain's rule. */
  static final class Link extends StdDeserializer<URI> {
    private static final long serialVersionUID = 1L;

    Link() {
      super(URI.class);
    }

    @Override
    public URI deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (p.currentToken() == JsonToken.VALUE_STRING) {
        try {
          return new URI(p.getText().strip());
        } catch (URISyntaxException e) {
          return FieldProblems.of(ctxt).reject(p, URL, "not a valid URI");
        }
      }
      return FieldProblems.of(ctxt).reject(p, URL, null);
    }
  }

  private static String text(JsonParser p, DeserializationContext ctxt) throws IOException {
    return isScalar(p) ? p.getText() : FieldProblems.of(ctxt).reject(p, TEXT, null);
  }

  /** A string, a number or a boolean: what has an exact JSON text. */
  private static boolean isScalar(JsonParser p) {
    switch (p.currentTokenId()) {
      case JsonTokenId.ID_STRING:
      case JsonTokenId.ID_NUMBER_INT:
      case JsonTokenId.ID_NUMBER_FLOAT:
      case JsonTokenId.ID_TRUE:
      case JsonTokenId.ID_FALSE:
        return true;
      default:
        return false;
    }
  }

  /** A JSON number, or a string holding a decimal number, exactly; null for anything else. */
  private static BigDecimal number(JsonParser p) throws IOException {
    switch (p.currentTokenId()) {
      case JsonTokenId.ID_NUMBER_INT:
      case JsonTokenId.ID_NUMBER_FLOAT:
        try {
          return p.getDecimalValue();
        } catch (NumberFormatException e) {
          // An exponent beyond BigDecimal's range, or NaN and Infinity (which Python writes).
          return null;
        }
      case JsonTokenId.ID_STRING:
        return WireValues.decimal(p.getText());
      default:
        return null;
    }
  }
}
