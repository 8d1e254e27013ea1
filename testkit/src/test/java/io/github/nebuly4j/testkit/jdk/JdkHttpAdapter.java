package io.github.nebuly4j.testkit.jdk;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.nebuly4j.core.Conversation;
import io.github.nebuly4j.core.ConversationId;
import io.github.nebuly4j.core.ConversationRepository;
import io.github.nebuly4j.core.DeepLink;
import io.github.nebuly4j.core.DeepLinkResolver;
import io.github.nebuly4j.core.Interaction;
import io.github.nebuly4j.core.InteractionId;
import io.github.nebuly4j.core.MicroDollars;
import io.github.nebuly4j.core.NebulyException;
import io.github.nebuly4j.core.RequestViolation;
import io.github.nebuly4j.core.spi.Arguments;
import io.github.nebuly4j.core.spi.PercentEncoding;
import io.github.nebuly4j.testkit.contract.AdapterUnderTest;
import io.github.nebuly4j.testkit.contract.ContractSettings;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Flow;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A minimal HTTP adapter on {@code java.net.http}, test code only: it exists to prove that the HTTP
 * suites can be passed (and, with {@code applyTimeout = false}, that they catch an adapter that
 * ignores its timeout). It deliberately uses no class of the wire module.
 */
public final class JdkHttpAdapter implements AdapterUnderTest, DeepLinkResolver, ConversationRepository {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
  private static final Pattern OFFSET = Pattern.compile(".*(Z|z|[+-]\\d\\d:?\\d\\d)$");

  private final ContractSettings settings;
  private final boolean applyTimeout;
  private final HttpClient client;
  private final String base;

