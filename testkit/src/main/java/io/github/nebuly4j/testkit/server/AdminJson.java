package io.github.nebuly4j.testkit.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * The JSON of the admin API: faults and recorded requests, written by one side and read by the
 * other ({@link AdminApi} in the server, {@link RemoteFakeNebulyServer} in the test).
 *
 * <p>A fault is {@code {"kind": "status", "status": 503, "body": "…", "endpoint":
 * "CONVERSATION_DETAIL", "id": "…", "times": 2}}: its kind, its record's data, and its scope (each
 * member absent for "any"). A hold carries the token that releases it instead of its stage.
 */
final class AdminJson {
  static final ObjectMapper JSON = new ObjectMapper();

  private AdminJson() {}

  static JsonNode parse(String text) {
    try {
      JsonNode json = JSON.readTree(text);
      if (json == null) {
        throw new IllegalArgumentException("the body is empty, JSON was expected");
      }
      return json;
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("the body is not JSON: " + e.getOriginalMessage(), e);
    }
  }

  /**
   * Writes a fault.
   *
   * @param holdToken the token that stands for a {@link Fault.Hold}'s stage; unused for other kinds
   */
  static ObjectNode fault(Fault fault, String holdToken) {
    ObjectNode json = JSON.createObjectNode();
    if (fault instanceof Fault.Delay delay) {
      json.put("kind", "delay").put("delay", delay.delay().toString());
    } else if (fault instanceof Fault.Hold) {
      json.put("kind", "hold").put("release", holdToken);
    } else if (fault instanceof Fault.Status status) {
      json.put("kind", "status").put("status", status.status()).put("body", status.jsonBody());
      status.retryAfter().ifPresent(value -> json.put("retryAfter", value));
    } else if (fault instanceof Fault.HtmlPage page) {
      json.put("kind", "htmlPage").put("status", page.status()).put("html", page.html());
    } else if (fault instanceof Fault.EmptyBody empty) {
      json.put("kind", "emptyBody").put("status", empty.status());
    } else if (fault instanceof Fault.MalformedJson) {
      json.put("kind", "malformedJson");
    } else if (fault instanceof Fault.DropConnection) {
      json.put("kind", "dropConnection");
    } else if (fault instanceof Fault.HugeBody huge) {
      json.put("kind", "hugeBody").put("status", huge.status()).put("bytes", huge.bytes()).put("chunked", huge.chunked());
    } else if (fault instanceof Fault.Trickle trickle) {
      json.put("kind", "trickle").put("bytes", trickle.bytes()).put("every", trickle.every().toString());
    } else if (fault instanceof Fault.Redirect redirect) {
      json.put("kind", "redirect").put("status", redirect.status()).put("location", redirect.location().toString());
    }
    Fault.Scope scope = fault.scope();
    scope.endpoint().ifPresent(endpoint -> json.put("endpoint", endpoint.name()));
    scope.id().ifPresent(id -> json.put("id", id));
    scope.count().ifPresent(count -> json.put("times", count));
    return json;
  }

  /**
   * Reads a fault.
   *
   * @param holds the stage that a hold's token stands for
   * @throws IllegalArgumentException if the JSON is not a fault
   */
  static Fault fault(JsonNode json, Function<String, CompletionStage<?>> holds) {
    if (!json.isObject()) {
      throw new IllegalArgumentException("a fault must be a JSON object");
    }
    Fault.Scope any = Fault.Scope.EVERY_REQUEST;
    String kind = text(json, "kind");
    Fault fault =
        switch (kind) {
          case "delay" -> new Fault.Delay(duration(json, "delay"), any);
          case "hold" -> new Fault.Hold(holds.apply(text(json, "release")), any);
          case "status" -> new Fault.Status(number(json, "status"), text(json, "body"), optionalText(json, "retryAfter"), any);
          case "htmlPage" -> new Fault.HtmlPage(number(json, "status"), text(json, "html"), any);
          case "emptyBody" -> new Fault.EmptyBody(number(json, "status"), any);
          case "malformedJson" -> new Fault.MalformedJson(any);
          case "dropConnection" -> new Fault.DropConnection(any);
          case "hugeBody" -> new Fault.HugeBody(number(json, "status"), size(json, "bytes"), bool(json, "chunked"), any);
          case "trickle" -> new Fault.Trickle(number(json, "bytes"), duration(json, "every"), any);
          case "redirect" -> new Fault.Redirect(number(json, "status"), uri(json, "location"), any);
          default -> throw new IllegalArgumentException("unknown fault kind '" + kind + "'");
        };
    return fault.withScope(
        new Fault.Scope(
            optionalText(json, "endpoint").map(AdminJson::endpoint),
            optionalText(json, "id"),
            json.has("times") ? OptionalInt.of(number(json, "times")) : OptionalInt.empty()));
  }

