package io.github.nebuly4j.bench.quarkus;

import io.github.nebuly4j.core.Conversation;
import io.github.nebuly4j.core.ConversationId;
import io.github.nebuly4j.core.DeepLink;
import io.github.nebuly4j.core.DeepLinkResolver;
import io.github.nebuly4j.core.Interaction;
import io.github.nebuly4j.core.InteractionId;
import io.github.nebuly4j.core.links.CachingDeepLinkResolver;
import io.github.nebuly4j.core.links.DeepLinkCachePolicy;
import io.github.nebuly4j.examples.view.ConversationView;
import io.github.nebuly4j.examples.view.ConversationViews;
import io.github.nebuly4j.examples.view.StandalonePages;
import io.github.nebuly4j.quarkus.QuarkusCacheDeepLinkStore;
import io.github.nebuly4j.quarkus.runtime.RestClientTransport;
import io.github.nebuly4j.testkit.server.Endpoint;
import io.github.nebuly4j.testkit.server.FakeNebulyServer;
import io.github.nebuly4j.wire.NebulyExchange;
import io.github.nebuly4j.wire.NebulySettings;
import io.quarkus.cache.Cache;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Deep links at scale, through adapter-quarkus's REST Client transport over loopback, against
 * testkit's fake Nebuly, whose journal counts the requests:
 *
 * <ol>
 *   <li><b>Hot set</b>: {@code threads} callers resolve a set of {@code hotIds} interaction links
 *       round and round for {@code seconds}, uncached, then through core's decorator on the
 *       extension's Caffeine caches, then on core's own memory; calls per second, and the ratio.
 *   <li><b>Burst</b>: {@code burst} concurrent calls for one id, on an empty cache: the requests
 *       the fake received (the target is one), and uncached for contrast.
 *   <li><b>Page</b>: a conversation of {@code interactions} interactions, rendered as the viewers
 *       did before (the conversation, then a link per interaction and the conversation's, all at
 *       once) and as they do now (the conversation only; links are routes resolved when clicked):
 *       requests and time to render the HTML, the median of {@code pageRuns} runs after one.
 * </ol>
 *
 * <p>Every figure of one report comes from one run, on one machine. Speed is reported, never
 * asserted.
 */
final class DeepLinkScale {
  private static final String KEY = "bench-deep-link-scale";
  private static final StandalonePages PAGES = new StandalonePages();

  /** What to run: see the class's description. */
  record Options(int threads, int hotIds, double seconds, int burst, int interactions, int pageRuns) {}

  /** The figures of one run. */
  record Results(
      Options options,
      double uncachedPerSecond,
      double quarkusCachePerSecond,
      double coreCachePerSecond,
      int burstRequestsCached,
      int burstRequestsUncached,
      int pageRequestsBefore,
      double pageMillisBefore,
      int pageRequestsAfter,
      double pageMillisAfter,
      int pageBytes) {

    /** The results as a section of RESULTS.md. */
    String markdown() {
      return String.format(
          Locale.ROOT,
          """
          ## Deep links at scale

          Written by `bench/run-deep-links.sh` on %s, on %d cores (load average at the start: %s). \
          adapter-quarkus's REST Client transport over loopback against testkit's `FakeNebulyServer` (the \
          JDK's HTTP server, in the same JVM), whose journal counts the requests; every ratio compares \
          figures of this one run.

          **Hot set**: %d threads resolve %d interaction links round and round, %.0f s per resolver, after \
          a warm-up of the same length.

          | resolver | calls/s | × uncached |
          |---|---:|---:|
          | uncached (the adapter) | %,.0f | 1 |
          | `CachingDeepLinkResolver` on the extension's Caffeine caches | %,.0f | %,.0f |
          | `CachingDeepLinkResolver` on core's own memory | %,.0f | %,.0f |

          **Burst**: %d concurrent calls for one interaction, on an empty cache.

          | resolver | requests Nebuly received |
          |---|---:|
          | uncached | %d |
          | `CachingDeepLinkResolver` (Caffeine caches) | %d |

          **Page**: a conversation of %d interactions, rendered to HTML (%,d bytes) by the viewers' \
          shared templates; median of %d runs after a warm-up run.

          | page | requests to Nebuly | time to render, ms |
          |---|---:|---:|
          | before: conversation, then every link | %d | %,.1f |
          | after: conversation only, links resolved when clicked (`/go/...`) | %d | %,.1f |
          """,
          Instant.now(),
          Runtime.getRuntime().availableProcessors(),
          loadAverage(),
          options.threads(), options.hotIds(), options.seconds(),
          uncachedPerSecond,
          quarkusCachePerSecond, quarkusCachePerSecond / uncachedPerSecond,
          coreCachePerSecond, coreCachePerSecond / uncachedPerSecond,
          options.burst(), burstRequestsUncached, burstRequestsCached,
          options.interactions(), pageBytes, options.pageRuns(),
          pageRequestsBefore, pageMillisBefore,
          pageRequestsAfter, pageMillisAfter);
    }
  }

