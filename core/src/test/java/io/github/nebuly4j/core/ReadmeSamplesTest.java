package io.github.nebuly4j.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

/** What the README's snippets claim in their comments holds. */
class ReadmeSamplesTest {

  @Test
  void theOfflineLinkIsTheOneTheReadmeShows() {
    assertThat(ReadmeSamples.offlineLinks())
        .isEqualTo(URI.create("https://nebuly.example.com/analytics/live-activity?projectId=my-project"
            + "&organizationId=my-org&interactionId=a%2Fb&liveActivityPageTab=interactions"));
  }
}
