package io.github.nebuly4j.examples.quarkus;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.nebuly4j.examples.demo.EmbeddedNebuly;
import io.github.nebuly4j.testkit.demo.DemoConversations;
import io.github.nebuly4j.testkit.server.Endpoint;
import io.github.nebuly4j.testkit.server.Fault;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

/**
 * How the viewer shows Nebuly's failures, scripted on a fake Nebuly that the test itself runs
 * ({@link EmbeddedNebulyResource}), so that it can inject faults.
 */
@QuarkusTest
@TestProfile(ScriptedNebulyProfile.class)
class ScriptedFailuresTest {
  EmbeddedNebuly nebuly;

  @Test
  void aRefusedKeyIsAPageThatSaysTheKeyIsWrong() {
    String id = DemoConversations.all().get(1).conversation().id().value();
    nebuly.server().fault(Fault.status(401, "{\"detail\": \"Invalid API key\"}").on(Endpoint.CONVERSATION_DETAIL).forId(id));
    try {
      Response page = given().get("/conversations/{id}", id);
      assertThat(page.statusCode()).isEqualTo(502);
      assertThat(page.asString()).contains("Nebuly refused the API key").contains("API key is wrong");
      assertThat(page.asString()).doesNotContain(nebuly.apiKey());
      ConversationViewerTest.assertNoStackTrace(page);
    } finally {
      nebuly.server().clearFaults();
    }
  }

  @Test
  void anotherFailureOfNebulyIsAFriendlyPageWithItsMessage() {
    String id = DemoConversations.all().get(2).conversation().id().value();
    nebuly.server().fault(Fault.status(422).on(Endpoint.CONVERSATION_DETAIL).forId(id));
    try {
      Response page = given().get("/conversations/{id}", id);
      assertThat(page.statusCode()).isEqualTo(502);
      assertThat(page.asString()).contains("Nebuly could not be read").contains("rejected the request as invalid");
      ConversationViewerTest.assertNoStackTrace(page);
    } finally {
      nebuly.server().clearFaults();
    }
  }
}
