package io.github.nebuly4j.examples.view;

import io.github.nebuly4j.core.ConversationQuery;
import io.github.nebuly4j.core.FilterKind;
import io.github.nebuly4j.core.ListingFilter;
import io.github.nebuly4j.core.TimeRange;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What the start page lists, as its query string says: the days from {@code from} to {@code to}
 * (UTC, both included), the optional filters on a topic, a user and one tag's value, and the
 * offset of the page. Every value is a text of the form; an empty one is no filter.
 *
 * @param from the first day listed
 * @param to the last day listed, not before {@code from}
 * @param topic the topic the conversations must have, or empty
 * @param user the end user who held them, or empty
 * @param tagName the tag whose value they must have, or empty (then {@code tagValue} is empty too)
 * @param tagValue the tag's value, or empty
 * @param offset how many conversations of the listing come before the page
 */
public record StartQuery(
    LocalDate from, LocalDate to, String topic, String user, String tagName, String tagValue, long offset) {

  /** The conversations a page shows. */
  public static final int PAGE_SIZE = 20;

  /** The longest text a filter field accepts. */
  static final int MAX_TEXT = 200;

  /**
   * Reads the query string of a start page.
   *
   * @param parameter the first value of a query parameter by name, or null when absent
   * @param defaultFrom the first day when {@code from} is absent or empty
   * @param defaultTo the last day when {@code to} is absent or empty
   * @return the query
   * @throws IllegalArgumentException with a message for people that names the parameter, when a
   *     date is not {@code yyyy-mm-dd}, {@code from} is after {@code to}, a text is longer than
   *     {@value #MAX_TEXT} characters, only one of {@code tag} and {@code tag_value} is given, or
   *     {@code offset} is not a whole number from 0
   */
  public static StartQuery parse(Function<String, String> parameter, LocalDate defaultFrom, LocalDate defaultTo) {
    LocalDate from = date(parameter, "from", defaultFrom);
    LocalDate to = date(parameter, "to", defaultTo);
    if (from.isAfter(to)) {
      throw new IllegalArgumentException("The first day (from, " + from + ") is after the last day (to, " + to + ").");
    }
    String tagName = text(parameter, "tag");
    String tagValue = text(parameter, "tag_value");
    if (tagName.isEmpty() != tagValue.isEmpty()) {
      throw new IllegalArgumentException("A tag filter needs both the tag's name (tag) and the value it must have (tag_value).");
    }
    return new StartQuery(from, to, text(parameter, "topic"), text(parameter, "user"), tagName, tagValue, offset(parameter));
  }

  /**
   * Returns the listing query: the days as a time range from the start of {@code from} to the end
   * of {@code to}, UTC, and a filter for each field given.
   *
   * @return the query, in pages of {@value #PAGE_SIZE}
   */
  public ConversationQuery toQuery() {
    ConversationQuery.Builder query =
        ConversationQuery.builder()
            .timeRange(TimeRange.of(from.atStartOfDay(ZoneOffset.UTC).toInstant(), to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()))
            .pageSize(PAGE_SIZE);
    if (!topic.isEmpty()) {
      query.addFilters(ListingFilter.of(FilterKind.TOPIC, topic));
    }
    if (!user.isEmpty()) {
      query.addFilters(ListingFilter.of(FilterKind.USER, user));
    }
    if (!tagName.isEmpty()) {
      query.addFilters(ListingFilter.tag(tagName, tagValue));
    }
    return query.build();
  }

  /**
   * Returns the start page's path for the same days and filters at another offset.
   *
   * @param otherOffset the offset of that page
   * @return the path with its query string, such as {@code /?from=2026-06-01&to=2026-06-07&offset=20}
   */
  public String href(long otherOffset) {
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("from", from.toString());
    parameters.put("to", to.toString());
    parameters.put("topic", topic);
    parameters.put("user", user);
    parameters.put("tag", tagName);
    parameters.put("tag_value", tagValue);
    parameters.put("offset", otherOffset == 0 ? "" : Long.toString(otherOffset));
    return "/?"
        + parameters.entrySet().stream()
            .filter(parameter -> !parameter.getValue().isEmpty())
            .map(parameter -> parameter.getKey() + "=" + URLEncoder.encode(parameter.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
  }

  private static LocalDate date(Function<String, String> parameter, String name, LocalDate absent) {
    String value = text(parameter, name);
    if (value.isEmpty()) {
      return absent;
    }
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("The day '" + value + "' (" + name + ") is not a date written yyyy-mm-dd.");
    }
  }

  private static String text(Function<String, String> parameter, String name) {
    String value = parameter.apply(name);
    if (value == null) {
      return "";
    }
    String text = value.strip();
    if (text.length() > MAX_TEXT) {
      throw new IllegalArgumentException("The " + name + " filter is longer than " + MAX_TEXT + " characters.");
    }
    return text;
  }

  private static long offset(Function<String, String> parameter) {
    String value = text(parameter, "offset");
    if (value.isEmpty()) {
      return 0;
    }
    try {
      long offset = Long.parseLong(value);
      if (offset >= 0) {
        return offset;
      }
    } catch (NumberFormatException e) {
      // told below, with the value
    }
    throw new IllegalArgumentException("The offset '" + value + "' is not a whole number from 0.");
  }
}
