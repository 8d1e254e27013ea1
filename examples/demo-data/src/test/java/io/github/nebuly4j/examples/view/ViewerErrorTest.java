package io.github.nebuly4j.examples.view;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nebuly4j.core.ConversationId;
import io.github.nebuly4j.core.NebulyException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class ViewerErrorTest {

  @Test
  void aRefusedKeyIsABadGatewayThatSaysTheKeyIsWrong() {
    ViewerError error =
        ViewerError.of(new CompletionException(new NebulyException.Authentication(401, "Invalid API key")));
    assertThat(error.status()).isEqualTo(502);
    assertThat(error.kind()).isEqualTo("authentication");
    assertThat(error.message()).contains("API key is wrong").contains("NEBULY_API_KEY").contains("HTTP 401");
  }

  @Test
  void nebulysFailuresKeepTheirMessage() {
    NebulyException.ServiceFailure outage = new NebulyException.ServiceFailure(503, "maintenance");
    assertThat(ViewerError.of(outage))
        .isEqualTo(new ViewerError(502, "nebuly-failure", "Nebuly could not be read", outage.getMessage()));
    assertThat(ViewerError.of(new NebulyException.RateLimited(Duration.ofSeconds(3), null)).status())
        .isEqualTo(503);
    assertThat(ViewerError.of(new NebulyException.Timeout(Duration.ofSeconds(1), null)).status())
        .isEqualTo(504);
    assertThat(ViewerError.of(new NebulyException.InvalidRequest(422, "bad", List.of())).kind())
        .isEqualTo("nebuly-failure");
    NebulyException.Transport refused = new NebulyException.Transport("connection refused", null);
    assertThat(ViewerError.of(refused))
        .isEqualTo(new ViewerError(502, "unreachable", "Nebuly could not be reached", refused.getMessage()));
  }

  @Test
  void aMissingLinkIsANotFoundWithNebulysWords() {
    NebulyException.NotFound missing = new NebulyException.NotFound("interaction 'x'", null);
    ViewerError error = ViewerError.of(missing);
    assertThat(error.status()).isEqualTo(404);
    assertThat(error.message()).isEqualTo(missing.getMessage());
  }

  @Test
  void anUnexpectedFailureTellsNoInternals() {
    ViewerError error = ViewerError.of(new CompletionException(new IllegalStateException("secret internals")));
    assertThat(error.status()).isEqualTo(500);
    assertThat(error.message()).doesNotContain("secret internals").contains("IllegalStateException");
  }

  @Test
  void anUnknownIdAndAnInvalidIdAreTheCallersMistakes() {
    assertThat(ViewerError.notFound(ConversationId.of("abc")).status()).isEqualTo(404);
    assertThat(ViewerError.notFound(ConversationId.of("abc")).message()).contains("'abc'");
    IllegalArgumentException tooLong = new IllegalArgumentException("ConversationId is too long");
    assertThat(ViewerError.invalidId("conversation", tooLong))
        .isEqualTo(new ViewerError(400, "invalid-id", "Not a valid conversation id", "ConversationId is too long"));
  }
}
