package io.github.nebuly4j.testkit.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.nebuly4j.core.RequestViolation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * {@code POST /get-interactions} and {@code POST /get-interaction-aggregates} of {@link
 * FakeNebulyServer}: the seeded rows, checked requests, filters, the time range and paging.
 *
 * <ul>
 *   <li><b>Rows</b> are seeded as row documents (an interaction row keyed by its {@code id}, a
 *       conversation row by its {@code group_name}; seeding a key again replaces the row) and
 *       served as they were seeded. A page lists the rows in the time range that meet every filter
 *       (the AND that nebuly4j assumes), newest first, rows of the same instant by key: {@code
 *       {"total", "offset", "limit", "data"}}, {@code limit} being the one asked for.
 *   <li><b>Time</b>: an interaction is in the range when its {@code timestamp} (else its {@code
 *       end_timestamp}) is, both ends included; a conversation when its session, from {@code
 *       start_session} to {@code end_session} (either standing for both when the other is missing),
 *       shares an instant with it. A row without a readable instant is in no range.
 *   <li><b>Filters</b> (any of whose values matches; an {@code is_exclude} filter keeps the rows
 *       that match none): on an interaction, {@code topic}, {@code user} ({@code end_user}) and
 *       {@code user_query} are exact text, {@code keyword} a substring of {@code input_text}, {@code
 *       output_text} or {@code user_query} ignoring case, {@code tag} the value of {@code
 *       tags.<tag>}, {@code user_feedback} an element of {@code feedback}. On a conversation, {@code
 *       topic} is an element of its {@code topics}; every other kind above matches when one of the
 *       seeded interaction rows whose {@code conversation_id} is the conversation's matches.
 *       {@code user_intent}, {@code negative_user_intent} and {@code type_of_problem} are not in a
 *       row: the fake answers 501, rather than answering wrongly.
 *   <li><b>Grouping</b>: which {@code group_by} groups by conversation is not published, so the
 *       fake groups by conversation whatever valid {@code group_by} it is sent, and answers 501
 *       without one (Nebuly would answer one row of totals). {@code variables} are ignored (every
 *       metric is sent); a non-empty {@code additional_group_bys} is 501.
 *   <li><b>422</b>, in FastAPI's form, for a body that is not an object; a missing {@code
 *       time_range}, {@code start}, {@code end}, {@code filters}, {@code limit} or {@code offset};
 *       a date-time that is not ISO-8601 text; a filter that is not an object, of an unknown {@code
 *       kind}, without {@code values} or with a value that is not text, a {@code tag} filter
 *       without its {@code tag} (the fake's own rule: the pages only say that {@code tag} names the
 *       tag); an {@code is_exclude} that is not a boolean; a {@code limit} outside 1 to {@value
 *       #MAX_LIMIT} (Nebuly publishes no maximum; this is the fake's); a negative {@code offset}.
 * </ul>
 *
 * <p>Thread-safe.
 */
final class ListingEndpoints {
  /** The largest {@code limit} the fake accepts. */
  static final int MAX_LIMIT = 1000;

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  /** The published filter kinds, in the published order. */
  private static final List<String> KINDS =
      List.of(
          "user_intent",
          "negative_user_intent",
          "keyword",
          "user_feedback",
          "tag",
          "type_of_problem",
          "topic",
          "user",
          "user_query");

  private final RowStore interactions = new RowStore("id", "timestamp", "end_timestamp");
  private final RowStore conversations = new RowStore("group_name", "start_session", "end_session");

  /**
   * Stores interaction rows.
   *
   * @param rows the row documents
   * @throws IllegalArgumentException if one is not a JSON object
   */
  void seedInteractionRows(List<String> rows) {
    interactions.putAll(rows.stream().map(ListingEndpoints::object).toList());
  }

  /**
   * Stores conversation rows.
   *
   * @param rows the row documents
   * @throws IllegalArgumentException if one is not a JSON object
   */
  void seedConversationRows(List<String> rows) {
    conversations.putAll(rows.stream().map(ListingEndpoints::object).toList());
  }

  /** Forgets every row. */
  void clear() {
    interactions.clear();
    conversations.clear();
  }

  /** Answers {@code POST /get-interactions}. */
  Response interactions(byte[] body) {
    List<RequestViolation> violations = new ArrayList<>();
    Optional<ListingRequest> request = ListingRequest.read(body, false, violations);
    if (request.isEmpty()) {
      return invalid(violations);
    }
    ListingRequest listing = request.get();
    Optional<String> unservable = listing.unservableKind(Set.of());
    if (unservable.isPresent()) {
      return notServed(unservable.get(), "an interaction row");
    }
    List<ObjectNode> matching =
        interactions.newestFirst().stream()
            .filter(row -> row.isWithin(listing))
            .map(ListedRow::document)
            .filter(row -> listing.filters().stream().allMatch(filter -> filter.keeps(interactionMatches(row, filter))))
            .toList();
    return page(listing, matching);
  }

  /** Answers {@code POST /get-interaction-aggregates}. */
  Response aggregates(byte[] body) {
    List<RequestViolation> violations = new ArrayList<>();
    Optional<ListingRequest> request = ListingRequest.read(body, true, violations);
    if (request.isEmpty()) {
      return invalid(violations);
    }
    ListingRequest listing = request.get();
    if (!listing.grouped()) {
      return Response.error(
          501,
          "The fake Nebuly server serves get-interaction-aggregates grouped by conversation only;"
              + " send a group_by (without one, Nebuly answers one row of totals)");
    }
    if (listing.splitFurther()) {
      return Response.error(501, "The fake Nebuly server does not serve additional_group_bys");
    }
    Optional<String> unservable = listing.unservableKind(Set.of("topic"));
    if (unservable.isPresent()) {
      return notServed(unservable.get(), "a conversation row or its interaction rows");
    }
    Map<String, List<ObjectNode>> interactionsOf =
        listing.filters().stream().allMatch(filter -> filter.kind().equals("topic"))
            ? Map.of()
            : interactions.newestFirst().stream()
                .map(ListedRow::document)
                .filter(row -> text(row.get("conversation_id")).isPresent())
                .collect(Collectors.groupingBy(row -> text(row.get("conversation_id")).orElseThrow()));
    List<ObjectNode> matching =
        conversations.newestFirst().stream()
            .filter(row -> row.isWithin(listing))
            .filter(
                row ->
                    listing.filters().stream()
                        .allMatch(
                            filter ->
                                filter.keeps(conversationMatches(row, filter, interactionsOf.getOrDefault(row.key(), List.of())))))
            .map(ListedRow::document)
            .toList();
    return page(listing, matching);
  }

  private static Response page(ListingRequest request, List<ObjectNode> matching) {
    ObjectNode page = JSON.createObjectNode();
    page.put("total", matching.size());
    page.put("offset", request.offset());
    page.put("limit", request.limit());
    ArrayNode data = page.putArray("data");
    int from = (int) Math.min(request.offset(), matching.size());
    data.addAll(matching.subList(from, Math.min(from + request.limit(), matching.size())));
    try {
      return Response.json(200, JSON.writeValueAsString(page));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("a page of the fake could not be written", e);
    }
  }

  private static Response invalid(List<RequestViolation> violations) {
    return Response.json(422, NebulyDocuments.validationError(violations));
  }

  private static Response notServed(String kind, String where) {
    return Response.error(
        501, "The fake Nebuly server cannot apply a " + kind + " filter: " + where + " does not carry it");
  }

  /** Whether an interaction row matches a filter, exclusion aside. */
  private static boolean interactionMatches(JsonNode row, Filter filter) {
    return switch (filter.kind()) {
      case "topic" -> filter.matches(text(row.get("topic")));
      case "user" -> filter.matches(text(row.get("end_user")));
      case "user_query" -> filter.matches(text(row.get("user_query")));
      case "keyword" ->
          List.of("input_text", "output_text", "user_query").stream()
              .map(name -> text(row.get(name)))
              .flatMap(Optional::stream)
              .map(value -> value.toLowerCase(Locale.ROOT))
              .anyMatch(value -> filter.values().stream().anyMatch(word -> value.contains(word.toLowerCase(Locale.ROOT))));
      case "tag" -> filter.matches(text(row.path("tags").get(filter.tag().orElseThrow())));
      case "user_feedback" -> elements(row.get("feedback")).anyMatch(filter::matches);
      default -> throw new IllegalStateException("no rule for a " + filter.kind() + " filter");
    };
  }

  /** Whether a conversation row matches a filter, exclusion aside. */
  private static boolean conversationMatches(ListedRow row, Filter filter, List<ObjectNode> itsInteractions) {
    if (filter.kind().equals("topic")) {
      return elements(row.document().get("topics")).anyMatch(filter::matches);
    }
    return itsInteractions.stream().anyMatch(interaction -> interactionMatches(interaction, filter));
  }

  private static java.util.stream.Stream<Optional<String>> elements(JsonNode array) {
    List<Optional<String>> texts = new ArrayList<>();
    if (array != null && array.isArray()) {
      array.forEach(element -> texts.add(text(element)));
    }
    return texts.stream();
  }

  /** A string, number or boolean as its text; empty for anything else. */
  private static Optional<String> text(JsonNode node) {
    return node != null && node.isValueNode() && !node.isNull() ? Optional.of(node.asText()) : Optional.empty();
  }

  private static ObjectNode object(String json) {
    try {
      JsonNode node = JSON.readTree(json);
      if (node instanceof ObjectNode object) {
        return object;
      }
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("a row is not JSON: " + e.getOriginalMessage(), e);
    }
    throw new IllegalArgumentException("a row must be a JSON object");
  }

  /** An ISO-8601 date-time: with {@code Z} or an offset, or without (UTC); a space may stand for {@code T}. */
  static Optional<Instant> instant(JsonNode node) {
    if (node == null || !node.isTextual()) {
      return Optional.empty();
    }
    String text = node.asText().strip().replace(' ', 'T');
    try {
      return Optional.of(OffsetDateTime.parse(text).toInstant());
    } catch (DateTimeException offsetMissing) {
      try {
        return Optional.of(LocalDateTime.parse(text).toInstant(ZoneOffset.UTC));
      } catch (DateTimeException notADateTime) {
        return Optional.empty();
      }
    }
  }

  /**
   * A seeded row, with what listing it needs.
   *
   * @param key its id or group name; a row without one gets a key of its own
   * @param document the row as seeded
   * @param from the first instant it covers, if readable
   * @param to the last instant it covers, if readable
   */
  private record ListedRow(String key, ObjectNode document, Optional<Instant> from, Optional<Instant> to) {
    boolean isWithin(ListingRequest request) {
      return from.isPresent()
          && !from.get().isAfter(to.get())
          && !from.get().isAfter(request.end())
          && !to.get().isBefore(request.start());
    }
  }

  /** The rows of one endpoint, sorted newest first when a page needs them. */
  private static final class RowStore {
    private static final AtomicLong UNKEYED = new AtomicLong();
    private static final Comparator<ListedRow> NEWEST_FIRST =
        Comparator.comparing((ListedRow row) -> row.from().orElse(Instant.MIN), Comparator.reverseOrder())
            .thenComparing(ListedRow::key);

    private final String keyName;
    private final String fromName;
    private final String toName;
    private final Map<String, ListedRow> rows = new LinkedHashMap<>();
    private List<ListedRow> sorted = List.of();
    private boolean stale;

    RowStore(String keyName, String fromName, String toName) {
      this.keyName = keyName;
      this.fromName = fromName;
      this.toName = toName;
    }

    synchronized void putAll(List<ObjectNode> documents) {
      for (ObjectNode document : documents) {
        JsonNode key = document.get(keyName);
        Optional<Instant> from = instant(document.get(fromName)).or(() -> instant(document.get(toName)));
        Optional<Instant> to = instant(document.get(toName)).or(() -> from);
        String keyText = key != null && key.isTextual() ? key.asText() : "\u0000unkeyed-" + UNKEYED.incrementAndGet();
        rows.put(keyText, new ListedRow(keyText, document, from, to));
      }
      stale = true;
    }

    synchronized void clear() {
      rows.clear();
      sorted = List.of();
      stale = false;
    }

    synchronized List<ListedRow> newestFirst() {
      if (stale) {
        List<ListedRow> copy = new ArrayList<>(rows.values());
        copy.sort(NEWEST_FIRST);
        sorted = List.copyOf(copy);
        stale = false;
      }
      return sorted;
    }
  }

  /**
   * One filter of a request.
   *
   * @param kind a published kind
   * @param tag the tag of a {@code tag} filter
   * @param values the values, OR-ed
   * @param excluded whether the filter keeps the rows that match none of them
   */
  private record Filter(String kind, Optional<String> tag, List<String> values, boolean excluded) {
    boolean matches(Optional<String> text) {
      return text.map(values::contains).orElse(false);
    }

    boolean keeps(boolean matches) {
      return excluded != matches;
    }
  }

  /**
   * A listing request that passed the checks.
   *
   * @param start the time range's start
   * @param end the time range's end
   * @param filters the filters
   * @param limit rows per page
   * @param offset rows to skip
   * @param grouped whether it had a {@code group_by}
   * @param splitFurther whether it had a non-empty {@code additional_group_bys}
   */
  private record ListingRequest(
      Instant start, Instant end, List<Filter> filters, int limit, long offset, boolean grouped, boolean splitFurther) {

    /** The first filter kind that the fake cannot read from the rows, if any. */
    Optional<String> unservableKind(Set<String> alsoServed) {
      Set<String> served = Set.of("topic", "user", "user_query", "keyword", "tag", "user_feedback");
      return filters.stream()
          .map(Filter::kind)
          .filter(kind -> !served.contains(kind) && !alsoServed.contains(kind))
          .findFirst();
    }

    /** Reads and checks a request body; empty when it broke a rule, each listed in {@code violations}. */
    static Optional<ListingRequest> read(byte[] body, boolean aggregates, List<RequestViolation> violations) {
      JsonNode request;
      try {
        request = JSON.readTree(body);
      } catch (IOException e) {
        request = null;
      }
      if (request == null || !request.isObject()) {
        violations.add(violation(List.of("body"), "value is not a valid dict", "type_error.dict"));
        return Optional.empty();
      }
      Instant[] range = timeRange(request.get("time_range"), violations);
      List<Filter> filters = filters(request.get("filters"), aggregates, violations);
      long limit = integer(request.get("limit"), "limit", 1, MAX_LIMIT, violations);
      long offset = integer(request.get("offset"), "offset", 0, Long.MAX_VALUE, violations);
      boolean grouped = false;
      boolean splitFurther = false;
      if (aggregates) {
        grouped = groupBy(request.get("group_by"), violations);
        JsonNode splits = request.get("additional_group_bys");
        splitFurther = splits != null && splits.isArray() && !splits.isEmpty();
      }
      if (!violations.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(new ListingRequest(range[0], range[1], filters, (int) limit, offset, grouped, splitFurther));
    }

    private static Instant[] timeRange(JsonNode range, List<RequestViolation> violations) {
      Instant[] startAndEnd = new Instant[2];
      if (present(range, List.of("body", "time_range"), violations) && isObject(range, List.of("body", "time_range"), violations)) {
        List<String> names = List.of("start", "end");
        for (int i = 0; i < 2; i++) {
          List<String> location = List.of("body", "time_range", names.get(i));
          JsonNode value = range.get(names.get(i));
          if (present(value, location, violations)) {
            Optional<Instant> instant = instant(value);
            if (instant.isEmpty()) {
              violations.add(violation(location, "invalid datetime format", "value_error.datetime"));
            } else {
              startAndEnd[i] = instant.get();
            }
          }
        }
      }
      return startAndEnd;
    }

    private static List<Filter> filters(JsonNode filters, boolean aggregates, List<RequestViolation> violations) {
      List<Filter> read = new ArrayList<>();
      List<String> location = List.of("body", "filters");
      if (!present(filters, location, violations)) {
        return read;
      }
      if (!filters.isArray()) {
        violations.add(violation(location, "value is not a valid list", "type_error.list"));
        return read;
      }
      for (int i = 0; i < filters.size(); i++) {
        List<String> at = List.of("body", "filters", Integer.toString(i));
        JsonNode filter = filters.get(i);
        if (!isObject(filter, at, violations)) {
          continue;
        }
        int before = violations.size();
        JsonNode kind = filter.get("kind");
        if (present(kind, append(at, "kind"), violations) && !(kind.isTextual() && KINDS.contains(kind.asText()))) {
          violations.add(
              violation(
                  append(at, "kind"),
                  "value is not a valid enumeration member; permitted: "
                      + KINDS.stream().map(k -> "'" + k + "'").collect(Collectors.joining(", ")),
                  "type_error.enum"));
        }
        Optional<String> tag = Optional.empty();
        JsonNode tagNode = filter.get("tag");
        if (tagNode != null && !tagNode.isNull()) {
          if (tagNode.isTextual()) {
            tag = Optional.of(tagNode.asText());
          } else {
            violations.add(violation(append(at, "tag"), "str type expected", "type_error.str"));
          }
        } else if (kind != null && kind.asText().equals("tag")) {
          violations.add(violation(append(at, "tag"), "field required", "value_error.missing"));
        }
        List<String> values = new ArrayList<>();
        JsonNode valuesNode = filter.get("values");
        if (present(valuesNode, append(at, "values"), violations)) {
          if (!valuesNode.isArray()) {
            violations.add(violation(append(at, "values"), "value is not a valid list", "type_error.list"));
          } else {
            for (int v = 0; v < valuesNode.size(); v++) {
              if (valuesNode.get(v).isTextual()) {
                values.add(valuesNode.get(v).asText());
              } else {
                violations.add(violation(append(append(at, "values"), Integer.toString(v)), "str type expected", "type_error.str"));
              }
            }
          }
        }
        boolean excluded = false;
        JsonNode exclude = filter.get("is_exclude");
        if (aggregates && exclude != null && !exclude.isNull()) {
          if (exclude.isBoolean()) {
            excluded = exclude.asBoolean();
          } else {
            violations.add(violation(append(at, "is_exclude"), "value could not be parsed to a boolean", "type_error.bool"));
          }
        }
        if (violations.size() == before) {
          read.add(new Filter(kind.asText(), tag, List.copyOf(values), excluded));
        }
      }
      return read;
    }

    private static boolean groupBy(JsonNode groupBy, List<RequestViolation> violations) {
      if (groupBy == null || groupBy.isNull()) {
        return false;
      }
      List<String> location = List.of("body", "group_by");
      if (!isObject(groupBy, location, violations)) {
        return false;
      }
      JsonNode kind = groupBy.get("kind");
      if (present(kind, append(location, "kind"), violations) && !kind.isTextual()) {
        violations.add(violation(append(location, "kind"), "str type expected", "type_error.str"));
      }
      return true;
    }

    private static long integer(JsonNode value, String name, long min, long max, List<RequestViolation> violations) {
      List<String> location = List.of("body", name);
      if (!present(value, location, violations)) {
        return min;
      }
      if (!value.isIntegralNumber() || !value.canConvertToLong()) {
        violations.add(violation(location, "value is not a valid integer", "type_error.integer"));
        return min;
      }
      long number = value.asLong();
      if (number < min) {
        violations.add(
            violation(location, "ensure this value is greater than or equal to " + min, "value_error.number.not_ge"));
      } else if (number > max) {
        violations.add(
            violation(location, "ensure this value is less than or equal to " + max, "value_error.number.not_le"));
      }
      return number;
    }

    private static boolean present(JsonNode value, List<String> location, List<RequestViolation> violations) {
      if (value == null || value.isNull()) {
        violations.add(violation(location, "field required", "value_error.missing"));
        return false;
      }
      return true;
    }

    private static boolean isObject(JsonNode value, List<String> location, List<RequestViolation> violations) {
      if (!value.isObject()) {
        violations.add(violation(location, "value is not a valid dict", "type_error.dict"));
        return false;
      }
      return true;
    }

    private static List<String> append(List<String> location, String part) {
      List<String> longer = new ArrayList<>(location);
      longer.add(part);
      return longer;
    }

    private static RequestViolation violation(List<String> location, String message, String type) {
      return new RequestViolation(location, message, type);
    }
  }
}
