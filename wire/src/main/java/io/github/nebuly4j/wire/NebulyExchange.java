package io.github.nebuly4j.wire;

import io.github.nebuly4j.core.Conversation;
import io.github.nebuly4j.core.ConversationId;
import io.github.nebuly4j.core.ConversationListing;
import io.github.nebuly4j.core.ConversationQuery;
import io.github.nebuly4j.core.ConversationRepository;
import io.github.nebuly4j.core.ConversationSummary;
import io.github.nebuly4j.core.DeepLink;
import io.github.nebuly4j.core.DeepLinkResolver;
import io.github.nebuly4j.core.InteractionId;
import io.github.nebuly4j.core.InteractionQuery;
import io.github.nebuly4j.core.InteractionSearch;
import io.github.nebuly4j.core.InteractionSummary;
import io.github.nebuly4j.core.NebulyException;
import io.github.nebuly4j.core.Page;
import io.github.nebuly4j.core.spi.Arguments;
import io.github.nebuly4j.core.spi.PercentEncoding;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;

/**
 * Nebuly's external API over any {@link NebulyTransport}: the one implementation of the ports that
 * every adapter shares ({@link DeepLinkResolver}, {@link ConversationRepository}, {@link
 * InteractionSearch} and {@link ConversationListing}). For each call it builds the request (each id percent-encoded as one path
 * segment), runs each attempt within the connect and attempt timeouts on the transport's timer,
 * sends failed attempts again as the {@link io.github.nebuly4j.core.retry.RetryPolicy} says, and
 * turns what came back into the result or the right {@link NebulyException}: a success body over
 * {@link NebulySettings#maxBodySize()} is malformed, an error page over it is still typed by its
 * status, and the API key never reaches a message.
 *
 * <pre>{@code
 * NebulyExchange nebuly = NebulyExchange.create(settings, myTransport);
 * nebuly.findById(ConversationId.of("…")).thenAccept(found -> …);
 * }</pre>
 *
 * <p>Every call returns a {@link CompletableFuture} that completes on a transport thread; cancelling
 * it cancels the pending retry and aborts the attempt in flight. A listing's page is one call like
 * the others (timeouts, retries, errors, body bound); its stream is core's {@link
 * io.github.nebuly4j.core.PagedPublisher} over those calls, so an adapter adds no paging of its
 * own. A conversation listing sends {@link NebulySettings#conversationGroupBy()} as its {@code
 * group_by}. Thread-safe; create one per transport and share it.
 */
