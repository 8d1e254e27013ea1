package io.github.nebuly4j.examples.quarkus;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.nebuly4j.testkit.demo.DemoConversations;
import io.github.nebuly4j.testkit.server.Endpoint;
import io.github.nebuly4j.testkit.server.FakeNebulyControl;
import io.github.nebuly4j.testkit.server.Fault;
import io.github.nebuly4j.testkit.server.RemoteFakeNebulyServer;
import io.github.nebuly4j.wire.NebulySettings;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * How the viewer shows Nebuly's failures, scripted on the fake Nebuly that Dev Services start: the
 * test reaches it on the client's base URL through testkit's remote control.
 */
@QuarkusTest
class ScriptedFailuresTest {
  @Inject NebulySettings settings;

  FakeNebulyControl nebuly;

  @BeforeEach
  void reachTheFake() {
    nebuly = RemoteFakeNebulyServer.connect(settings.baseUrl());
  }

  @AfterEach
  void clearTheFaults() {
    nebuly.clearFaults();
  }

  @Test
  void aRefusedKeyIsAPageThatSaysTheKeyIsWrong() {
    String id = DemoConversations.all().get(1).conversation().id().value();
    nebuly.fault(Fault.status(401, "{\"detail\": \"Invalid API key\"}").on(Endpoint.CONVERSATION_DETAIL).forId(id));

    Response page = given().get("/conversations/{id}", id);

    assertThat(page.statusCode()).isEqualTo(502);
    assertThat(page.asString()).contains("Nebuly refused the API key").contains("API key is wrong");
    assertThat(page.asString()).doesNotContain(settings.apiKey());
    ConversationViewerTest.assertNoStackTrace(page);
  }

  @Test
  void anotherFailureOfNebulyIsAFriendlyPageWithItsMessage() {
    String id = DemoConversations.all().get(2).conversation().id().value();
    nebuly.fault(Fault.status(422).on(Endpoint.CONVERSATION_DETAIL).forId(id));

    Response page = given().get("/conversations/{id}", id);

    assertThat(page.statusCode()).isEqualTo(502);
    assertThat(page.asString()).contains("Nebuly could not be read").contains("rejected the request as invalid");
    ConversationViewerTest.assertNoStackTrace(page);
  }
}
