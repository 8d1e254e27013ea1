package io.github.nebuly4j.examples.quarkus;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.nebuly4j.core.Conversation;
import io.github.nebuly4j.core.ConversationId;
import io.github.nebuly4j.core.Interaction;
import io.github.nebuly4j.examples.demo.EmbeddedNebuly;
import io.github.nebuly4j.testkit.demo.DemoConversation;
import io.github.nebuly4j.testkit.demo.DemoConversations;
import io.github.nebuly4j.testkit.server.Endpoint;
import io.github.nebuly4j.testkit.server.Fault;
import io.github.nebuly4j.testkit.server.RecordedRequest;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the viewer asks of Nebuly, read from the journal of the test's own fake: one listing request
 * per start page, one request per conversation page, and a deep link only when an "Open in Nebuly" route is followed, once for any
 * number of clicks.
 */
@QuarkusTest
@TestProfile(ScriptedNebulyProfile.class)
class NebulyRequestsTest {
  EmbeddedNebuly nebuly;

  @Test
  void aConversationPageSendsExactlyOneRequestToNebuly() {
    Conversation conversation = DemoConversations.all().get(0).conversation();
    int before = nebuly.server().journal().count();

    Response page = given().get("/conversations/{id}", conversation.id().value());

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(conversation.interactions()).hasSizeGreaterThan(1);
    List<RecordedRequest> sent = nebuly.server().journal().requests();
    assertThat(sent.subList(before, sent.size()))
        .as("one request for the page, none for its %d links", conversation.interactions().size() + 1)
        .singleElement()
        .satisfies(request -> assertThat(request.rawPath()).endsWith(Endpoint.CONVERSATION_DETAIL.path()));
    assertThat(page.asString())
        .contains("href=\"/go/conversation/" + conversation.id().value() + "\"")
        .contains("href=\"/go/interaction/" + conversation.interactions().get(1).id().value() + "\"");
  }

  @Test
  void theStartPageSendsOneListingRequestWithTheDaysAndFiltersOfItsForm() {
    int before = nebuly.server().journal().count();

    Response page =
        given().queryParam("from", "2026-06-01").queryParam("to", "2026-06-12").queryParam("user", "alice").get("/");

    assertThat(page.statusCode()).isEqualTo(200);
    List<RecordedRequest> sent = nebuly.server().journal().requests();
    assertThat(sent.subList(before, sent.size()))
        .as("one page of the listing")
        .singleElement()
        .satisfies(
            request -> {
              assertThat(request.rawPath()).endsWith(Endpoint.INTERACTION_AGGREGATES.path());
              assertThat(request.body())
                  .contains("\"start\":\"2026-06-01T00:00:00Z\"")
                  .contains("\"end\":\"2026-06-13T00:00:00Z\"")
                  .contains("\"kind\":\"user\"")
                  .contains("\"alice\"")
                  .contains("\"limit\":20")
                  .contains("\"offset\":0");
            });
    assertThat(page.asString()).contains("No conversation from 2026-06-01 to 2026-06-12 meets these filters");
  }

  @Test
  void theStartPageListsTheConversationsOfItsDaysOnly() {
    List<Conversation> listed =
        DemoConversations.all().stream()
            .map(demo -> demo.conversation())
            .filter(conversation -> conversation.startSession().orElseThrow().isBefore(Instant.parse("2026-06-12T00:00:00Z")))
            .toList();

    String page = given().queryParam("from", "2026-05-01").queryParam("to", "2026-06-11").get("/").asString();

    assertThat(listed).isNotEmpty().hasSizeLessThan(DemoConversations.all().size());
    assertThat(page).contains("1–" + listed.size() + " of " + listed.size());
    for (DemoConversation demo : DemoConversations.all()) {
      String link = "href=\"/conversations/" + demo.conversation().id().value() + "\"";
      if (listed.contains(demo.conversation())) {
        assertThat(page).contains(link);
      } else {
        assertThat(page).doesNotContain(link);
      }
    }
  }

  @Test
  void anOpenInNebulyLinkRedirectsToTheLinkNebulyGaveAndAsksOnceForIt() {
    Interaction interaction = DemoConversations.all().get(3).conversation().interactions().get(0);
    int before = nebuly.server().journal().requestsTo(Endpoint.INTERACTION_LINK).size();

    for (int click = 0; click < 3; click++) {
      Response redirect = given().redirects().follow(false).get("/go/interaction/{id}", interaction.id().value());
      assertThat(redirect.statusCode()).isEqualTo(303);
      assertThat(redirect.header("Location")).isEqualTo(DemoConversations.LINKS.linkTo(interaction.id()).uri().toString());
    }
    assertThat(nebuly.server().journal().requestsTo(Endpoint.INTERACTION_LINK).size() - before)
        .as("three clicks, one request: the viewer's resolver caches links")
        .isEqualTo(1);

    ConversationId conversation = DemoConversations.all().get(3).conversation().id();
    Response redirect = given().redirects().follow(false).get("/go/conversation/{id}", conversation.value());
    assertThat(redirect.statusCode()).isEqualTo(303);
    assertThat(redirect.header("Location")).isEqualTo(DemoConversations.LINKS.linkTo(conversation).uri().toString());
  }

  @Test
  void anOpenInNebulyLinkThatFailsIsAnErrorPage() {
    Response unknown = given().redirects().follow(false).get("/go/interaction/{id}", "no-such-interaction");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.contentType()).startsWith("text/html");
    assertThat(unknown.asString()).contains("Not found in Nebuly").contains("no-such-interaction");
    ConversationViewerTest.assertNoStackTrace(unknown);

    String id = DemoConversations.all().get(4).conversation().id().value();
    nebuly.server().fault(Fault.status(503).on(Endpoint.CONVERSATION_LINK).forId(id));
    try {
      Response down = given().redirects().follow(false).get("/go/conversation/{id}", id);
      assertThat(down.statusCode()).isEqualTo(502);
      assertThat(down.asString()).contains("Nebuly could not be read");
      ConversationViewerTest.assertNoStackTrace(down);
    } finally {
      nebuly.server().clearFaults();
    }
  }
}
