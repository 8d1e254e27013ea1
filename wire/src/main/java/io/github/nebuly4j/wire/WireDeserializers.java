package io.github.nebuly4j.wire;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.JsonTokenId;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
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

  /** An interaction's id: free text that is a valid {@link InteractionId}. */
  static final class InteractionIdText extends StdDeserializer<InteractionId> {
    private static final long serialVersionUID = 1L;

    InteractionIdText() {
      super(InteractionId.class);
    }

    @Override
    public InteractionId deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (!isScalar(p)) {
        return FieldProblems.of(ctxt).reject(p, INTERACTION_ID, null);
      }
      try {
        return InteractionId.of(p.getText());
      } catch (IllegalArgumentException e) {
        return FieldProblems.of(ctxt).reject(p, INTERACTION_ID, e.getMessage());
      }
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

  /** {@code session_length}: a whole number, possibly written {@code 3.0}. */
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
   * {@code conversation}: an array of interaction objects. An element that is not an object is
   * recorded and read as null, which the mapping refuses: an interaction cannot be left out
   * silently.
   */
  static final class Interactions extends StdDeserializer<List<InteractionDocument>> {
    private static final long serialVersionUID = 1L;

    Interactions() {
      super(List.class);
    }

    @Override
    public List<InteractionDocument> deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (p.currentToken() != JsonToken.START_ARRAY) {
        return FieldProblems.of(ctxt).reject(p, INTERACTIONS, null);
      }
      JsonDeserializer<Object> element = ctxt.findRootValueDeserializer(ctxt.constructType(InteractionDocument.class));
      List<InteractionDocument> interactions = new ArrayList<>();
      for (JsonToken token = p.nextToken(); token != JsonToken.END_ARRAY; token = p.nextToken()) {
        interactions.add(
            token == JsonToken.START_OBJECT
                ? (InteractionDocument) element.deserialize(p, ctxt)
                : FieldProblems.of(ctxt).reject(p, INTERACTION, null));
      }
      return interactions;
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
