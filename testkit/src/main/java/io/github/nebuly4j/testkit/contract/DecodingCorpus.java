package io.github.nebuly4j.testkit.contract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.nebuly4j.core.Conversation;
import io.github.nebuly4j.core.ConversationId;
import io.github.nebuly4j.core.Interaction;
import io.github.nebuly4j.core.InteractionId;
import io.github.nebuly4j.core.MicroDollars;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.BiFunction;

/**
 * The robustness corpus of decoding, generated: for every field of Nebuly's conversation document
 * (at the top level, and inside the first and the last interaction) and of the deep-link
 * document, the untouched document with that one field in each {@link WireForm} (null, absent, a
 * text, an empty text, a numeric text, a number, a boolean, an object, an array). Each case carries
 * the outcome that the rule table {@link FieldKind} gives: the untouched value with that one field
 * changed and the omissions it must list, or a {@code MalformedResponse} naming the field.
 *
 * <p>The documents and the values they decode to are written here, independently of any client.
 * A client's test decodes each {@link ConversationCase#document()} as the answer for {@link
 * #CONVERSATION_ID} and hands the outcome to {@link ConversationCase#verify}; {@link
 * HttpDecodingContract} does so through an adapter and {@code FakeNebulyServer}.
 */
public final class DecodingCorpus {
  /** The conversation every conversation case is the answer for. */
  public static final ConversationId CONVERSATION_ID = ConversationId.of("corpus-conversation");

  /** The untouched deep-link document's url. */
  public static final URI LINK =
      URI.create(
          "https://v2.platform.eu.nebuly.com/live-activity?projectId=p-1&organizationId=o-1"
              + "&interactionId=i-0&liveActivityPageTab=interactions");

  private static final ObjectMapper JSON = new ObjectMapper();

  static final String[] SENTIMENTS = {"positive", "neutral", "negative"};
  static final String[] STARTS = {"2024-05-30T09:27:52.420Z", "2024-05-30T09:28:00Z", "2024-05-30T09:28:02.250Z"};
  static final String[] ENDS = {"2024-05-30T09:27:55Z", "2024-05-30T09:28:01.500Z", "2024-05-30T09:28:04.920Z"};

  /** The untouched conversation document: every field present, three interactions. */
  public static final String CONVERSATION_DOCUMENT = conversationDocument();

  /** The untouched deep-link document. */
  public static final String DEEP_LINK_DOCUMENT = "{\"url\": \"" + LINK + "\"}";

  private DecodingCorpus() {}

  /**
   * Returns what {@link #CONVERSATION_DOCUMENT} decodes to, as answer for {@link #CONVERSATION_ID}.
   *
   * @return the conversation, complete
   */
  public static Conversation untouchedConversation() {
    Conversation.Builder conversation =
        Conversation.builder()
            .id(CONVERSATION_ID)
            .sessionLength(3)
            .sessionTime(Duration.ofMillis(12_500))
            .startSession(Instant.parse("2024-05-30T09:27:52.420Z"))
            .endSession(Instant.parse("2024-05-30T09:28:04.920Z"))
            .cost(MicroDollars.ofMicros(new BigDecimal("1523.75")))
            .putTags("channel", "web")
            .putTags("plan", "pro")
            .addEmotions("joy", "anger")
            .putCustomAggregates("escalations", "2")
            .putCustomAggregates("resolved", "yes");
    for (int i = 0; i < 3; i++) {
      conversation.addInteractions(
          Interaction.builder()
              .id(InteractionId.of("i-" + i))
              .input("question " + i)
              .output("answer " + i)
              .timestamp(Instant.parse(STARTS[i]))
              .endTimestamp(Instant.parse(ENDS[i]))
              .userQuery("query " + i)
              .topic("topic " + i)
              .sentiment(SENTIMENTS[i])
              .typeOfRisk("risk " + i)
              .moderationIssue("moderation " + i)
              .businessIssue("business " + i)
              .build());
    }
    return conversation.build();
  }

  /**
   * Returns every conversation case: the untouched document first, then each field of the
   * conversation document in each form.
   *
   * @return the cases, several hundred
   */
  public static List<ConversationCase> conversationCases() {
    ObjectNode untouched = parse(CONVERSATION_DOCUMENT);
    Conversation expected = untouchedConversation();
    List<ConversationCase> cases = new ArrayList<>();
    cases.add(ConversationCase.decoded("the untouched document", CONVERSATION_DOCUMENT, expected, List.of()));
    for (Site site : conversationSites()) {
      for (WireForm form : WireForm.values()) {
        String name = site.path() + " as " + form.description();
        String document = site.put(untouched, form);
        FieldKind.Outcome outcome = site.kind().outcome(form);
        if (outcome instanceof FieldKind.Outcome.Malformed malformed) {
          cases.add(ConversationCase.malformed(name, document, site.path() + malformed.pathSuffix()));
        } else if (outcome instanceof FieldKind.Outcome.Value value) {
          cases.add(
              ConversationCase.decoded(
                  name,
                  document,
                  site.set(expected, value.value()),
                  value.omittedSuffixes().stream().map(suffix -> site.path() + suffix).toList()));
        } else if (outcome instanceof FieldKind.Outcome.Omitted) {
          cases.add(ConversationCase.decoded(name, document, site.set(expected, null), List.of(site.path())));
        } else if (outcome instanceof FieldKind.Outcome.Absent) {
          cases.add(ConversationCase.decoded(name, document, site.set(expected, null), List.of()));
        } else {
          cases.add(ConversationCase.decoded(name, document, expected, List.of()));
        }
      }
    }
    return List.copyOf(cases);
  }