  /**
   * Creates the adapter.
   *
   * @param settings the configuration
   * @param applyTimeout false for the deliberately broken variant that never times out
   */
  public JdkHttpAdapter(ContractSettings settings, boolean applyTimeout) {
    this.settings = settings;
    this.applyTimeout = applyTimeout;
    this.client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(settings.connectTimeout())
            .build();
    String url = settings.baseUrl().toString();
    this.base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
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
  public CompletionStage<DeepLink> interactionLink(InteractionId id) {
    Arguments.requireNonNull(id, "id");
    return call(
        () -> get("/deeplinks/interaction/" + PercentEncoding.encode(id.value())),
        body -> DeepLink.toInteraction(id, url(body)),
        null,
        "interaction '" + id.value() + "'");
  }

  @Override
  public CompletionStage<DeepLink> conversationLink(ConversationId id) {
    Arguments.requireNonNull(id, "id");
    return call(
        () -> get("/deeplinks/conversation/" + PercentEncoding.encode(id.value())),
        body -> DeepLink.toConversation(id, url(body)),
        null,
        "conversation '" + id.value() + "'");
  }

  @Override
  public CompletionStage<Optional<Conversation>> findById(ConversationId id) {
    Arguments.requireNonNull(id, "id");
    String body = JSON.createObjectNode().put("conversation_id", id.value()).toString();
    return call(
        () ->
            request("/get-conversation-detail")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
        json -> Optional.of(conversation(json)),
        Optional.empty(),
        "conversation '" + id.value() + "'");
  }

  private HttpRequest get(String path) {
    return request(path).GET().build();
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Authorization", "Bearer " + settings.apiKey())
            .header("Accept", "application/json");
    return applyTimeout ? request.timeout(settings.requestTimeout()) : request;
  }

  private <T> CompletableFuture<T> call(
      java.util.function.Supplier<HttpRequest> request,
      Function<JsonNode, T> reader,
      T notFound,
      String resource) {
    CompletableFuture<T> result = new CompletableFuture<>();
    attempt(1, System.nanoTime(), request, reader, notFound, resource, result);
    return result;
  }

  private <T> void attempt(
      int attempt,
      long start,
      java.util.function.Supplier<HttpRequest> request,
      Function<JsonNode, T> reader,
      T notFound,
      String resource,
      CompletableFuture<T> result) {
    client
        .sendAsync(request.get(), info -> new BoundedBody(info.statusCode(), settings.maxResponseBytes(), info.headers().firstValueAsLong("Content-Length")))
        .whenComplete(
            (response, error) -> {
              NebulyException failure;
              if (error != null) {
                failure = failureOf(error);
              } else if (response.statusCode() == 200) {
                try {
                  result.complete(reader.apply(parse(200, response.body())));
                  return;
                } catch (NebulyException e) {
                  failure = e;
                } catch (RuntimeException e) {
                  failure = new NebulyException.MalformedResponse(200, "not the documented document: " + e.getMessage(), null);
                }
              } else if (response.statusCode() == 404 && notFound != null) {
                result.complete(notFound);
                return;
              } else {
                failure = errorOf(response, resource);
              }
              Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
              Optional<Duration> retry =
                  settings.retryPolicy().nextDelay(attempt, failure, elapsed, ThreadLocalRandom.current().nextDouble());
              if (retry.isEmpty()) {
                result.completeExceptionally(failure);
              } else {
                CompletableFuture.delayedExecutor(retry.get().toNanos(), TimeUnit.NANOSECONDS)
                    .execute(() -> attempt(attempt + 1, start, request, reader, notFound, resource, result));
              }
            });
  }

  private NebulyException failureOf(Throwable error) {
    Throwable cause = error;
    while (cause.getCause() != null && !(cause instanceof IOException) && !(cause instanceof TooLarge)) {
      cause = cause.getCause();
    }
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof TooLarge) {
        return new NebulyException.MalformedResponse(((TooLarge) t).status, t.getMessage(), null);
      }
    }
    if (cause instanceof HttpTimeoutException) {
      return new NebulyException.Timeout(
          cause instanceof java.net.http.HttpConnectTimeoutException ? settings.connectTimeout() : settings.requestTimeout(),
          cause);
    }
    return new NebulyException.Transport(cause.getClass().getSimpleName() + ": " + redact(String.valueOf(cause.getMessage())), null);
  }

  private NebulyException errorOf(HttpResponse<byte[]> response, String resource) {
    int status = response.statusCode();
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
      return new NebulyException.RateLimited(response.headers().firstValue("Retry-After").flatMap(JdkHttpAdapter::retryAfter).orElse(null), detail);
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
            .sessionLength(optional(json, "session_length").map(n -> n.decimalValue().intValueExact()).map(java.util.OptionalInt::of).orElse(java.util.OptionalInt.empty()))
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

  /** The body is refused: larger than the bound. */
  private static final class TooLarge extends IOException {
    private static final long serialVersionUID = 1L;
    final int status;

    TooLarge(int status, long bound) {
      super("the body is larger than " + bound + " bytes");
      this.status = status;
    }
  }

  /** Collects a body up to a bound, and cancels the download beyond it. */
  private static final class BoundedBody implements HttpResponse.BodySubscriber<byte[]> {
    private final int status;
    private final long bound;
    private final boolean announcedTooLarge;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final CompletableFuture<byte[]> body = new CompletableFuture<>();
    private Flow.Subscription subscription;

    BoundedBody(int status, long bound, java.util.OptionalLong contentLength) {
      this.status = status;
      this.bound = bound;
      this.announcedTooLarge = contentLength.isPresent() && contentLength.getAsLong() > bound;
    }

    @Override
    public CompletionStage<byte[]> getBody() {
      return body;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      this.subscription = subscription;
      if (announcedTooLarge) {
        subscription.cancel();
        body.completeExceptionally(new TooLarge(status, bound));
      } else {
        subscription.request(Long.MAX_VALUE);
      }
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
      if (body.isDone()) {
        return;
      }
      for (ByteBuffer item : items) {
        if (bytes.size() + (long) item.remaining() > bound) {
          subscription.cancel();
          body.completeExceptionally(new TooLarge(status, bound));
          return;
        }
        byte[] chunk = new byte[item.remaining()];
        item.get(chunk);
        bytes.write(chunk, 0, chunk.length);
      }
    }

    @Override
    public void onError(Throwable throwable) {
      body.completeExceptionally(throwable);
    }

    @Override
    public void onComplete() {
      body.complete(bytes.toByteArray());
    }
  }
}
