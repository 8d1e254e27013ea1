package io.github.nebuly4j.quarkus.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nebuly4j.core.DeepLinkResolver;
import io.github.nebuly4j.core.InteractionId;
import io.github.nebuly4j.testkit.contract.ContractSettings;
import io.github.nebuly4j.testkit.server.Endpoint;
import io.github.nebuly4j.testkit.server.FakeNebulyServer;
import io.github.nebuly4j.testkit.server.RecordedRequest;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * With quarkus-opentelemetry and quarkus-micrometer in the application, the calls to Nebuly are
 * client spans (whose trace context reaches Nebuly) and {@code http.client.requests} timings, named
 * by the endpoint's template rather than by the id.
 */
@QuarkusTest
@TestProfile(NebulyTestProfile.class)
class ObservabilityTest {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final String TEMPLATE = "/deeplinks/interaction/{id}";

  @InjectFakeServer FakeNebulyServer server;

  @Inject DeepLinkResolver resolver;

  @Inject InMemorySpanExporter spans;

  @Inject MeterRegistry meters;

  @BeforeEach
  void reset() {
    server.acceptApiKey(ContractSettings.API_KEY).reset();
    server.seedInteractionLink(InteractionId.of("traced-1"), URI.create("https://nebuly.example/i/traced-1"));
    spans.reset();
  }

  @Test
  void aCallIsAClientSpanWhoseTraceReachesNebuly() throws Exception {
    resolver.interactionLink(InteractionId.of("traced-1")).toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);

    List<RecordedRequest> requests = server.journal().requestsTo(Endpoint.INTERACTION_LINK);
    assertThat(requests).hasSize(1);
    String traceparent =
        requests.get(0).header("traceparent").orElseThrow(() -> new AssertionError("no W3C trace context reached Nebuly"));
    // traceparent: version-traceId-spanId-flags; the span is the client span of this very request.
    String[] parts = traceparent.split("-");
    assertThat(Await.until(() -> clientSpan(parts[1], parts[2]) != null, WAIT))
        .as("a client span %s; spans: %s", traceparent, spans.getFinishedSpanItems())
        .isTrue();
    assertThat(clientSpan(parts[1], parts[2]).getName()).contains(TEMPLATE);
  }

  @Test
  void aCallIsTimedUnderItsEndpointsTemplate() throws Exception {
    double before = count();

    resolver.interactionLink(InteractionId.of("traced-1")).toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);

    assertThat(Await.until(() -> count() >= before + 1, WAIT)).as("the call was timed").isTrue();
    assertThat(meters.find("http.client.requests").tagKeys("uri").timers())
        .as("no timer is named by an id")
        .allSatisfy(timer -> assertThat(timer.getId().getTag("uri")).doesNotContain("traced-1"));
  }

  private double count() {
    Timer timer = meters.find("http.client.requests").tag("uri", TEMPLATE).tag("status", "200").timer();
    return timer == null ? 0 : timer.count();
  }

  private SpanData clientSpan(String traceId, String spanId) {
    return spans.getFinishedSpanItems().stream()
        .filter(span -> span.getKind() == SpanKind.CLIENT)
        .filter(span -> span.getTraceId().equals(traceId) && span.getSpanId().equals(spanId))
        .findFirst()
        .orElse(null);
  }
}
