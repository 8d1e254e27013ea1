package io.github.nebuly4j.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.nebuly4j.core.Conversation;
import io.github.nebuly4j.core.Interaction;
import io.github.nebuly4j.examples.view.ConversationJson;
import io.github.nebuly4j.testkit.demo.DemoConversation;
import io.github.nebuly4j.testkit.demo.DemoConversations;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class EmbeddedNebulyTest {
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  @Test
  void servesEveryDemoIdWithItsLinkToTheHolderOfItsKeyOnly() throws Exception {
    try (EmbeddedNebuly nebuly = EmbeddedNebuly.start()) {
      assertThat(nebuly.baseUrl().getHost()).isEqualTo("127.0.0.1");
      for (DemoConversation demo : DemoConversations.all()) {
        Conversation conversation = demo.conversation();
        assertThat(link(nebuly, "/deeplinks/conversation/" + conversation.id().value(), nebuly.apiKey()))
            .isEqualTo(DemoConversations.LINKS.linkTo(conversation.id()).uri().toString());
        for (Interaction interaction : conversation.interactions()) {
          assertThat(link(nebuly, "/deeplinks/interaction/" + interaction.id().value(), nebuly.apiKey()))
              .isEqualTo(DemoConversations.LINKS.linkTo(interaction.id()).uri().toString());
        }
      }
      HttpResponse<String> detail =
          HTTP.send(
              request(nebuly, "/get-conversation-detail", nebuly.apiKey())
                  .POST(HttpRequest.BodyPublishers.ofString(
                      "{\"conversation_id\": \"" + DemoConversations.all().get(0).conversation().id().value() + "\"}"))
                  .header("Content-Type", "application/json")
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(detail.statusCode()).isEqualTo(200);
      assertThat(ConversationJson.parse(detail.body()).get("conversation").size())
          .isEqualTo(DemoConversations.all().get(0).conversation().interactions().size());

      String anyId = DemoConversations.all().get(0).conversation().id().value();
      assertThat(HTTP.send(request(nebuly, "/deeplinks/conversation/" + anyId, "guessed-key").build(),
              HttpResponse.BodyHandlers.ofString()).statusCode())
          .isEqualTo(401);
    }
  }

  @Test
  void eachStartHasItsOwnKeyThatItsDescriptionNeverShows() {
    try (EmbeddedNebuly first = EmbeddedNebuly.start();
        EmbeddedNebuly second = EmbeddedNebuly.start()) {
      assertThat(first.apiKey()).isNotEqualTo(second.apiKey()).hasSizeGreaterThan(30);
      assertThat(first.toString()).doesNotContain(first.apiKey()).contains(first.baseUrl().toString());
      assertThat(first.baseUrl()).isNotEqualTo(second.baseUrl());
    }
  }

  @Test
  void closingStopsTheServer() {
    EmbeddedNebuly nebuly = EmbeddedNebuly.start();
    nebuly.close();
    assertThatThrownBy(() -> link(nebuly, "/deeplinks/conversation/x", nebuly.apiKey()))
        .isInstanceOf(ConnectException.class);
  }

  private static String link(EmbeddedNebuly nebuly, String path, String key)
      throws IOException, InterruptedException {
    HttpResponse<String> response =
        HTTP.send(request(nebuly, path, key).GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(path).isEqualTo(200);
    JsonNode body = ConversationJson.parse(response.body());
    return body.get("url").asText();
  }

  private static HttpRequest.Builder request(EmbeddedNebuly nebuly, String path, String key) {
    return HttpRequest.newBuilder(URI.create(nebuly.baseUrl() + path))
        .timeout(Duration.ofSeconds(5))
        .header("Authorization", "Bearer " + key);
  }
}
