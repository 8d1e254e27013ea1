package io.github.nebuly4j.examples.quarkus;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.nebuly4j.core.Conversation;
import io.github.nebuly4j.examples.view.ConversationJson;
import io.github.nebuly4j.examples.view.ConversationView;
import io.github.nebuly4j.examples.view.StandalonePages;
import io.github.nebuly4j.examples.view.StartViews;
import io.github.nebuly4j.testkit.demo.DemoConversation;
import io.github.nebuly4j.testkit.demo.DemoConversations;
import io.github.nebuly4j.testkit.fake.InMemoryConversationListing;
import io.github.nebuly4j.testkit.fake.ListingSummaries;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The viewer over HTTP, on the fake Nebuly that Dev Services start because the test configuration
 * has no API key, seeded with the demo conversations.
 */
@QuarkusTest
class ConversationViewerTest {

  @Test
  void theJsonOfEveryDemoConversationShowsEveryField() {
    for (DemoConversation demo : DemoConversations.all()) {
      Conversation conversation = demo.conversation();
      Response response = given().get("/api/conversations/{id}", conversation.id().value());
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.contentType()).startsWith("application/json");
      ConversationJson.assertShows(ConversationJson.parse(response.asString()), conversation);
    }
  }

  @Test
  void anUnknownIdIsA404PageAndA404Json() {
    Response page = given().get("/conversations/{id}", "no-such-conversation");
    assertThat(page.statusCode()).isEqualTo(404);
    assertThat(page.contentType()).startsWith("text/html");
    assertThat(page.asString()).contains("No such conversation").contains("no-such-conversation");
    assertNoStackTrace(page);

    Response json = given().get("/api/conversations/{id}", "no-such-conversation");
    assertThat(json.statusCode()).isEqualTo(404);
    assertThat(json.jsonPath().getString("kind")).isEqualTo("not-found");
  }

  @Test
  void anIdThatIsNoIdIsA400Page() {
    Response page = given().get("/conversations/{id}", "x".repeat(300));
    assertThat(page.statusCode()).isEqualTo(400);
    assertThat(page.asString()).contains("Not a valid conversation id").contains("at most 256");
    assertNoStackTrace(page);
  }

  @Test
  void theStartPageLinksEveryDemoConversationAndOffersTheForm() {
    Response page = given().get("/");
    assertThat(page.statusCode()).isEqualTo(200);
    String html = page.asString();
    for (DemoConversation demo : DemoConversations.all()) {
      assertThat(html)
          .contains("href=\"/conversations/" + demo.conversation().id().value() + "\"")
          .contains(demo.title().replace("'", "&#39;"));
    }
    assertThat(html)
        .contains("<form")
        .contains("action=\"/conversations\"")
        .contains("placeholder=\"e.g. " + DemoConversations.all().get(0).conversation().id().value() + "\"")
        .contains("Embedded demo Nebuly");
  }

  @Test
  void theFormOpensTheConversationItNames() {
    Response redirect = given().redirects().follow(false).queryParam("id", " some id ").get("/conversations");
    assertThat(redirect.statusCode()).isEqualTo(303);
    assertThat(redirect.header("Location")).endsWith("/conversations/some%20id");
  }

  @Test
  void anUnknownPathIsAFriendly404Page() {
    Response page = given().get("/no/such/page");
    assertThat(page.statusCode()).isEqualTo(404);
    assertThat(page.asString()).contains("There is no page here");
    assertNoStackTrace(page);
  }

  @Test
  void thePagesAreExactlyTheOnesTheVertxViewerRendersFromTheSameTemplates() throws Exception {
    Conversation conversation = DemoConversations.all().get(2).conversation();
    StandalonePages standalone = new StandalonePages();

    assertThat(given().get("/conversations/{id}", conversation.id().value()).asString())
        .isEqualTo(standalone.conversation(ConversationView.of(conversation), true));
    StartViews demoListing =
        new StartViews(
            InMemoryConversationListing.builder()
                .rows(DemoConversations.all().stream().map(demo -> ListingSummaries.ofConversation(demo.conversation())).toList())
                .build(),
            true,
            Clock.systemUTC());
    String expected =
        demoListing.respond(name -> null, (status, view) -> standalone.start(view)).toCompletableFuture().get(5, TimeUnit.SECONDS);
    assertThat(given().get("/").asString()).isEqualTo(expected);
  }

  static void assertNoStackTrace(Response page) {
    assertThat(page.asString()).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain(".java:");
  }
}
