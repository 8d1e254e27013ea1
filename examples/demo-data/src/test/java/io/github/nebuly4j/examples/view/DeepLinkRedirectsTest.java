package io.github.nebuly4j.examples.view;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nebuly4j.core.NebulyException;
import io.github.nebuly4j.core.InteractionId;
import io.github.nebuly4j.core.ConversationId;
import io.github.nebuly4j.testkit.fake.InMemoryDeepLinkResolver;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

class DeepLinkRedirectsTest {
  private static final URI INTERACTION = URI.create("https://nebuly.example/i/known");
  private static final URI CONVERSATION = URI.create("https://nebuly.example/c/known");

  private final InMemoryDeepLinkResolver links =
      InMemoryDeepLinkResolver.builder()
          .interactionLink(InteractionId.of("known"), INTERACTION)
          .conversationLink(ConversationId.of("known"), CONVERSATION)
          .build();
  private final DeepLinkRedirects redirects = new DeepLinkRedirects(links);

  @Test
  void aKnownIdRedirectsToItsLink() throws Exception {
    assertThat(answer(redirects.interaction("known", uri -> "redirect " + uri, DeepLinkRedirectsTest::failed)))
        .isEqualTo("redirect " + INTERACTION);
    assertThat(answer(redirects.conversation("known", uri -> "redirect " + uri, DeepLinkRedirectsTest::failed)))
        .isEqualTo("redirect " + CONVERSATION);
  }

  @Test
  void anUnknownIdIsA404AndAnInvalidOneA400AskingNobody() throws Exception {
    assertThat(answer(redirects.interaction("unknown", uri -> "redirect", DeepLinkRedirectsTest::failed)))
        .isEqualTo("failed 404 not-found");
    int asked = links.calls().size();
    assertThat(answer(redirects.conversation("   ", uri -> "redirect", DeepLinkRedirectsTest::failed)))
        .isEqualTo("failed 400 invalid-id Not a valid conversation id");
    assertThat(answer(redirects.interaction("x".repeat(257), uri -> "redirect", DeepLinkRedirectsTest::failed)))
        .isEqualTo("failed 400 invalid-id Not a valid interaction id");
    assertThat(links.calls()).hasSize(asked);
  }

  @Test
  void aFailureOfNebulyIsItsErrorPage() throws Exception {
    links.failNextCalls(1, new NebulyException.ServiceFailure(503, "maintenance"));

    assertThat(answer(redirects.interaction("known", uri -> "redirect", DeepLinkRedirectsTest::failed)))
        .isEqualTo("failed 502 nebuly-failure");
  }

  private static String failed(ViewerError error) {
    return "failed " + error.status() + " " + error.kind() + (error.status() == 400 ? " " + error.title() : "");
  }

  private static String answer(CompletionStage<String> stage) throws Exception {
    return stage.toCompletableFuture().get(5, TimeUnit.SECONDS);
  }
}
