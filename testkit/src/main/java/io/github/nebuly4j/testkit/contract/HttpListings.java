package io.github.nebuly4j.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.nebuly4j.core.NebulyException;
import io.github.nebuly4j.core.TimeRange;
import io.github.nebuly4j.testkit.server.Endpoint;
import io.github.nebuly4j.testkit.server.Fault;
import io.github.nebuly4j.testkit.server.FakeNebulyControl;
import io.github.nebuly4j.testkit.server.NebulyDocuments;
import io.github.nebuly4j.testkit.server.RecordedRequest;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** What the HTTP listing suites share: the binding of a port to the fake server, and the checks of a request. */
final class HttpListings {
  private HttpListings() {}

  /**
   * Returns the port, watched through the fake server's journal of {@code endpoint} and scripted
   * through its faults.
   */
  static <P> ListingUnderTest<P> underTest(FakeNebulyControl server, Endpoint endpoint, P port) {
    return ListingUnderTest.of(
        port,
        () -> server.journal().requestsTo(endpoint).stream().map(HttpListings::requestedPage).toList(),
        offset -> {
          String detail = "Simulated failure of the page at offset " + offset;
          server.fault(Fault.status(400, NebulyDocuments.error(detail)).on(endpoint).atOffset(offset));
          return new NebulyException.InvalidRequest(400, detail, List.of());
        });
  }

  /** Reads a listing request's {@code limit} and {@code offset}. */
  private static RequestedPage requestedPage(RecordedRequest request) {
    JsonNode body = ContractJson.tree(request.body());
    JsonNode limit = body.path("limit");
    JsonNode offset = body.path("offset");
    if (!limit.canConvertToInt() || !limit.isIntegralNumber() || !offset.isIntegralNumber()) {
      throw new AssertionError("a listing request needs a whole limit and offset: " + request);
    }
    return new RequestedPage(limit.asInt(), offset.asLong());
  }

  /**
   * Checks a listing request's method, path and headers, and returns its body without its {@code
   * time_range}, after checking that the range is {@code range} in UTC ISO-8601 text ({@code
   * 2024-05-30T09:27:52.420Z}).
   */
  static ObjectNode bodyBesidesTheRange(RecordedRequest request, String basePath, Endpoint endpoint, TimeRange range) {
    assertAll(
        request.toString(),
        () -> assertEquals("POST", request.method(), "method"),
        () -> assertEquals(basePath + endpoint.path(), request.rawPath(), "path"),
        () -> assertEquals(Optional.empty(), request.rawQuery(), "no query"),
        () -> assertEquals(
            Optional.of("Bearer " + ContractSettings.API_KEY), request.header("Authorization"), "Authorization"),
        () -> assertTrue(
            request.header("Content-Type")
                .map(type -> type.split(";")[0].strip().toLowerCase(Locale.ROOT).equals("application/json"))
                .orElse(false),
            "Content-Type: application/json, got " + request.header("Content-Type")));
    JsonNode tree = ContractJson.tree(request.body());
    if (!(tree instanceof ObjectNode body)) {
      throw new AssertionError("the body is not a JSON object: " + request.body());
    }
    JsonNode sentRange = body.remove("time_range");
    assertTrue(sentRange != null && sentRange.isObject() && sentRange.size() == 2, "time_range {start, end}: " + sentRange);
    assertUtc(range.start(), sentRange.get("start"), "time_range.start");
    assertUtc(range.end(), sentRange.get("end"), "time_range.end");
    return body;
  }

  private static void assertUtc(Instant expected, JsonNode sent, String what) {
    assertTrue(sent != null && sent.isTextual(), what + " must be ISO-8601 text, got " + sent);
    String text = sent.asText();
    assertTrue(text.endsWith("Z"), what + " must be in UTC, written with a Z, got " + text);
    try {
      assertEquals(expected, Instant.parse(text), what);
    } catch (DateTimeParseException e) {
      throw new AssertionError(what + " is not an ISO-8601 instant: " + text, e);
    }
  }
}
