package io.github.nebuly4j.core;

import java.util.Optional;

/**
 * What a {@link ListingFilter} filters on: the {@code kind} values that Nebuly's listing endpoints
 * publish for their {@code filters}.

 */
public enum FilterKind {
  /** The intent Nebuly detected in the user's input ({@code user_intent}). */
  USER_INTENT("user_intent"),
  /** A negative intent Nebuly detected ({@code negative_user_intent}). */
  NEGATIVE_USER_INTENT("negative_user_intent"),
  /** Words in the exchanged text ({@code keyword}). */
  KEYWORD("keyword"),
  /** The feedback users gave ({@code user_feedback}). */
  USER_FEEDBACK("user_feedback"),
  /**
   * The value of one tag ({@code tag}); the only kind that names a tag, with {@link
   * ListingFilter#tagName()}.
   */
  TAG("tag"),
  /** The type of problem Nebuly detected ({@code type_of_problem}). */
  TYPE_OF_PROBLEM("type_of_problem"),
  /** The topic Nebuly assigned ({@code topic}). */
  TOPIC("topic"),
  /** The end user ({@code user}). */
  USER("user"),
  /** The user query Nebuly extracted ({@code user_query}). */
  USER_QUERY("user_query");

  private final String apiName;

  FilterKind(String apiName) {
    this.apiName = apiName;
  }

  /**
   * Returns the kind as Nebuly's API writes it.
   *
   * @return the published name, such as {@code negative_user_intent}
   */
  public String apiName() {
    return apiName;
  }

  /**
   * Returns the kind that Nebuly's API writes as {@code apiName}.
   *
   * @param apiName a published name, such as {@code topic}; compared exactly
   * @return the kind, or empty for a name that is not published (or null)
   */
  public static Optional<FilterKind> fromApiName(String apiName) {
    for (FilterKind kind : values()) {
      if (kind.apiName.equals(apiName)) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }
}
