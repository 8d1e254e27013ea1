package io.github.nebuly4j.examples.view;

import io.github.nebuly4j.core.ConversationListing;
import io.github.nebuly4j.core.ConversationSummary;
import io.github.nebuly4j.core.Page;
import io.github.nebuly4j.core.spi.Arguments;
import io.github.nebuly4j.testkit.demo.DemoConversations;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Loads the start page: one page of a conversation listing, with one request to Nebuly. By default
 * it lists the last seven days (UTC, today included); on the embedded demo backend the default
 * reaches back to the first demo conversation, so that they show whatever the date. Nothing here
 * blocks, so a viewer can call it on an event loop.
 */
public final class StartViews {
  /** The days listed by default, today included. */
  static final int DEFAULT_DAYS = 7;

  private static final Comparator<ConversationSummary> NEWEST_FIRST =
      Comparator.comparing(
          (ConversationSummary row) -> row.startSession().or(row::endSession).orElse(Instant.MIN), Comparator.reverseOrder());

  /** The day the first demo conversation started: the embedded fake's default reaches back to it. */
  private static final LocalDate FIRST_DEMO_DAY =
      DemoConversations.all().stream()
          .map(demo -> demo.conversation().startSession())
          .flatMap(Optional::stream)
          .map(start -> LocalDate.ofInstant(start, ZoneOffset.UTC))
          .min(Comparator.naturalOrder())
          .orElseThrow();

  /** The id the open-by-id form shows as an example. */
  private static final String EXAMPLE_ID = DemoConversations.all().get(0).conversation().id().value();

  private final ConversationListing listing;
  private final boolean embedded;
  private final Clock clock;

  /**
   * Creates the loader.
   *
   * @param listing where conversations are listed
   * @param embedded whether the viewer serves the embedded demo backend
   * @param clock what today is
   * @throws IllegalArgumentException if {@code listing} or {@code clock} is null
   */
  public StartViews(ConversationListing listing, boolean embedded, Clock clock) {
    this.listing = Arguments.requireNonNull(listing, "listing");
    this.embedded = embedded;
    this.clock = Arguments.requireNonNull(clock, "clock");
  }

  /**
   * Answers a request for the start page, whatever happens: 200 with a page of conversations; 400
   * with the default listing's form and a message when the query string breaks a rule of {@link
   * StartQuery#parse}; and the status of {@link ViewerError#of} with its message when Nebuly could
   * not list them.
   *
   * @param parameter the first value of a query parameter by name, or null when absent
   * @param answer makes the answer from the status and the view
   * @param <R> the type of answer
   * @return a stage completing with the answer; it never fails
   */
  public <R> CompletionStage<R> respond(Function<String, String> parameter, BiFunction<Integer, StartView, R> answer) {
    LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
    LocalDate defaultFrom = defaultFrom(today);
    StartQuery query;
    try {
      query = StartQuery.parse(parameter, defaultFrom, today);
    } catch (IllegalArgumentException invalid) {
      StartQuery defaults = StartQuery.parse(name -> null, defaultFrom, today);
      ViewerError error = new ViewerError(400, "invalid-query", "These conversations cannot be listed", invalid.getMessage());
      return CompletableFuture.completedFuture(answer.apply(400, failed(defaults, error)));
    }
    return listing
        .conversationPage(query.toQuery(), query.offset())
        .handle(
            (page, failure) -> {
              if (failure != null) {
                ViewerError error = ViewerError.of(failure);
                return answer.apply(error.status(), failed(query, error));
              }
              return answer.apply(200, listed(query, page));
            });
  }

  private LocalDate defaultFrom(LocalDate today) {
    LocalDate lastDays = today.minusDays(DEFAULT_DAYS - 1);
    return embedded && FIRST_DEMO_DAY.isBefore(lastDays) ? FIRST_DEMO_DAY : lastDays;
  }

  private StartView listed(StartQuery query, Page<ConversationSummary> page) {
    List<ConversationRow> rows = page.rows().stream().sorted(NEWEST_FIRST).map(ConversationRow::of).toList();
    String shown =
        rows.isEmpty()
            ? "none of " + page.total()
            : (page.offset() + 1) + "–" + (page.offset() + rows.size()) + " of " + page.total();
    String newer = page.offset() == 0 ? null : query.href(Math.max(0, page.offset() - StartQuery.PAGE_SIZE));
    String older = page.isLast() ? null : query.href(page.nextOffset());
    return new StartView(embedded, EXAMPLE_ID, query, rows, page.total(), shown, newer, older, null);
  }

  private StartView failed(StartQuery query, ViewerError error) {
    return new StartView(embedded, EXAMPLE_ID, query, List.of(), 0, "", null, null, error);
  }
}
