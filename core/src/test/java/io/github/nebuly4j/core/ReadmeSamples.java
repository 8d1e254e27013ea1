package io.github.nebuly4j.core;

import io.github.nebuly4j.core.links.OfflineDeepLinks;
import io.github.nebuly4j.core.retry.RetryPolicy;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Flow;

/**
 * The core snippets of the README, compiled with core's tests; the docs module checks that the
 * README shows exactly these regions.
 */
final class ReadmeSamples {
  private ReadmeSamples() {}

  static void readAConversation(ConversationRepository conversations, DeepLinkResolver links) {
    // BEGIN: core-ports
    conversations.findById(ConversationId.of("3f2b6c1e-8a4d-4e57-9b1a-2c7d5e9f0a11"))
        .thenAccept(found -> found.ifPresentOrElse(
            conversation -> {
              conversation.cost().map(MicroDollars::formatDollars);   // Optional["$0.001524"]
              conversation.sessionTime();                             // Optional<Duration>
              for (Interaction interaction : conversation.interactions()) {
                interaction.input();                                  // Optional<String>
                interaction.duration();                               // empty while in progress
              }
              conversation.omissions();     // fields Nebuly sent that could not be read
            },
            () -> System.out.println("Nebuly has no such conversation")));

    links.interactionLink(InteractionId.of("a1e5c3d7-2f4b-4c6e-8a9d-1b3c5e7f9a01"))
        .thenAccept(link -> System.out.println(link.uri()));
    // END: core-ports
  }

  static void handleFailures(DeepLinkResolver links, ConversationId id) {
    // BEGIN: core-errors
    links.conversationLink(id).exceptionally(failure -> {
      Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
      if (cause instanceof NebulyException.Authentication) {
        System.err.println("Check the API key: " + cause.getMessage());
      } else if (cause instanceof NebulyException.RateLimited limited) {
        System.err.println("Retry after " + limited.retryAfter().orElse(Duration.ofSeconds(30)));
      }
      return null;
    });
    // END: core-errors
  }

  static void retries() {
    // BEGIN: core-retries
    RetryPolicy patient = RetryPolicy.builder().maxAttempts(5).initialBackoff(Duration.ofMillis(100)).build();
    RetryPolicy never = RetryPolicy.none();
    // END: core-retries
  }

  static URI offlineLinks() {
    // BEGIN: core-offline-links
    OfflineDeepLinks links = OfflineDeepLinks.builder()
        .frontend("https://nebuly.example.com/analytics")   // optional; default Nebuly SaaS
        .projectId(ProjectId.of("my-project"))
        .organizationId(OrganizationId.of("my-org"))
        .build();
    URI uri = links.linkTo(InteractionId.of("a/b")).uri();
    // https://nebuly.example.com/analytics/live-activity?projectId=my-project&organizationId=my-org
    //   &interactionId=a%2Fb&liveActivityPageTab=interactions
    // END: core-offline-links
    return uri;
  }

  static Flow.Publisher<ConversationSummary> listConversations(ConversationListing listing) {
    // BEGIN: core-listing
    ConversationQuery negativeLastWeek = ConversationQuery.builder()
        .timeRange(TimeRange.lasting(Duration.ofDays(7), Instant.now()))
        .addFilters(ListingFilter.of(FilterKind.NEGATIVE_USER_INTENT, "Cancel subscription"))
        .addFilters(ListingFilter.tag("channel", "web"))
        .build();                                        // a bad query fails here, naming the rule

    listing.conversationPage(negativeLastWeek, 0)       // one page: total, offset, limit, rows
        .thenAccept(page -> System.out.println(page.total() + " conversations"));

    Flow.Publisher<ConversationSummary> rows = listing.conversations(negativeLastWeek);
    // every row, newest first in the fakes; a page is fetched only when the subscriber's demand
    // needs it, and cancelling (or requesting no more) sends no further request
    // END: core-listing
    return rows;
  }
}