public final class NebulyExchange
    implements DeepLinkResolver, ConversationRepository, InteractionSearch, ConversationListing {

  /** The {@code User-Agent} of every request: {@code nebuly4j/<version>}, the version from the build. */
  private static final String USER_AGENT = "nebuly4j/" + readVersion();

  private final NebulySettings settings;
  private final NebulyTransport transport;
  private final NebulyCodec codec;
  private final ErrorDecoder errors;
  private final TransportFailures failures;
  private final RetryLoop retries;
  private final LongSupplier nanoTime;
  private final String base;
  private final Map<String, String> getHeaders;
  private final Map<String, String> postHeaders;

  private NebulyExchange(
      NebulySettings settings, NebulyTransport transport, DoubleSupplier random, LongSupplier nanoTime) {
    this.settings = settings;
    this.transport = transport;
    this.codec = new NebulyCodec(settings.apiKey());
    this.nanoTime = nanoTime;
    this.errors = new ErrorDecoder(settings.apiKey(), codec::errorDocument);
    this.failures = new TransportFailures(settings, errors);
    this.retries =
        RetryLoop.create(
            settings.retryPolicy(),
            (delay, task) -> transport.schedule(Attempt.millis(delay), task)::cancel,
            random,
            nanoTime);
    this.base = settings.baseUrl().toString();
    Map<String, String> get = new LinkedHashMap<>();
    get.put("Authorization", "Bearer " + settings.apiKey());
    get.put("Accept", "application/json");
    get.put("User-Agent", USER_AGENT);
    this.getHeaders = Collections.unmodifiableMap(get);
    Map<String, String> post = new LinkedHashMap<>(get);
    post.put("Content-Type", "application/json");
    this.postHeaders = Collections.unmodifiableMap(post);
  }

  /**
   * Creates the exchange.
   *
   * @param settings how to talk to Nebuly
   * @param transport the adapter's HTTP client and timer
   * @return the exchange
   * @throws IllegalArgumentException if an argument is null
   */
  public static NebulyExchange create(NebulySettings settings, NebulyTransport transport) {
    return create(settings, transport, () -> ThreadLocalRandom.current().nextDouble(), System::nanoTime);
  }

  /** Creates the exchange with the given jitter and clock, for tests. */
  static NebulyExchange create(
      NebulySettings settings, NebulyTransport transport, DoubleSupplier random, LongSupplier nanoTime) {
    return new NebulyExchange(
        Arguments.requireNonNull(settings, "settings"),
        Arguments.requireNonNull(transport, "transport"),
        random,
        nanoTime);
  }

  /**
   * Returns the settings the exchange runs with.
   *
   * @return the settings
   */
  public NebulySettings settings() {
    return settings;
  }

  @Override
  public CompletableFuture<DeepLink> interactionLink(InteractionId id) {
    Arguments.requireNonNull(id, "id");
    return call(
        linkRequest(WireEndpoint.INTERACTION_LINK, id.value()),
        "interaction '" + id.value() + "'",
        answer -> codec.interactionLink(answer.status(), answer.body(), answer.length(), id),
        null);
  }

  @Override
  public CompletableFuture<DeepLink> conversationLink(ConversationId id) {
    Arguments.requireNonNull(id, "id");
    return call(
        linkRequest(WireEndpoint.CONVERSATION_LINK, id.value()),
        "conversation '" + id.value() + "'",
        answer -> codec.conversationLink(answer.status(), answer.body(), answer.length(), id),
        null);
  }

  /**
   * Reads one conversation; see {@link ConversationRepository#findById}. A 404 from Nebuly is an
   * empty result.
   */
  @Override
  public CompletableFuture<Optional<Conversation>> findById(ConversationId id) {
    Arguments.requireNonNull(id, "id");
    return call(
        postRequest(WireEndpoint.CONVERSATION_DETAIL, codec.conversationDetailRequest(id)),
        "conversation '" + id.value() + "'",
        answer -> Optional.of(codec.conversation(answer.status(), answer.body(), answer.length(), id)),
        Optional.empty());
  }

  /**
   * Fetches one page of an interaction search; see {@link InteractionSearch#interactionPage}. The
   * page's limit is the one Nebuly says it applied, when it says so.
   */
  @Override
  public CompletableFuture<Page<InteractionSummary>> interactionPage(InteractionQuery query, long offset) {
    Arguments.requireNonNull(query, "query");
    checkOffset(offset);
    return call(
        postRequest(WireEndpoint.INTERACTIONS, codec.interactionsRequest(query, offset)),
        "the interactions at offset " + offset,
        answer -> codec.interactionPage(answer.status(), answer.body(), answer.length(), offset, query.pageSize()),
        null);
  }

  /**
   * Fetches one page of a conversation listing; see {@link ConversationListing#conversationPage}.
   * The page's limit is the one Nebuly says it applied, when it says so.
   */
  @Override
  public CompletableFuture<Page<ConversationSummary>> conversationPage(ConversationQuery query, long offset) {
    Arguments.requireNonNull(query, "query");
    checkOffset(offset);
    return call(
        postRequest(
            WireEndpoint.INTERACTION_AGGREGATES,
            codec.conversationsRequest(query, offset, settings.conversationGroupByMembers())),
        "the conversations at offset " + offset,
        answer -> codec.conversationPage(answer.status(), answer.body(), answer.length(), offset, query.pageSize()),
        null);
  }

  /** Describes the exchange without its API key. */
  @Override
  public String toString() {
    return "NebulyExchange[" + settings + "]";
  }

  private WireRequest postRequest(WireEndpoint endpoint, byte[] body) {
    return new WireRequest(
        endpoint, endpoint.method(), base + endpoint.path(), null, postHeaders, body, settings.maxBodySize());
  }

  private static void checkOffset(long offset) {
    if (offset < 0) {
      throw new IllegalArgumentException("offset must not be negative, got " + offset);
    }
  }

  private WireRequest linkRequest(WireEndpoint endpoint, String id) {
    String encoded = PercentEncoding.encode(id);
    return new WireRequest(
        endpoint,
        endpoint.method(),
        base + endpoint.path() + encoded,
        encoded,
        getHeaders,
        null,
        settings.maxBodySize());
  }

  /**
   * Runs a call with its retries.
   *
   * @param resource what was asked for, for a {@code NotFound}, such as {@code interaction 'abc'}
   * @param success reads a complete 2xx body
   * @param whenNotFound the result of a 404, or null when a 404 is a {@code NotFound} failure
   */
  private <T> CompletableFuture<T> call(
      WireRequest request, String resource, Attempt.Interpretation<T> success, T whenNotFound) {
    Attempt.Interpretation<T> interpretation = answer -> interpret(answer, resource, success, whenNotFound);
    return retries.execute(() -> new Attempt<>(transport, settings, failures, request, interpretation, nanoTime).start());
  }

  private <T> T interpret(
      WireAnswer answer, String resource, Attempt.Interpretation<T> success, T whenNotFound) {
    int status = answer.status();
    if (status >= 200 && status <= 299) {
      if (answer.truncated()) {
        throw ErrorDecoder.bodyTooLarge(status, settings.maxBodySize());
      }
      return success.apply(answer);
    }
    if (status == 404 && whenNotFound != null) {
      return whenNotFound;
    }
    // An error page needs only its beginning to be explained (its title and first words); an
    // oversized one is typed by its status all the same.
    String text =
        new String(answer.body(), 0, Math.min(answer.length(), WireAnswer.ERROR_TEXT_BYTES), StandardCharsets.UTF_8);
    throw errors.decode(
        new ErrorResponse(
            status, answer.headers().get("Retry-After"), answer.headers().get("Content-Type"), text),
        resource);
  }

  private static String readVersion() {
    try (InputStream in = NebulyExchange.class.getResourceAsStream("version.properties")) {
      if (in == null) {
        throw new IllegalStateException("io/github/nebuly4j/wire/version.properties is missing from the jar");
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version", "unknown");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read nebuly4j's version.properties", e);
    }
  }
}
