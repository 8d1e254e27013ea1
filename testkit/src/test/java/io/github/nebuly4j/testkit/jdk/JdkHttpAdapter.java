package io.github.nebuly4j.testkit.jdk;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.nebuly4j.core.Conversation;
import io.github.nebuly4j.core.ConversationId;
import io.github.nebuly4j.core.ConversationListing;
import io.github.nebuly4j.core.ConversationQuery;
import io.github.nebuly4j.core.ConversationRepository;
import io.github.nebuly4j.core.ConversationSummary;
import io.github.nebuly4j.core.DeepLink;
import io.github.nebuly4j.core.DeepLinkResolver;
import io.github.nebuly4j.core.Interaction;
import io.github.nebuly4j.core.InteractionId;
import io.github.nebuly4j.core.InteractionQuery;
import io.github.nebuly4j.core.InteractionSearch;
import io.github.nebuly4j.core.InteractionSummary;
import io.github.nebuly4j.core.ListingFilter;
import io.github.nebuly4j.core.MicroDollars;
import io.github.nebuly4j.core.NebulyException;
import io.github.nebuly4j.core.Page;
import io.github.nebuly4j.core.RequestViolation;
import io.github.nebuly4j.core.TimeRange;
import io.github.nebuly4j.core.spi.Arguments;
import io.github.nebuly4j.core.spi.PercentEncoding;
import io.github.nebuly4j.testkit.contract.AdapterUnderTest;
import io.github.nebuly4j.testkit.contract.ContractSettings;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * A minimal HTTP adapter, test code only: it exists to prove that the HTTP suites can be passed,
 * and, with a {@link Flaw}, that each suite case catches the adapter that lacks its behaviour. It
 * deliberately uses no class of the wire module, and moves its bytes over plain sockets ({@link
 * SocketTransport}).
 */