  /** The machine's load average over 1, 5 and 15 minutes, where Linux tells it. */
  static String loadAverage() {
    try {
      String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
      return String.join(" ", Arrays.asList(fields).subList(0, Math.min(3, fields.length)));
    } catch (IOException | RuntimeException unknown) {
      return "unknown";
    }
  }

  private final Options options;
  private final Vertx vertx;
  private final Cache links;
  private final Cache notFound;

  DeepLinkScale(Options options, Vertx vertx, Cache links, Cache notFound) {
    this.options = options;
    this.vertx = vertx;
    this.links = links;
    this.notFound = notFound;
  }

  Results run() throws Exception {
    try (FakeNebulyServer server = FakeNebulyServer.builder().apiKey(KEY).start()) {
      NebulySettings settings =
          NebulySettings.builder()
              .baseUrl(server.baseUrl().toString())
              .apiKey(KEY)
              .maxConnections(Math.max(16, options.threads()))
              .build();
      RestClientTransport transport =
          RestClientTransport.create(vertx, settings, RestClientTransport.TransportOptions.DEFAULTS);
      try {
        NebulyExchange exchange = NebulyExchange.create(settings, transport);
        List<InteractionId> hot = new ArrayList<>();
        for (int i = 0; i < options.hotIds(); i++) {
          InteractionId id = InteractionId.of("hot-" + i);
          hot.add(id);
          server.seedInteractionLink(id, URI.create("https://nebuly.example/live/" + id.value()));
        }
        double uncached = callsPerSecond(exchange, hot);
        double quarkusCache = callsPerSecond(quarkusCached(exchange), hot);
        double coreCache = callsPerSecond(CachingDeepLinkResolver.wrap(exchange, DeepLinkCachePolicy.defaults()), hot);

        InteractionId burstId = InteractionId.of("burst");
        server.seedInteractionLink(burstId, URI.create("https://nebuly.example/live/burst"));
        int burstCached = burst(server, quarkusCached(exchange), burstId);
        int burstUncached = burst(server, exchange, burstId);

        Conversation page = page(server);
        PageRun before = page(server, () -> renderBefore(exchange, page.id()));
        PageRun after = page(server, () -> renderAfter(exchange, page.id()));
        return new Results(
            options, uncached, quarkusCache, coreCache, burstCached, burstUncached,
            before.requests(), before.millis(), after.requests(), after.millis(), after.bytes());
      } finally {
        transport.close();
      }
    }
  }

  /** The extension's variant, on its two caches, emptied first. */
  private DeepLinkResolver quarkusCached(NebulyExchange exchange) {
    links.invalidateAll().await().indefinitely();
    notFound.invalidateAll().await().indefinitely();
    return CachingDeepLinkResolver.wrap(exchange, QuarkusCacheDeepLinkStore.of(links, Optional.of(notFound)));
  }

  private double callsPerSecond(DeepLinkResolver resolver, List<InteractionId> ids) throws Exception {
    measure(resolver, ids);
    return measure(resolver, ids);
  }

  private double measure(DeepLinkResolver resolver, List<InteractionId> ids) throws Exception {
    ExecutorService callers = Executors.newFixedThreadPool(options.threads());
    try {
      CountDownLatch start = new CountDownLatch(1);
      long window = (long) (options.seconds() * 1e9);
      List<Future<Long>> workers = new ArrayList<>();
      for (int t = 0; t < options.threads(); t++) {
        int offset = t;
        workers.add(
            callers.submit(
                () -> {
                  start.await();
                  long deadline = System.nanoTime() + window;
                  long calls = 0;
                  for (int i = offset; System.nanoTime() < deadline; i++) {
                    resolver.interactionLink(ids.get(i % ids.size())).toCompletableFuture().get(30, TimeUnit.SECONDS);
                    calls++;
                  }
                  return calls;
                }));
      }
      long began = System.nanoTime();
      start.countDown();
      long calls = 0;
      for (Future<Long> worker : workers) {
        calls += worker.get(window / 1_000_000_000L + 60, TimeUnit.SECONDS);
      }
      return calls / ((System.nanoTime() - began) / 1e9);
    } finally {
      callers.shutdownNow();
    }
  }

