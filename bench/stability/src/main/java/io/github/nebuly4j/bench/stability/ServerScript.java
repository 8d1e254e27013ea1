package io.github.nebuly4j.bench.stability;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.nebuly4j.testkit.contract.ContractData;
import io.github.nebuly4j.testkit.server.FakeNebulyControl;
import io.github.nebuly4j.testkit.server.Fault;
import io.github.nebuly4j.testkit.server.NebulyDocuments;
import io.github.nebuly4j.testkit.server.RecordedRequest;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Prepares the fake server for a batch of calls (seeds and faults, after a reset that also empties
 * the journal, so that neither the server's fault list nor the journal grows with the run) and
 * reads back which requests it received for each call.
 */
final class ServerScript {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The longest wait for requests still on their way to the server when a batch has ended. */
  private static final Duration JOURNAL_WAIT = Duration.ofSeconds(10);

  private final FakeNebulyControl server;
  private final String basePath;

  ServerScript(FakeNebulyControl server) {
    this.server = server;
    this.basePath = server.baseUrl().getRawPath();
  }

  /** Resets the server, seeds what the calls' ids must find and scripts their faults. */
  void prepare(List<PlannedCall> calls, List<Fault> unscopedFaults) {
    server.reset();
    server.seedFromJson(seedFile(calls));
    unscopedFaults.forEach(server::fault);
    for (PlannedCall call : calls) {
      call.faults.forEach(server::fault);
    }
  }

  /** A seed file with each seeded call's document: one admin request instead of one per call. */
  private static String seedFile(List<PlannedCall> calls) {
    StringWriter text = new StringWriter();
    try (JsonGenerator json = JSON.getFactory().createGenerator(text)) {
      json.writeStartObject();
      json.writeArrayFieldStart("conversations");
      for (PlannedCall call : calls) {
        if (call.scenario.seeded() && call.kind == CallKind.CONVERSATION) {
          json.writeRawValue(NebulyDocuments.conversation(ContractData.fullConversation(call.id)));
        }
      }
      json.writeEndArray();
      for (CallKind kind : List.of(CallKind.INTERACTION_LINK, CallKind.CONVERSATION_LINK)) {
        json.writeObjectFieldStart(kind == CallKind.INTERACTION_LINK ? "interaction_links" : "conversation_links");
        for (PlannedCall call : calls) {
          if (call.scenario.seeded() && call.kind == kind) {
            json.writeStringField(call.id, CallKind.linkTo(call.id).toString());
          }
        }
        json.writeEndObject();
      }
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text.toString();
  }

  /** Waits until the client has closed a connection, or the timeout passes; true once it has. */
  boolean closedByClient(long connectionId, Duration timeout) {
    return server.awaitClosedByPeer(connectionId, timeout);
  }

  /**
   * Waits until the journal holds at least {@code atLeast} requests (or a while), then waits until
   * it stays the same for {@code quietFor}, and returns what it holds.
   */
  Received received(int atLeast, Duration quietFor) {
    server.journal().awaitCount(atLeast, JOURNAL_WAIT);
    List<RecordedRequest> requests = server.journal().requests();
    long quietSince = System.nanoTime();
    while (System.nanoTime() - quietSince < quietFor.toNanos()) {
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(250));
      List<RecordedRequest> now = server.journal().requests();
      if (now.size() != requests.size()) {
        requests = now;
        quietSince = System.nanoTime();
      }
    }
    return new Received(requests, basePath);
  }

  /**
   * The requests of a batch, by call.
   *
   * @param byCall the requests for each call, oldest first
   * @param strangers requests to no endpoint of the ports
   * @param total every request
   */
  record Received(Map<CallKind.CallKey, List<RecordedRequest>> byCall, List<RecordedRequest> strangers, int total) {

    Received(List<RecordedRequest> requests, String basePath) {
      this(new HashMap<>(), new ArrayList<>(), requests.size());
      for (RecordedRequest request : requests) {
        Optional<CallKind.CallKey> key = callOf(request, basePath);
        if (key.isPresent()) {
          byCall.computeIfAbsent(key.get(), unused -> new ArrayList<>()).add(request);
        } else {
          strangers.add(request);
        }
      }
    }

    List<RecordedRequest> of(PlannedCall call) {
      return byCall.getOrDefault(new CallKind.CallKey(call.kind, call.id), List.of());
    }

    /** Which call a request belongs to, or empty for a request of none of the three endpoints. */
    private static Optional<CallKind.CallKey> callOf(RecordedRequest request, String basePath) {
      for (CallKind kind : CallKind.values()) {
        String path = basePath + kind.endpoint().path();
        if (kind == CallKind.CONVERSATION ? request.rawPath().equals(path) : request.rawPath().startsWith(path)) {
          Optional<String> id = kind == CallKind.CONVERSATION ? detailId(request) : request.decodedLastSegment();
          return id.map(value -> new CallKind.CallKey(kind, value));
        }
      }
      return Optional.empty();
    }

    private static Optional<String> detailId(RecordedRequest request) {
      try {
        JsonNode id = JSON.readTree(request.body()).path("conversation_id");
        return id.isTextual() ? Optional.of(id.asText()) : Optional.empty();
      } catch (IOException e) {
        return Optional.empty();
      }
    }
  }
}