public final class JdkHttpAdapter
    implements AdapterUnderTest, DeepLinkResolver, ConversationRepository, InteractionSearch, ConversationListing {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
  private static final Pattern OFFSET = Pattern.compile(".*(Z|z|[+-]\\d\\d:?\\d\\d)$");
  private static final Logger LOG = Logger.getLogger(JdkHttpAdapter.class.getName());

  /** A deliberate breakage, for the proofs that the suites catch broken adapters. */
  public enum Flaw {
    /** Never times out. */
    NO_ATTEMPT_TIMEOUT,
    /** Times out only when no byte arrives for the attempt timeout: a trickle defeats it. */
    IDLE_TIMEOUT_ONLY,
    /** Cancelling the stage lets the request run on. */
    IGNORES_CANCELLATION,
    /** Logs a warning when a stage is cancelled. */
    WARNS_ON_CANCEL,
    /** Asks for {@code Connection: close}: a new connection for every request. */
    NO_KEEP_ALIVE,
    /** Sends the request again to a redirect's {@code Location}. */
    FOLLOWS_REDIRECTS,
    /** Reads an error body to its end, however long. */
    UNBOUNDED_ERROR_BODIES,
    /** A call cancelled, timed out or cut at the bound never gives its place in the pool back. */
    LEAKS_CONNECTION_ON_ABORT,
    /** A call cancelled while it waits for a connection is still sent once one frees. */
    SENDS_CANCELLED_WAITERS
  }

  private final ContractSettings settings;
  private final Set<Flaw> flaws;
  private final SocketTransport transport;
  private final String basePath;

  /**
   * Creates a correct adapter.
   *
   * @param settings the configuration
   */
  public JdkHttpAdapter(ContractSettings settings) {
    this(settings, Set.of());
  }

  /**
   * Creates an adapter with deliberate breakages.
   *
   * @param settings the configuration
   * @param flaws what to break
   */
  public JdkHttpAdapter(ContractSettings settings, Set<Flaw> flaws) {
    this.settings = settings;
    this.flaws = Set.copyOf(flaws);
    this.transport = new SocketTransport(settings, this.flaws);
    String path = settings.baseUrl().getRawPath();
    this.basePath = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }

  @Override
  public DeepLinkResolver deepLinkResolver() {
    return this;
  }

  @Override
  public ConversationRepository conversationRepository() {
    return this;
  }

  @Override
  public InteractionSearch interactionSearch() {
    return this;
  }

  @Override
  public ConversationListing conversationListing() {
    return this;
  }

  @Override
  public CompletionStage<Page<InteractionSummary>> interactionPage(InteractionQuery query, long offset) {
    Arguments.requireNonNull(query, "query");
    ObjectNode body = listingRequest(query.timeRange(), query.filters(), query.pageSize(), offset, false);
    return call(
        new Call<>(
            "POST",
            "/get-interactions",
            body.toString().getBytes(StandardCharsets.UTF_8),
            json -> page(json, offset, JdkHttpAdapter::interactionRow),
            null,
            "interactions"));
  }

  @Override
  public CompletionStage<Page<ConversationSummary>> conversationPage(ConversationQuery query, long offset) {
    Arguments.requireNonNull(query, "query");
    ObjectNode body = listingRequest(query.timeRange(), query.filters(), query.pageSize(), offset, true);
    body.putObject("group_by").put("kind", "conversation_id");
    return call(
        new Call<>(
            "POST",
            "/get-interaction-aggregates",
            body.toString().getBytes(StandardCharsets.UTF_8),
            json -> page(json, offset, JdkHttpAdapter::conversationRow),
            null,
            "conversations"));
  }

  private static ObjectNode listingRequest(
      TimeRange range, List<ListingFilter> filters, int limit, long offset, boolean exclusion) {
    if (offset < 0) {
      throw new IllegalArgumentException("offset must not be negative, got " + offset);
    }
    ObjectNode body = JSON.createObjectNode();
    body.putObject("time_range").put("start", range.start().toString()).put("end", range.end().toString());
    ArrayNode sent = body.putArray("filters");
    for (ListingFilter filter : filters) {
      ObjectNode item = sent.addObject().put("kind", filter.kind().apiName());
      filter.tagName().ifPresent(tag -> item.put("tag", tag));
      filter.values().forEach(item.putArray("values")::add);
      if (exclusion) {
        item.put("is_exclude", filter.excluded());
      }
    }
    return body.put("limit", limit).put("offset", offset);
  }

  private static <T> Page<T> page(JsonNode json, long offset, Function<JsonNode, T> row) {
    if (required(json, "offset").asLong() != offset) {
      throw new NebulyException.MalformedResponse(200, "the page is at another offset", null);
    }
    List<T> rows = new ArrayList<>();
    required(json, "data").forEach(element -> rows.add(row.apply(element)));
    return new Page<>(required(json, "total").asLong(), offset, required(json, "limit").asInt(), rows);
  }

  private static InteractionSummary interactionRow(JsonNode json) {
    InteractionSummary.Builder row =
        InteractionSummary.builder()
            .id(InteractionId.of(required(json, "id").asText()))
            .conversationId(optional(json, "conversation_id").map(n -> ConversationId.of(n.asText())))
            .input(optional(json, "input_text").map(JsonNode::asText))
            .output(optional(json, "output_text").map(JsonNode::asText))
            .userQuery(optional(json, "user_query").map(JsonNode::asText))
            .endUser(optional(json, "end_user").map(JsonNode::asText))
            .timestamp(optional(json, "timestamp").map(n -> instant(n.asText())))
            .endTimestamp(optional(json, "end_timestamp").map(n -> instant(n.asText())))
            .cost(optional(json, "cost").map(n -> MicroDollars.ofMicros(n.decimalValue())))
            .latency(optional(json, "latency").map(n -> seconds(n.decimalValue())))
            .language(optional(json, "language").map(JsonNode::asText))
            .topic(optional(json, "topic").map(JsonNode::asText))
            .sentiment(optional(json, "sentiment").map(JsonNode::asText))
            .tags(texts(json, "tags"));
    optional(json, "emotions").ifPresent(emotions -> emotions.forEach(e -> row.addEmotions(e.asText())));
    optional(json, "feedback").ifPresent(feedback -> feedback.forEach(f -> row.addFeedback(f.asText())));
    return row.build();
  }

  private static ConversationSummary conversationRow(JsonNode json) {
    ConversationSummary.Builder row =
        ConversationSummary.builder()
            .id(ConversationId.of(required(json, "group_name").asText()))
            .interactionCount(count(json, "n_interactions"))
            .userCount(count(json, "n_users"))
            .feedbackCount(count(json, "n_feedback"))
            .positiveImplicitFeedbackCount(count(json, "n_positive_implicit_feedback"))
            .negativeImplicitFeedbackCount(count(json, "n_negative_implicit_feedback"))
            .positiveExplicitFeedbackCount(count(json, "n_positive_explicit_feedback"))
            .negativeExplicitFeedbackCount(count(json, "n_negative_explicit_feedback"))
            .cost(optional(json, "cost").map(n -> MicroDollars.ofMicros(n.decimalValue())))
            .latency(optional(json, "latency_seconds").map(n -> seconds(n.decimalValue())))
            .sessionTime(optional(json, "session_time").map(n -> seconds(n.decimalValue())))
            .startSession(optional(json, "start_session").map(n -> instant(n.asText())))
            .endSession(optional(json, "end_session").map(n -> instant(n.asText())))
            .emotionCount(count(json, "n_emotions"));
    optional(json, "sentiment_score").ifPresent(score -> row.sentimentScore(score.doubleValue()));
    optional(json, "topics").ifPresent(topics -> topics.forEach(t -> row.addTopics(t.asText())));
    optional(json, "tags").ifPresent(tags -> tags.forEach(t -> row.putTagValueCounts(t.path("tag_name").asText(), t.path("n_tag_values").asInt())));
    return row.build();
  }

  private static java.util.OptionalInt count(JsonNode json, String name) {
    return optional(json, name).map(n -> java.util.OptionalInt.of(n.decimalValue().intValueExact())).orElse(java.util.OptionalInt.empty());
  }

  @Override
  public CompletionStage<DeepLink> interactionLink(InteractionId id) {
    Arguments.requireNonNull(id, "id");
    return call(
        new Call<>(
            "GET",
            "/deeplinks/interaction/" + PercentEncoding.encode(id.value()),
            new byte[0],
            body -> DeepLink.toInteraction(id, url(body)),
            null,
            "interaction '" + id.value() + "'"));
  }

  @Override
  public CompletionStage<DeepLink> conversationLink(ConversationId id) {
    Arguments.requireNonNull(id, "id");
    return call(
        new Call<>(
            "GET",
            "/deeplinks/conversation/" + PercentEncoding.encode(id.value()),
            new byte[0],
            body -> DeepLink.toConversation(id, url(body)),
            null,
            "conversation '" + id.value() + "'"));
  }

  @Override
  public CompletionStage<Optional<Conversation>> findById(ConversationId id) {
    Arguments.requireNonNull(id, "id");
    String body = JSON.createObjectNode().put("conversation_id", id.value()).toString();
    return call(
        new Call<>(
            "POST",
            "/get-conversation-detail",
            body.getBytes(StandardCharsets.UTF_8),
            json -> Optional.of(conversation(json)),
            Optional.empty(),
            "conversation '" + id.value() + "'"));
  }

  /**
   * What a call sends and how its answer is read.
   *
   * @param notFound the value of a 404, or null when a 404 is an error
   */
  private record Call<T>(
      String method, String path, byte[] body, Function<JsonNode, T> reader, T notFound, String resource) {}

  private <T> CompletableFuture<T> call(Call<T> call) {
    CompletableFuture<T> result = new CompletableFuture<>();
    AtomicReference<SocketTransport.Attempt> current = new AtomicReference<>();
    result.whenComplete(
        (value, failure) -> {
          if (!result.isCancelled()) {
            return;
          }
          if (flaws.contains(Flaw.WARNS_ON_CANCEL)) {
            LOG.warning("a call to Nebuly was cancelled");
          }
          abortOnCancel(result, current.get());
        });
    attempt(1, System.nanoTime(), basePath + call.path(), call, result, current);
    return result;
  }

  private void abortOnCancel(CompletableFuture<?> result, SocketTransport.Attempt attempt) {
    if (result.isCancelled() && attempt != null && !flaws.contains(Flaw.IGNORES_CANCELLATION)) {
      attempt.abort(new CancellationException("the call was cancelled"));
    }
  }

  private <T> void attempt(
      int attempt,
      long start,
      String path,
      Call<T> call,
      CompletableFuture<T> result,
      AtomicReference<SocketTransport.Attempt> current) {
    if (result.isDone()) {
      return;
    }
    SocketTransport.Attempt sent = transport.send(call.method(), path, call.body());
    current.set(sent);
    // A cancellation between the check above and current.set() would otherwise miss this attempt.
    abortOnCancel(result, sent);
    sent.answer()
        .whenComplete(
            (answer, error) -> {
              Optional<String> redirect =
                  answer == null || answer.status() / 100 != 3 || !flaws.contains(Flaw.FOLLOWS_REDIRECTS)
                      ? Optional.empty()
                      : answer.header("Location");
              if (redirect.isPresent()) {
                attempt(attempt, start, URI.create(redirect.get()).getRawPath(), call, result, current);
                return;
              }
              NebulyException failure;
              if (error != null) {
                failure = failureOf(error);
              } else if (answer.status() == 200) {
                try {
                  result.complete(call.reader().apply(parse(200, answer.body())));
                  return;
                } catch (NebulyException e) {
                  failure = e;
                } catch (RuntimeException e) {
                  failure = new NebulyException.MalformedResponse(200, "not the documented document: " + e.getMessage(), null);
                }
              } else if (answer.status() == 404 && call.notFound() != null) {
                result.complete(call.notFound());
                return;
              } else {
                failure = errorOf(answer, call.resource());
              }
              Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
              Optional<Duration> retry =
                  settings.retryPolicy().nextDelay(attempt, failure, elapsed, ThreadLocalRandom.current().nextDouble());
              if (retry.isEmpty()) {
                result.completeExceptionally(failure);
              } else {
                CompletableFuture.delayedExecutor(retry.get().toNanos(), TimeUnit.NANOSECONDS)
                    .execute(() -> attempt(attempt + 1, start, basePath + call.path(), call, result, current));
              }
            });
  }

  private NebulyException failureOf(Throwable error) {
    if (error instanceof NebulyException nebuly) {
      return nebuly;
    }
    if (error instanceof SocketTransport.TooLarge) {
      return new NebulyException.MalformedResponse(200, error.getMessage(), null);
    }
    return new NebulyException.Transport(error.getClass().getSimpleName() + ": " + redact(String.valueOf(error.getMessage())), null);
  }

  private NebulyException errorOf(SocketTransport.Answer response, String resource) {
    int status = response.status();
    String text = redact(new String(response.body(), StandardCharsets.UTF_8));
    String detail = text.isBlank() ? null : text;
    List<RequestViolation> violations = new ArrayList<>();
    try {
      JsonNode json = JSON.readTree(text);
      JsonNode node = json == null ? null : json.get("detail");
      if (node != null && node.isTextual()) {
        detail = node.asText();
      } else if (node != null && node.isArray()) {
        detail = null;
        for (JsonNode violation : node) {
          List<String> location = new ArrayList<>();
          violation.path("loc").forEach(part -> location.add(part.asText()));
          violations.add(new RequestViolation(location, violation.path("msg").asText(""), violation.path("type").asText("")));
        }
      }
    } catch (IOException e) {
      // Not JSON (an HTML page, say): the text itself is the detail, cut by NebulyException.
    }
    if (status == 401 || status == 403) {
      return new NebulyException.Authentication(status, detail);
    }
    if (status == 404) {
      return new NebulyException.NotFound(resource, detail);
    }
    if (status == 429) {
      return new NebulyException.RateLimited(response.header("Retry-After").flatMap(JdkHttpAdapter::retryAfter).orElse(null), detail);
    }
    if (status >= 400 && status < 500) {
      return new NebulyException.InvalidRequest(status, detail, violations);
    }
    return new NebulyException.ServiceFailure(status, detail);
  }

  private String redact(String text) {
    return text.replace(settings.apiKey(), "<redacted>");
  }

  private static Optional<Duration> retryAfter(String value) {
    String trimmed = value.strip();
    if (trimmed.matches("\\d{1,9}")) {
      return Optional.of(Duration.ofSeconds(Long.parseLong(trimmed)));
    }
    try {
      Duration wait = Duration.between(Instant.now(), ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
      return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  private static JsonNode parse(int status, byte[] body) {
    try {
      JsonNode json = JSON.readTree(body);
      if (json == null || !json.isObject()) {
        throw new NebulyException.MalformedResponse(status, "the body is not a JSON object", null);
      }
      return json;
    } catch (IOException e) {
      throw new NebulyException.MalformedResponse(status, "the body is not JSON", e);
    }
  }

  private static URI url(JsonNode json) {
    return URI.create(required(json, "url").asText());
  }

  private static JsonNode required(JsonNode json, String name) {
    JsonNode value = json.get(name);
    if (value == null || value.isNull()) {
      throw new NebulyException.MalformedResponse(200, name + " is missing", null);
    }
    return value;
  }

  private static Optional<JsonNode> optional(JsonNode json, String name) {
    JsonNode value = json.get(name);
    return value == null || value.isNull() ? Optional.empty() : Optional.of(value);
  }

  private static Conversation conversation(JsonNode json) {
    Conversation.Builder conversation =
        Conversation.builder()
            .id(ConversationId.of(required(json, "id").asText()))
            .sessionLength(count(json, "session_length"))
            .sessionTime(optional(json, "session_time").map(n -> seconds(n.decimalValue())))
            .startSession(optional(json, "start_session").map(n -> instant(n.asText())))
            .endSession(optional(json, "end_session").map(n -> instant(n.asText())))
            .cost(optional(json, "cost").map(n -> MicroDollars.ofMicros(n.decimalValue())))
            .tags(texts(json, "tags"))
            .customAggregates(texts(json, "custom_aggregates"));
    optional(json, "emotions").ifPresent(emotions -> emotions.forEach(e -> conversation.addEmotions(e.asText())));
    for (JsonNode interaction : optional(json, "conversation").orElse(JSON.createArrayNode())) {
      conversation.addInteractions(
          Interaction.builder()
              .id(InteractionId.of(required(interaction, "id").asText()))
              .input(required(interaction, "input").asText())
              .output(required(interaction, "output").asText())
              .timestamp(instant(required(interaction, "timestamp").asText()))
              .endTimestamp(instant(required(interaction, "end_timestamp").asText()))
              .userQuery(optional(interaction, "user_query").map(JsonNode::asText))
              .topic(optional(interaction, "topic").map(JsonNode::asText))
              .sentiment(optional(interaction, "sentiment").map(JsonNode::asText))
              .typeOfRisk(optional(interaction, "type_of_risk").map(JsonNode::asText))
              .moderationIssue(optional(interaction, "moderation_issue").map(JsonNode::asText))
              .businessIssue(optional(interaction, "business_issue").map(JsonNode::asText))
              .build());
    }
    return conversation.build();
  }

  private static Map<String, String> texts(JsonNode json, String name) {
    Map<String, String> texts = new java.util.LinkedHashMap<>();
    JsonNode object = optional(json, name).orElse(JSON.createObjectNode());
    for (Map.Entry<String, JsonNode> entry : object.properties()) {
      if (!entry.getValue().isNull()) {
        texts.put(entry.getKey(), entry.getValue().isTextual() ? entry.getValue().asText() : entry.getValue().toString());
      }
    }
    return texts;
  }

  private static Duration seconds(BigDecimal seconds) {
    BigDecimal whole = seconds.setScale(0, RoundingMode.FLOOR);
    return Duration.ofSeconds(whole.longValueExact(), seconds.subtract(whole).movePointRight(9).setScale(0, RoundingMode.HALF_EVEN).longValueExact());
  }

  private static Instant instant(String text) {
    String iso = text.length() > 10 && text.charAt(10) == ' ' ? text.substring(0, 10) + 'T' + text.substring(11) : text;
    return OFFSET.matcher(iso).matches()
        ? OffsetDateTime.parse(iso, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant()
        : LocalDateTime.parse(iso, DateTimeFormatter.ISO_LOCAL_DATE_TIME).toInstant(ZoneOffset.UTC);
  }
}
