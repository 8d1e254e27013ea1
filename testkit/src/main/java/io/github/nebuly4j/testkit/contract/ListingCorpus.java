package io.github.nebuly4j.testkit.contract;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.nebuly4j.core.ConversationId;
import io.github.nebuly4j.core.ConversationSummary;
import io.github.nebuly4j.core.InteractionId;
import io.github.nebuly4j.core.InteractionSummary;
import io.github.nebuly4j.core.MicroDollars;
import io.github.nebuly4j.core.Omission;
import io.github.nebuly4j.core.Page;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The robustness corpus of the listing pages, generated like {@link DecodingCorpus}: for every
 * field of a {@code POST /get-interactions} page and of a {@code POST /get-interaction-aggregates}
 * page (the page's own fields, and every field of its first and last row, their entries and
 * elements), the untouched page with that one field in each {@link WireForm}. Each case carries the
 * outcome of the rule table {@link FieldKind}: the untouched page with that one field changed and
 * the omissions its row must list (paths relative to the row, such as {@code tags.channel}), or a
 * {@code MalformedResponse} naming the field's path in the page (such as {@code data[2].id}).
 *
 * <p>Each page answers the first page ({@link #OFFSET}) of a query of page size {@link #LIMIT}. A
 * client's test decodes each {@link ListingCase#document()} as that answer and hands the outcome to
 * {@link ListingCase#verify}; {@link HttpDecodingContract} serves them through {@code
 * FakeNebulyServer}.
 *
 * <p>The rows' names beyond those that Nebuly publishes are nebuly4j's own choice (see {@code
 * docs/wire-protocol.md}), spelled out here independently of any client.
 */
public final class ListingCorpus {
  /** The page size each case is the answer for. */
  public static final int LIMIT = 10;

  /** The offset each case is the answer for. */
  public static final long OFFSET = 0;

  /** The untouched {@code get-interactions} page: three rows, every field present. */
  public static final String INTERACTION_PAGE_DOCUMENT = interactionPageDocument();

  /** The untouched {@code get-interaction-aggregates} page: three rows, every metric present. */
  public static final String CONVERSATION_PAGE_DOCUMENT = conversationPageDocument();

  private static final int ROWS = 3;
  private static final int[] SAMPLED_ROWS = {0, ROWS - 1};

  private ListingCorpus() {}

  /**
   * Returns what {@link #INTERACTION_PAGE_DOCUMENT} decodes to.
   *
   * @return the page, every row complete
   */
  public static Page<InteractionSummary> untouchedInteractionPage() {
    List<InteractionSummary> rows = new ArrayList<>();
    for (int i = 0; i < ROWS; i++) {
      rows.add(
          InteractionSummary.builder()
              .id(InteractionId.of("i-" + i))
              .conversationId(ConversationId.of("c-" + i))
              .input("question " + i)
              .output("answer " + i)
              .userQuery("query " + i)
              .endUser("user " + i)
              .timestamp(Instant.parse(DecodingCorpus.STARTS[i]))
              .endTimestamp(Instant.parse(DecodingCorpus.ENDS[i]))
              .cost(MicroDollars.parse("12.5"))
              .latency(Duration.ofMillis(820))
              .language("en")
              .topic("topic " + i)
              .sentiment(DecodingCorpus.SENTIMENTS[i])
              .addEmotions("joy", "anger")
              .putTags("channel", "web")
              .putTags("plan", "pro")
              .addFeedback("thumbs up", "copied")
              .build());
    }
    return new Page<>(ROWS, OFFSET, LIMIT, rows);
  }

  /**
   * Returns what {@link #CONVERSATION_PAGE_DOCUMENT} decodes to.
   *
   * @return the page, every row complete
   */
  public static Page<ConversationSummary> untouchedConversationPage() {
    List<ConversationSummary> rows = new ArrayList<>();
    for (int i = 0; i < ROWS; i++) {
      Instant start = Instant.parse(DecodingCorpus.STARTS[i]);
      rows.add(
          ConversationSummary.builder()
              .from(ListingData.fullConversation("c-" + i, start))
              .sessionTime(Duration.ofMillis(12_500))
              .endSession(Instant.parse(DecodingCorpus.ENDS[i]))
              .topics(List.of("topic a", "topic b"))
              .tagValueCounts(Map.of())
              .putTagValueCounts("channel", 1)
              .putTagValueCounts("plan", 2)
              .build());
    }
    return new Page<>(ROWS, OFFSET, LIMIT, rows);
  }

  /**
   * Returns every case of the interactions page: the untouched page first, then each field in each
   * form.
   *
   * @return the cases, several hundred
   */
  public static List<ListingCase<InteractionSummary>> interactionPageCases() {
    List<Site<InteractionSummary>> sites = pageSites(FieldKind.INTERACTION);
    for (int i : SAMPLED_ROWS) {
      sites.add(row(i, "id", FieldKind.INTERACTION_ID, (r, v) -> r.withId((InteractionId) v)));
      sites.add(row(i, "conversation_id", FieldKind.CONVERSATION_REF, (r, v) -> r.withConversationId(Optional.ofNullable((ConversationId) v))));
      sites.add(row(i, "input_text", FieldKind.TEXT, (r, v) -> r.withInput(Optional.ofNullable((String) v))));
      sites.add(row(i, "output_text", FieldKind.TEXT, (r, v) -> r.withOutput(Optional.ofNullable((String) v))));
      sites.add(row(i, "user_query", FieldKind.TEXT, (r, v) -> r.withUserQuery(Optional.ofNullable((String) v))));
      sites.add(row(i, "end_user", FieldKind.TEXT, (r, v) -> r.withEndUser(Optional.ofNullable((String) v))));
      sites.add(row(i, "timestamp", FieldKind.TIMESTAMP, (r, v) -> r.withTimestamp(Optional.ofNullable((Instant) v))));
      sites.add(row(i, "end_timestamp", FieldKind.TIMESTAMP, (r, v) -> r.withEndTimestamp(Optional.ofNullable((Instant) v))));
      sites.add(row(i, "cost", FieldKind.MICROS, (r, v) -> r.withCost(Optional.ofNullable((MicroDollars) v))));
      sites.add(row(i, "latency", FieldKind.SECONDS, (r, v) -> r.withLatency(Optional.ofNullable((Duration) v))));
      sites.add(row(i, "language", FieldKind.TEXT, (r, v) -> r.withLanguage(Optional.ofNullable((String) v))));
      sites.add(row(i, "topic", FieldKind.TEXT, (r, v) -> r.withTopic(Optional.ofNullable((String) v))));
      sites.add(row(i, "sentiment", FieldKind.TEXT, (r, v) -> r.withSentiment(Optional.ofNullable((String) v))));
      sites.add(row(i, "emotions", FieldKind.TEXT_LIST, (r, v) -> r.withEmotions(v == null ? List.of() : texts(v))));
      sites.add(row(i, "tags", FieldKind.TEXT_MAP, (r, v) -> r.withTags(v == null ? Map.of() : textMap(v))));
      sites.add(row(i, "feedback", FieldKind.TEXT_LIST, (r, v) -> r.withFeedback(v == null ? List.of() : texts(v))));
      for (String tag : List.of("channel", "plan")) {
        sites.add(entry(i, "tags", tag, FieldKind.MAP_VALUE, (r, v) -> r.withTags(DecodingCorpus.replaced(r.tags(), tag, (String) v))));
      }
      for (int e : new int[] {0, 1}) {
        sites.add(element(i, "emotions", e, FieldKind.LIST_ELEMENT, (r, v) -> r.withEmotions(DecodingCorpus.replaced(r.emotions(), e, (String) v))));
        sites.add(element(i, "feedback", e, FieldKind.LIST_ELEMENT, (r, v) -> r.withFeedback(DecodingCorpus.replaced(r.feedback(), e, (String) v))));
      }
    }
    return cases(
        INTERACTION_PAGE_DOCUMENT,
        untouchedInteractionPage(),
        sites,
        InteractionSummary::omissions,
        row -> row.withOmissions(List.of()));
  }

  /**
   * Returns every case of the conversations page: the untouched page first, then each field in
   * each form.
   *
   * @return the cases, several hundred
   */
  public static List<ListingCase<ConversationSummary>> conversationPageCases() {
    List<Site<ConversationSummary>> sites = pageSites(FieldKind.CONVERSATION_ROW);
    for (int i : SAMPLED_ROWS) {
      sites.add(row(i, "group_name", FieldKind.GROUP_NAME, (r, v) -> r.withId((ConversationId) v)));
      sites.add(row(i, "n_interactions", FieldKind.COUNT, (r, v) -> r.withInteractionCount(count(v))));
      sites.add(row(i, "n_users", FieldKind.COUNT, (r, v) -> r.withUserCount(count(v))));
      sites.add(row(i, "n_feedback", FieldKind.COUNT, (r, v) -> r.withFeedbackCount(count(v))));
      sites.add(row(i, "n_positive_implicit_feedback", FieldKind.COUNT, (r, v) -> r.withPositiveImplicitFeedbackCount(count(v))));
      sites.add(row(i, "n_negative_implicit_feedback", FieldKind.COUNT, (r, v) -> r.withNegativeImplicitFeedbackCount(count(v))));
      sites.add(row(i, "n_positive_explicit_feedback", FieldKind.COUNT, (r, v) -> r.withPositiveExplicitFeedbackCount(count(v))));
      sites.add(row(i, "n_negative_explicit_feedback", FieldKind.COUNT, (r, v) -> r.withNegativeExplicitFeedbackCount(count(v))));
      sites.add(row(i, "cost", FieldKind.MICROS, (r, v) -> r.withCost(Optional.ofNullable((MicroDollars) v))));
      sites.add(row(i, "latency_seconds", FieldKind.SECONDS, (r, v) -> r.withLatency(Optional.ofNullable((Duration) v))));
      sites.add(row(i, "session_time", FieldKind.SECONDS, (r, v) -> r.withSessionTime(Optional.ofNullable((Duration) v))));
      sites.add(row(i, "start_session", FieldKind.TIMESTAMP, (r, v) -> r.withStartSession(Optional.ofNullable((Instant) v))));
      sites.add(row(i, "end_session", FieldKind.TIMESTAMP, (r, v) -> r.withEndSession(Optional.ofNullable((Instant) v))));
      sites.add(row(i, "topics", FieldKind.TEXT_LIST, (r, v) -> r.withTopics(v == null ? List.of() : texts(v))));
      sites.add(row(i, "sentiment_score", FieldKind.SCORE, (r, v) -> r.withSentimentScore(v == null ? OptionalDouble.empty() : OptionalDouble.of((Double) v))));
      sites.add(row(i, "n_emotions", FieldKind.COUNT, (r, v) -> r.withEmotionCount(count(v))));
      sites.add(row(i, "tags", FieldKind.TAG_COUNTS, (r, v) -> r.withTagValueCounts(v == null ? Map.of() : counts(v))));
      for (int e : new int[] {0, 1}) {
        sites.add(element(i, "topics", e, FieldKind.LIST_ELEMENT, (r, v) -> r.withTopics(DecodingCorpus.replaced(r.topics(), e, (String) v))));
        sites.add(element(i, "tags", e, FieldKind.TAG_COUNT, (r, v) -> r.withTagValueCounts(withoutEntry(r.tagValueCounts(), e))));
        sites.add(
            entry(i, "tags/" + e, "tag_name", "tags[" + e + "].tag_name", FieldKind.TAG_NAME,
                (r, v) -> r.withTagValueCounts(v == null ? withoutEntry(r.tagValueCounts(), e) : renamed(r.tagValueCounts(), e, (String) v))));
        sites.add(
            entry(i, "tags/" + e, "n_tag_values", "tags[" + e + "].n_tag_values", FieldKind.TAG_VALUE_COUNT,
                (r, v) -> r.withTagValueCounts(v == null ? withoutEntry(r.tagValueCounts(), e) : recounted(r.tagValueCounts(), e, (Integer) v))));
      }
    }
    return cases(
        CONVERSATION_PAGE_DOCUMENT,
        untouchedConversationPage(),
        sites,
        ConversationSummary::omissions,
        row -> row.withOmissions(List.of()));
  }

  private static <T> List<ListingCase<T>> cases(
      String untouchedDocument,
      Page<T> expected,
      List<Site<T>> sites,
      Function<T, List<Omission>> omissionsOf,
      Function<T, T> withoutOmissions) {
    ObjectNode untouched = DecodingCorpus.parse(untouchedDocument);
    List<List<String>> none = expected.rows().stream().map(row -> List.<String>of()).toList();
    List<ListingCase<T>> cases = new ArrayList<>();
    cases.add(new ListingCase<>("the untouched page", untouchedDocument, expected, none, null, omissionsOf, withoutOmissions));
    for (Site<T> site : sites) {
      for (WireForm form : WireForm.values()) {
        String name = site.path() + " as " + form.description();
        String document = DecodingCorpus.withField(untouched, site.parent(), site.name(), site.index(), form);
        FieldKind.Outcome outcome = site.kind().outcome(form);
        if (outcome instanceof FieldKind.Outcome.Malformed malformed) {
          cases.add(new ListingCase<>(name, document, null, List.of(), site.path() + malformed.pathSuffix(), omissionsOf, withoutOmissions));
          continue;
        }
        Page<T> page = expected;
        List<String> omitted = List.of();
        if (outcome instanceof FieldKind.Outcome.Value value) {
          page = site.setter().apply(expected, value.value());
          omitted = value.omittedSuffixes().stream().map(suffix -> site.rowPath() + suffix).toList();
        } else if (outcome instanceof FieldKind.Outcome.Omitted) {
          page = site.setter().apply(expected, null);
          omitted = List.of(site.rowPath());
        } else if (outcome instanceof FieldKind.Outcome.Absent) {
          page = site.setter().apply(expected, null);
        }
        List<List<String>> omissions = new ArrayList<>(page.rows().stream().map(row -> List.<String>of()).toList());
        if (!omitted.isEmpty()) {
          omissions.set(site.row(), omitted);
        }
        cases.add(new ListingCase<>(name, document, page, List.copyOf(omissions), null, omissionsOf, withoutOmissions));
      }
    }
    return List.copyOf(cases);
  }

  /** The page's own fields, and its first and last row as a whole. */
  private static <T> List<Site<T>> pageSites(FieldKind rowKind) {
    List<Site<T>> sites = new ArrayList<>();
    sites.add(new Site<>("total", "", "total", -1, -1, "total", FieldKind.TOTAL,
        (p, v) -> new Page<>((Long) v, p.offset(), p.limit(), p.rows())));
    sites.add(new Site<>("offset", "", "offset", -1, -1, "offset", FieldKind.OFFSET, (p, v) -> p));
    sites.add(new Site<>("limit", "", "limit", -1, -1, "limit", FieldKind.LIMIT,
        (p, v) -> new Page<>(p.total(), p.offset(), (Integer) v, p.rows())));
    sites.add(new Site<>("data", "", "data", -1, -1, "data", FieldKind.ROWS, (p, v) -> p));
    for (int i : SAMPLED_ROWS) {
      sites.add(new Site<>("data[" + i + "]", "/data", null, i, i, "", rowKind,
          (p, v) -> new Page<>(p.total(), p.offset(), p.limit(), DecodingCorpus.replaced(p.rows(), i, null))));
    }
    return sites;
  }

  private static <T> Site<T> row(int index, String name, FieldKind kind, BiFunction<T, Object, T> set) {
    return new Site<>("data[" + index + "]." + name, "/data/" + index, name, -1, index, name, kind, inRow(index, set));
  }

  private static <T> Site<T> entry(int index, String map, String name, FieldKind kind, BiFunction<T, Object, T> set) {
    return entry(index, map, name, map + "." + name, kind, set);
  }

  private static <T> Site<T> entry(
      int index, String parent, String name, String rowPath, FieldKind kind, BiFunction<T, Object, T> set) {
    return new Site<>("data[" + index + "]." + rowPath, "/data/" + index + "/" + parent, name, -1, index, rowPath, kind, inRow(index, set));
  }

  private static <T> Site<T> element(int index, String array, int element, FieldKind kind, BiFunction<T, Object, T> set) {
    String rowPath = array + "[" + element + "]";
    return new Site<>("data[" + index + "]." + rowPath, "/data/" + index + "/" + array, null, element, index, rowPath, kind, inRow(index, set));
  }

  /** A change of one row, as a change of the page. */
  private static <T> BiFunction<Page<T>, Object, Page<T>> inRow(int index, BiFunction<T, Object, T> set) {
    return (page, value) ->
        new Page<>(
            page.total(),
            page.offset(),
            page.limit(),
            DecodingCorpus.replaced(page.rows(), index, set.apply(page.rows().get(index), value)));
  }

  private static OptionalInt count(Object value) {
    return value == null ? OptionalInt.empty() : OptionalInt.of((Integer) value);
  }

  @SuppressWarnings("unchecked")
  private static List<String> texts(Object value) {
    return (List<String>) value;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, String> textMap(Object value) {
    return (Map<String, String>) value;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Integer> counts(Object value) {
    return (Map<String, Integer>) value;
  }

  private static Map<String, Integer> withoutEntry(Map<String, Integer> counts, int position) {
    return rebuilt(counts, position, null, null);
  }

  private static Map<String, Integer> renamed(Map<String, Integer> counts, int position, String name) {
    return rebuilt(counts, position, name, null);
  }

  private static Map<String, Integer> recounted(Map<String, Integer> counts, int position, Integer count) {
    return rebuilt(counts, position, null, count);
  }

  /** The map in order, its entry at {@code position} dropped, or renamed, or recounted. */
  private static Map<String, Integer> rebuilt(Map<String, Integer> counts, int position, String name, Integer count) {
    Map<String, Integer> copy = new LinkedHashMap<>();
    int at = 0;
    for (Map.Entry<String, Integer> entry : counts.entrySet()) {
      if (at++ != position) {
        copy.put(entry.getKey(), entry.getValue());
      } else if (name != null) {
        copy.put(name, entry.getValue());
      } else if (count != null) {
        copy.put(entry.getKey(), count);
      }
    }
    return copy;
  }

  private static String interactionPageDocument() {
    ObjectNode page = pageOf();
    ArrayNode data = page.putArray("data");
    for (int i = 0; i < ROWS; i++) {
      ObjectNode row =
          data.addObject()
              .put("id", "i-" + i)
              .put("conversation_id", "c-" + i)
              .put("input_text", "question " + i)
              .put("output_text", "answer " + i)
              .put("user_query", "query " + i)
              .put("end_user", "user " + i)
              .put("timestamp", DecodingCorpus.STARTS[i])
              .put("end_timestamp", DecodingCorpus.ENDS[i])
              .put("cost", new BigDecimal("12.5"))
              .put("latency", new BigDecimal("0.82"))
              .put("language", "en")
              .put("topic", "topic " + i)
              .put("sentiment", DecodingCorpus.SENTIMENTS[i]);
      row.putArray("emotions").add("joy").add("anger");
      row.putObject("tags").put("channel", "web").put("plan", "pro");
      row.putArray("feedback").add("thumbs up").add("copied");
    }
    return page.toString();
  }

  private static String conversationPageDocument() {
    ObjectNode page = pageOf();
    ArrayNode data = page.putArray("data");
    for (int i = 0; i < ROWS; i++) {
      ObjectNode row =
          data.addObject()
              .put("group_name", "c-" + i)
              .put("n_interactions", 3)
              .put("n_users", 1)
              .put("n_feedback", 4)
              .put("n_positive_implicit_feedback", 1)
              .put("n_negative_implicit_feedback", 2)
              .put("n_positive_explicit_feedback", 0)
              .put("n_negative_explicit_feedback", 1)
              .put("cost", new BigDecimal("1523.75"))
              .put("latency_seconds", new BigDecimal("1.25"))
              .put("session_time", new BigDecimal("12.5"))
              .put("start_session", DecodingCorpus.STARTS[i])
              .put("end_session", DecodingCorpus.ENDS[i]);
      row.putArray("topics").add("topic a").add("topic b");
      row.put("sentiment_score", new BigDecimal("-0.25")).put("n_emotions", 2);
      ArrayNode tags = row.putArray("tags");
      tags.addObject().put("tag_name", "channel").put("n_tag_values", 1);
      tags.addObject().put("tag_name", "plan").put("n_tag_values", 2);
    }
    return page.toString();
  }

  private static ObjectNode pageOf() {
    return DecodingCorpus.parse("{}").put("total", ROWS).put("offset", OFFSET).put("limit", LIMIT);
  }

  /**
   * One field of a page.
   *
   * @param path the field's path in the page, as a {@code MalformedResponse} names it
   * @param parent the JSON pointer of the object or array that holds the field
   * @param name the field's name in {@code parent}, or null for an array element
   * @param index the element's index in {@code parent}, or -1 for a named field
   * @param row the index of the row it belongs to, or -1 for a field of the page
   * @param rowPath its path within its row, as an omission names it
   * @param kind which rule of the table applies
   * @param setter the untouched page with this field set to a domain value, or absent for null
   */
  private record Site<T>(
      String path,
      String parent,
      String name,
      int index,
      int row,
      String rowPath,
      FieldKind kind,
      BiFunction<Page<T>, Object, Page<T>> setter) {}
}