  /** Fires the burst from a few threads released together; returns the requests the fake received. */
  private int burst(FakeNebulyServer server, DeepLinkResolver resolver, InteractionId id) throws Exception {
    int before = server.journal().requestsTo(Endpoint.INTERACTION_LINK).size();
    int threads = 8;
    ExecutorService callers = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<List<CompletableFuture<DeepLink>>>> batches = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int share = options.burst() / threads + (t < options.burst() % threads ? 1 : 0);
        batches.add(
            callers.submit(
                () -> {
                  start.await();
                  List<CompletableFuture<DeepLink>> stages = new ArrayList<>();
                  for (int i = 0; i < share; i++) {
                    stages.add(resolver.interactionLink(id).toCompletableFuture());
                  }
                  return stages;
                }));
      }
      start.countDown();
      for (Future<List<CompletableFuture<DeepLink>>> batch : batches) {
        for (CompletableFuture<DeepLink> stage : batch.get(60, TimeUnit.SECONDS)) {
          stage.get(60, TimeUnit.SECONDS);
        }
      }
    } finally {
      callers.shutdownNow();
    }
    return server.journal().requestsTo(Endpoint.INTERACTION_LINK).size() - before;
  }

  /** Seeds the big conversation and a link for each of its ids. */
  private Conversation page(FakeNebulyServer server) {
    Instant start = Instant.parse("2026-05-30T09:00:00Z");
    Conversation.Builder conversation = Conversation.builder().id(ConversationId.of("big-conversation"));
    for (int i = 0; i < options.interactions(); i++) {
      InteractionId id = InteractionId.of("big-" + i);
      conversation.addInteractions(
          Interaction.builder()
              .id(id)
              .input("Question " + i + ": where is my order?")
              .output("Answer " + i + ": it left the warehouse this morning.")
              .timestamp(start.plusSeconds(10L * i))
              .endTimestamp(start.plusSeconds(10L * i + 2))
              .topic("Orders")
              .build());
      server.seedInteractionLink(id, URI.create("https://nebuly.example/live/" + id.value()));
    }
    Conversation built = conversation.build();
    server.seed(built);
    server.seedConversationLink(built.id(), URI.create("https://nebuly.example/live/big-conversation"));
    return built;
  }

  /** A page's requests (of one run) and the median time of the measured runs. */
  private record PageRun(int requests, double millis, int bytes) {}

  /** Renders the page once, and returns its HTML. */
  private interface Render {
    String render() throws Exception;
  }

  private PageRun page(FakeNebulyServer server, Render render) throws Exception {
    int before = server.journal().count();
    String first = render.render();
    int requests = server.journal().count() - before;
    List<Double> millis = new ArrayList<>();
    for (int run = 0; run < options.pageRuns(); run++) {
      long began = System.nanoTime();
      render.render();
      millis.add((System.nanoTime() - began) / 1e6);
    }
    millis.sort(Double::compare);
    return new PageRun(requests, millis.get(millis.size() / 2), first.length());
  }

  /**
   * The page as the viewers made it before: the conversation, then a deep link for it and for every
   * interaction, all requested at once and awaited together, then the HTML.
   */
  private static String renderBefore(NebulyExchange nebuly, ConversationId id) throws Exception {
    Conversation conversation = nebuly.findById(id).toCompletableFuture().get(60, TimeUnit.SECONDS).orElseThrow();
    List<CompletableFuture<DeepLink>> all = new ArrayList<>();
    all.add(nebuly.conversationLink(id).toCompletableFuture());
    for (Interaction interaction : conversation.interactions()) {
      all.add(nebuly.interactionLink(interaction.id()).toCompletableFuture());
    }
    CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
    return PAGES.conversation(ConversationView.of(conversation), false);
  }

  /** The page as the viewers make it now: the conversation only, then the HTML. */
  private static String renderAfter(NebulyExchange conversations, ConversationId id) throws Exception {
    ConversationView view =
        new ConversationViews(conversations).load(id).toCompletableFuture().get(60, TimeUnit.SECONDS).orElseThrow();
    return PAGES.conversation(view, false);
  }

}
