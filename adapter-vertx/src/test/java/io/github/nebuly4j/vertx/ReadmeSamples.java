package io.github.nebuly4j.vertx;

import io.github.nebuly4j.core.ConversationQuery;
import io.github.nebuly4j.core.ConversationSummary;
import io.github.nebuly4j.core.FilterKind;
import io.github.nebuly4j.core.ListingFilter;
import io.github.nebuly4j.core.TimeRange;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.core.streams.ReadStream;
import io.vertx.core.streams.WriteStream;
import java.time.Instant;
import io.vertx.core.net.ProxyOptions;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;

// BEGIN: vertx-example
import io.github.nebuly4j.core.ConversationId;
import io.github.nebuly4j.core.InteractionId;
import io.github.nebuly4j.core.NebulyException;
import io.github.nebuly4j.vertx.NebulyVertxClient;
import io.github.nebuly4j.vertx.NebulyVertxOptions;
import io.github.nebuly4j.wire.NebulySettings;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import java.time.Duration;

class NebulyExample extends VerticleBase {

  private NebulyVertxClient nebuly;

  public static void main(String[] args) {
    Vertx vertx = Vertx.vertx();
    vertx.deployVerticle(new NebulyExample()).onFailure(failure -> {
      System.err.println(failure.getMessage());
      vertx.close();
    });
  }

  @Override
  public Future<?> start() {
    // Checked here: a missing key or a bad URL is an InvalidSettingException naming the setting.
    nebuly = NebulyVertxClient.create(vertx, new NebulyVertxOptions()
        .setBaseUrl(config().getString("baseUrl", NebulySettings.DEFAULT_BASE_URL))
        .setApiKey(System.getenv("NEBULY_API_KEY"))
        .setAttemptTimeout(Duration.ofSeconds(5)));

    Future<Void> link = nebuly.interactionLinkFuture(InteractionId.of(config().getString("interaction", "an-interaction-id")))
        .onSuccess(found -> System.out.println("Open it in Nebuly: " + found.uri()))
        .onFailure(NebulyExample::explain)
        .<Void>mapEmpty()
        .recover(ignored -> Future.succeededFuture());

    Future<Void> conversation = nebuly.findByIdFuture(ConversationId.of(config().getString("conversation", "a-conversation-id")))
        .onSuccess(found -> found.ifPresentOrElse(
            c -> System.out.println(c.interactions().size() + " interactions, cost "
                + c.costInDollars().map(d -> "$" + d).orElse("unknown")),
            () -> System.out.println("Nebuly has no such conversation in this project")))
        .onFailure(NebulyExample::explain)
        .<Void>mapEmpty()
        .recover(ignored -> Future.succeededFuture());

    // Both callbacks above run on this verticle's event loop, one after the other.
    Future.all(link, conversation).onComplete(done -> vertx.close());
    return Future.succeededFuture();
  }

  @Override
  public Future<?> stop() {
    nebuly.close(); // closes the Web Client the client created, never the Vertx
    return Future.succeededFuture();
  }

  private static void explain(Throwable failure) {
    // Every failure is a NebulyException; its message never contains the API key.
    if (!(failure instanceof NebulyException nebulyFailure)) {
      throw new IllegalStateException("not a nebuly4j failure", failure);
    }
    if (nebulyFailure instanceof NebulyException.Authentication) {
      System.err.println("Check NEBULY_API_KEY: " + failure.getMessage());
    } else if (nebulyFailure instanceof NebulyException.NotFound notFound) {
      System.err.println("Nebuly has no " + notFound.resource());
    } else if (nebulyFailure instanceof NebulyException.RateLimited limited) {
      System.err.println("Rate-limited; retry after " + limited.retryAfter().orElse(Duration.ofSeconds(30)));
    } else if (nebulyFailure instanceof NebulyException.Timeout timeout) {
      System.err.println("No " + (timeout.phase() == NebulyException.Timeout.Phase.CONNECT ? "connection" : "answer")
          + " within " + timeout.limit());
    } else {
      // InvalidRequest, ServiceFailure, Transport, MalformedResponse
      System.err.println(failure.getMessage());
    }
  }
}
// END: vertx-example

/**
 * The README snippets of adapter-vertx (and of the root README's Vert.x section), compiled with the
 * adapter's tests; the READMEs show exactly these regions. {@code NebulyExample} above is the
 * README's complete program.
 */
final class ReadmeSamples {
  private ReadmeSamples() {}

  static void quickStart(Vertx vertx, String id, String interactionId) {
    // BEGIN: vertx-quick-start
    NebulyVertxClient nebuly = NebulyVertxClient.create(vertx, new NebulyVertxOptions()
        .setApiKey(System.getenv("NEBULY_API_KEY")));
    nebuly.findByIdFuture(ConversationId.of(id))
        .onSuccess(found -> found.ifPresent(c -> System.out.println(c.interactions().size())));
    nebuly.interactionLinkFuture(InteractionId.of(interactionId))
        .onSuccess(link -> System.out.println(link.uri()));
    // END: vertx-quick-start
  }

  static void threeWaysToCreate(Vertx vertx, NebulyVertxOptions options, WebClient webClient) {
    // BEGIN: vertx-create
    // A Web Client of its own, with Vert.x's defaults and a pool of maxConnections.
    NebulyVertxClient.create(vertx, options);

    // A Web Client of its own, configured the Vert.x way: proxy, TLS, HTTP options.
    NebulyVertxClient.create(vertx, new WebClientOptions()
        .setProxyOptions(new ProxyOptions().setHost("proxy.internal").setPort(3128))
        .setTrustOptions(new PemTrustOptions().addCertPath("/etc/ssl/nebuly-ca.pem")), options);

    // A Web Client your application already has: its pool, TLS and timeouts stay yours.
    NebulyVertxClient.create(vertx, webClient, options);
    // END: vertx-create
  }

  static void listing(NebulyVertxClient nebuly, WriteStream<ConversationSummary> writer) {
    // BEGIN: vertx-listing
    ConversationQuery billingThisWeek = ConversationQuery.builder()
        .timeRange(TimeRange.lasting(Duration.ofDays(7), Instant.now()))
        .addFilters(ListingFilter.of(FilterKind.TOPIC, "Billing"))
        .build();

    // One page as a Future: total, offset, limit and its rows.
    nebuly.conversationPageFuture(billingThisWeek, 0)
        .onSuccess(page -> System.out.println(page.total() + " conversations"));

    // Every row as a ReadStream: a full write queue pauses the stream, and with it the paging.
    nebuly.conversationStream(billingThisWeek).pipeTo(writer);

    // Or read by hand: fetch(n) asks for n more rows; a paused stream sends no further request.
    ReadStream<ConversationSummary> rows = nebuly.conversationStream(billingThisWeek).pause();
    rows.handler(row -> System.out.println(row.id() + " " + row.cost()))
        .exceptionHandler(failure -> System.err.println(failure.getMessage()))   // a NebulyException
        .endHandler(done -> System.out.println("all read"));
    rows.fetch(50);
    // END: vertx-listing
  }
}