  static ObjectNode request(RecordedRequest request) {
    ObjectNode json =
        JSON.createObjectNode().put("method", request.method()).put("rawPath", request.rawPath());
    request.rawQuery().ifPresent(query -> json.put("rawQuery", query));
    ObjectNode headers = json.putObject("headers");
    request.headers().forEach((name, values) -> values.forEach(headers.putArray(name)::add));
    return json.put("body", request.body())
        .put("receivedAt", request.receivedAt().toString())
        .put("connectionId", request.connectionId());
  }

  static RecordedRequest request(JsonNode json) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    json.path("headers")
        .properties()
        .forEach(
            header -> {
              List<String> values = new ArrayList<>();
              header.getValue().forEach(value -> values.add(value.asText()));
              headers.put(header.getKey(), values);
            });
    return new RecordedRequest(
        text(json, "method"),
        text(json, "rawPath"),
        optionalText(json, "rawQuery"),
        headers,
        text(json, "body"),
        Instant.parse(text(json, "receivedAt")),
        json.path("connectionId").asLong());
  }

  static ArrayNode requests(List<RecordedRequest> requests) {
    ArrayNode json = JSON.createArrayNode();
    requests.forEach(request -> json.add(request(request)));
    return json;
  }

  private static String text(JsonNode json, String name) {
    JsonNode value = json.get(name);
    if (value == null || !value.isTextual()) {
      throw new IllegalArgumentException("\"" + name + "\" must be a string");
    }
    return value.asText();
  }

  private static Optional<String> optionalText(JsonNode json, String name) {
    return json.hasNonNull(name) ? Optional.of(text(json, name)) : Optional.empty();
  }

  private static int number(JsonNode json, String name) {
    JsonNode value = json.get(name);
    if (value == null || !value.isInt()) {
      throw new IllegalArgumentException("\"" + name + "\" must be an integer");
    }
    return value.asInt();
  }

  private static long size(JsonNode json, String name) {
    JsonNode value = json.get(name);
    if (value == null || !value.canConvertToLong() || !value.isIntegralNumber()) {
      throw new IllegalArgumentException("\"" + name + "\" must be an integer");
    }
    return value.asLong();
  }

  private static boolean bool(JsonNode json, String name) {
    JsonNode value = json.get(name);
    if (value == null || !value.isBoolean()) {
      throw new IllegalArgumentException("\"" + name + "\" must be true or false");
    }
    return value.asBoolean();
  }

  private static Duration duration(JsonNode json, String name) {
    String value = text(json, name);
    try {
      return Duration.parse(value);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("\"" + name + "\" must be an ISO-8601 duration, got '" + value + "'", e);
    }
  }

  private static URI uri(JsonNode json, String name) {
    String value = text(json, name);
    try {
      return new URI(value);
    } catch (java.net.URISyntaxException e) {
      throw new IllegalArgumentException("\"" + name + "\" is not a URI: " + e.getMessage(), e);
    }
  }

  private static Endpoint endpoint(String name) {
    try {
      return Endpoint.valueOf(name);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown endpoint '" + name + "'", e);
    }
  }
}