  /**
   * Returns every deep-link case: the untouched document first, then its {@code url} in each form.
   *
   * @return the cases
   */
  public static List<DeepLinkCase> deepLinkCases() {
    ObjectNode untouched = parse(DEEP_LINK_DOCUMENT);
    List<DeepLinkCase> cases = new ArrayList<>();
    cases.add(DeepLinkCase.linked("the untouched document", DEEP_LINK_DOCUMENT, LINK));
    for (WireForm form : WireForm.values()) {
      FieldKind.Outcome outcome = FieldKind.URL.outcome(form);
      if (!(outcome instanceof FieldKind.Outcome.Malformed malformed)) {
        throw new IllegalStateException("the rule table lets a url be absent: " + outcome);
      }
      cases.add(
          DeepLinkCase.malformed(
              "url as " + form.description(), withField(untouched, "", "url", -1, form), "url" + malformed.pathSuffix()));
    }
    return List.copyOf(cases);
  }

  private static List<Site> conversationSites() {
    List<Site> sites = new ArrayList<>();
    sites.add(top("id", FieldKind.IGNORED, (c, v) -> c));
    sites.add(top("session_length", FieldKind.COUNT, (c, v) -> c.withSessionLength(v == null ? OptionalInt.empty() : OptionalInt.of((Integer) v))));
    sites.add(top("session_time", FieldKind.SECONDS, (c, v) -> c.withSessionTime(Optional.ofNullable((Duration) v))));
    sites.add(top("start_session", FieldKind.TIMESTAMP, (c, v) -> c.withStartSession(Optional.ofNullable((Instant) v))));
    sites.add(top("end_session", FieldKind.TIMESTAMP, (c, v) -> c.withEndSession(Optional.ofNullable((Instant) v))));
    sites.add(top("cost", FieldKind.MICROS, (c, v) -> c.withCost(Optional.ofNullable((MicroDollars) v))));
    sites.add(top("tags", FieldKind.TEXT_MAP, (c, v) -> c.withTags(v == null ? Map.of() : texts(v))));
    sites.add(top("emotions", FieldKind.TEXT_LIST, (c, v) -> c.withEmotions(v == null ? List.of() : textList(v))));
    sites.add(top("custom_aggregates", FieldKind.TEXT_MAP, (c, v) -> c.withCustomAggregates(v == null ? Map.of() : texts(v))));
    sites.add(top("conversation", FieldKind.INTERACTIONS, (c, v) -> c));
    for (String tag : List.of("channel", "plan")) {
      sites.add(entry("tags", tag, (c, v) -> c.withTags(replaced(c.tags(), tag, (String) v))));
    }
    for (int i : new int[] {0, 1}) {
      sites.add(
          new Site("emotions[" + i + "]", "/emotions", null, i, FieldKind.LIST_ELEMENT,
              (c, v) -> c.withEmotions(replaced(c.emotions(), i, (String) v))));
    }
    for (String aggregate : List.of("escalations", "resolved")) {
      sites.add(entry("custom_aggregates", aggregate, (c, v) -> c.withCustomAggregates(replaced(c.customAggregates(), aggregate, (String) v))));
    }
    for (int i : new int[] {0, 2}) {
      sites.add(
          new Site("conversation[" + i + "]", "/conversation", null, i, FieldKind.INTERACTION,
              (c, v) -> c.withInteractions(replaced(c.interactions(), i, (Interaction) v))));
      sites.add(interaction(i, "id", FieldKind.INTERACTION_ID, (x, v) -> x.withId((InteractionId) v)));
      sites.add(interaction(i, "input", FieldKind.TEXT, (x, v) -> x.withInput(Optional.ofNullable((String) v))));
      sites.add(interaction(i, "output", FieldKind.TEXT, (x, v) -> x.withOutput(Optional.ofNullable((String) v))));
      sites.add(interaction(i, "timestamp", FieldKind.TIMESTAMP, (x, v) -> x.withTimestamp(Optional.ofNullable((Instant) v))));
      sites.add(interaction(i, "end_timestamp", FieldKind.TIMESTAMP, (x, v) -> x.withEndTimestamp(Optional.ofNullable((Instant) v))));
      sites.add(interaction(i, "user_query", FieldKind.TEXT, (x, v) -> x.withUserQuery(Optional.ofNullable((String) v))));
      sites.add(interaction(i, "topic", FieldKind.TEXT, (x, v) -> x.withTopic(Optional.ofNullable((String) v))));
      sites.add(interaction(i, "sentiment", FieldKind.TEXT, (x, v) -> x.withSentiment(Optional.ofNullable((String) v))));
      sites.add(interaction(i, "type_of_risk", FieldKind.TEXT, (x, v) -> x.withTypeOfRisk(Optional.ofNullable((String) v))));
      sites.add(interaction(i, "moderation_issue", FieldKind.TEXT, (x, v) -> x.withModerationIssue(Optional.ofNullable((String) v))));
      sites.add(interaction(i, "business_issue", FieldKind.TEXT, (x, v) -> x.withBusinessIssue(Optional.ofNullable((String) v))));
    }
    return sites;
  }

