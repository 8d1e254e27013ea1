package io.github.nebuly4j.core;

import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One filter of a listing query: Nebuly's {@code {kind, tag?, values[], is_exclude?}}. A row meets
 * the filter when it matches <em>any</em> of the values (they are OR-ed, as Nebuly publishes); an
 * excluded filter keeps the rows that match none of them.
 *
 * <p>How several filters of one query combine is <em>not</em> published. nebuly4j assumes AND (a
 * row must meet every filter), and its fakes apply that rule. How Nebuly matches a value (exact
 * text, a substring, case) is not published either; values are sent as given.
 *
 * <p>Build one with {@link ListingFilter#of(FilterKind, String...)}, {@link
 * ListingFilter#tag(String, String...)} for a tag, and {@link ListingFilter#excluding()} for the
 * opposite; or with {@code ListingFilter.builder()}. A filter that breaks a rule fails at once,
 * with an {@link IllegalArgumentException} that names the rule: at least one value; a tag filter
 * names its tag; no other filter names one.
 */
@Value.Immutable
abstract class AbstractListingFilter {

  /** What the filter filters on. */
  public abstract FilterKind kind();

  /**
   * The name of the tag whose values the filter matches: present for a {@link FilterKind#TAG}
   * filter, and only for one.
   */
  public abstract Optional<String> tagName();

  /** The values, OR-ed; at least one, in the caller's order. */
  public abstract List<String> values();

  /**
   * Whether the filter keeps the rows that match none of its values (Nebuly's {@code is_exclude}).
   * Only conversation listings allow it; see {@link InteractionQuery}.
   */
  @Value.Default
  public boolean excluded() {
    return false;
  }

  /**
   * Returns a filter of any kind but {@link FilterKind#TAG}.
   *
   * @param kind what to filter on
   * @param values the values, OR-ed; at least one
   * @return the filter
   * @throws IllegalArgumentException if an argument is null, there is no value, or the kind is
   *     {@link FilterKind#TAG} (use {@link #tag(String, String...)})
   */
  public static ListingFilter of(FilterKind kind, String... values) {
    return ListingFilter.builder().kind(kind).addValues(values).build();
  }

  /**
   * Returns a filter of any kind but {@link FilterKind#TAG}.
   *
   * @param kind what to filter on
   * @param values the values, OR-ed; at least one
   * @return the filter
   * @throws IllegalArgumentException if an argument is null, there is no value, or the kind is
   *     {@link FilterKind#TAG} (use {@link #tag(String, String...)})
   */
  public static ListingFilter of(FilterKind kind, List<String> values) {
    return ListingFilter.builder().kind(kind).values(values).build();
  }

  /**
   * Returns a filter on the values of one tag.
   *
   * @param tagName the tag, such as {@code channel}; not blank
   * @param values the tag's values, OR-ed; at least one
   * @return the filter
   * @throws IllegalArgumentException if an argument is null, the tag name is blank, or there is no
   *     value
   */
  public static ListingFilter tag(String tagName, String... values) {
    return ListingFilter.builder().kind(FilterKind.TAG).tagName(tagName).addValues(values).build();
  }

  /**
   * Returns this filter reversed: it keeps the rows that match none of its values.
   *
   * @return the excluding filter
   */
  public ListingFilter excluding() {
    return ListingFilter.copyOf(this).withExcluded(true);
  }

  @Value.Check
  void check() {
    if (values().isEmpty()) {
      throw new IllegalArgumentException("a " + kind().apiName() + " filter needs at least one value");
    }
    if (kind() == FilterKind.TAG && tagName().map(String::isBlank).orElse(true)) {
      throw new IllegalArgumentException(
          "a tag filter needs the name of its tag; build it with ListingFilter.tag(name, values)");
    }
    if (kind() != FilterKind.TAG && tagName().isPresent()) {
      throw new IllegalArgumentException(
          "only a tag filter names a tag; a "
              + kind().apiName()
              + " filter was given the tag name '"
              + tagName().get()
              + "'");
    }
  }

  /** Returns the filter as {@code topic in [a, b]}, {@code tag channel not in [web]}. */
  @Override
  public String toString() {
    return kind().apiName()
        + tagName().map(name -> " " + name).orElse("")
        + (excluded() ? " not in " : " in ")
        + values();
  }
}