  private static Site top(String name, FieldKind kind, BiFunction<Conversation, Object, Conversation> set) {
    return new Site(name, "", name, -1, kind, set);
  }

  private static Site entry(String map, String name, BiFunction<Conversation, Object, Conversation> set) {
    return new Site(map + "." + name, "/" + map, name, -1, FieldKind.MAP_VALUE, set);
  }

  private static Site interaction(
      int index, String name, FieldKind kind, BiFunction<Interaction, Object, Interaction> set) {
    return new Site(
        "conversation[" + index + "]." + name,
        "/conversation/" + index,
        name,
        -1,
        kind,
        (c, v) -> c.withInteractions(replaced(c.interactions(), index, set.apply(c.interactions().get(index), v))));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, String> texts(Object value) {
    return (Map<String, String>) value;
  }

  @SuppressWarnings("unchecked")
  private static List<String> textList(Object value) {
    return (List<String>) value;
  }

  /** The map with {@code name}'s value replaced in place, or its entry removed when {@code value} is null. */
  static <V> Map<String, V> replaced(Map<String, V> map, String name, V value) {
    Map<String, V> copy = new LinkedHashMap<>(map);
    if (value == null) {
      copy.remove(name);
    } else {
      copy.put(name, value);
    }
    return copy;
  }

  /** The list with element {@code index} replaced, or removed when {@code value} is null. */
  static <T> List<T> replaced(List<T> list, int index, T value) {
    List<T> copy = new ArrayList<>(list);
    if (value == null) {
      copy.remove(index);
    } else {
      copy.set(index, value);
    }
    return copy;
  }

  private static String conversationDocument() {
    ObjectNode document = JSON.createObjectNode();
    document.put("id", CONVERSATION_ID.value());
    document.put("session_length", 3);
    document.put("session_time", new BigDecimal("12.5"));
    document.put("start_session", "2024-05-30T09:27:52.420Z");
    document.put("end_session", "2024-05-30T09:28:04.920Z");
    document.put("cost", new BigDecimal("1523.75"));
    document.putObject("tags").put("channel", "web").put("plan", "pro");
    document.putArray("emotions").add("joy").add("anger");
    document.putObject("custom_aggregates").put("escalations", "2").put("resolved", "yes");
    ArrayNode interactions = document.putArray("conversation");
    for (int i = 0; i < 3; i++) {
      interactions
          .addObject()
          .put("id", "i-" + i)
          .put("input", "question " + i)
          .put("output", "answer " + i)
          .put("timestamp", STARTS[i])
          .put("end_timestamp", ENDS[i])
          .put("user_query", "query " + i)
          .put("topic", "topic " + i)
          .put("sentiment", SENTIMENTS[i])
          .put("type_of_risk", "risk " + i)
          .put("moderation_issue", "moderation " + i)
          .put("business_issue", "business " + i);
    }
    return document.toString();
  }

  static ObjectNode parse(String json) {
    try {
      return (ObjectNode) JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a corpus document is not JSON", e);
    }
  }

  /** Returns {@code untouched} with the field {@code name} (or element {@code index}) of {@code parent} in {@code form}. */
  static String withField(ObjectNode untouched, String parent, String name, int index, WireForm form) {
    ObjectNode document = untouched.deepCopy();
    JsonNode holder = document.at(parent);
    if (holder instanceof ObjectNode object) {
      if (form == WireForm.ABSENT) {
        object.remove(name);
      } else {
        object.set(name, form.node());
      }
    } else {
      ArrayNode array = (ArrayNode) holder;
      if (form == WireForm.ABSENT) {
        array.remove(index);
      } else {
        array.set(index, form.node());
      }
    }
    return document.toString();
  }

  /**
   * One field of the conversation document.
   *
   * @param path the field's path as a message names it, such as {@code conversation[2].end_timestamp}
   * @param parent the JSON pointer of the object or array that holds the field
   * @param name the field's name in {@code parent}, or null for an array element
   * @param index the element's index in {@code parent}, or -1 for a named field
   * @param kind which rule of the table applies
   * @param setter the untouched conversation with this field set to a domain value, or absent for null
   */
  private record Site(
      String path, String parent, String name, int index, FieldKind kind, BiFunction<Conversation, Object, Conversation> setter) {

    /** Returns the untouched document with this field in {@code form}, as JSON text. */
    String put(ObjectNode untouched, WireForm form) {
      return withField(untouched, parent, name, index, form);
    }

    /** Returns {@code conversation} with this field set to {@code value}, or absent when it is null. */
    Conversation set(Conversation conversation, Object value) {
      return setter.apply(conversation, value);
    }
  }
}
