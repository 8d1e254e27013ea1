package io.github.nebuly4j.examples.quarkus;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.nebuly4j.core.ConversationId;
import io.github.nebuly4j.core.InteractionId;
import io.github.nebuly4j.core.OrganizationId;
import io.github.nebuly4j.core.ProjectId;
import io.github.nebuly4j.core.links.OfflineDeepLinks;
import io.github.nebuly4j.examples.demo.EmbeddedNebuly;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

/**
 * With {@code NEBULY_PROJECT_ID} and {@code NEBULY_ORGANIZATION_ID}, "Open in Nebuly" builds its
 * link offline: a redirect to Nebuly's Live Activity page, and no request to Nebuly at all.
 */
@QuarkusTest
@TestProfile(OfflineLinksProfile.class)
class OfflineLinksTest {
  private static final OfflineDeepLinks EXPECTED =
      OfflineDeepLinks.builder()
          .projectId(ProjectId.of(OfflineLinksProfile.PROJECT_ID))
          .organizationId(OrganizationId.of(OfflineLinksProfile.ORGANIZATION_ID))
          .build();

  EmbeddedNebuly nebuly;

  @Test
  void openInNebulyRedirectsToTheOfflineLinkAndAsksNebulyNothing() {
    int before = nebuly.server().journal().count();

    Response interaction = given().redirects().follow(false).get("/go/interaction/{id}", "any-interaction");
    Response conversation = given().redirects().follow(false).get("/go/conversation/{id}", "any-conversation");

    assertThat(interaction.statusCode()).isEqualTo(303);
    assertThat(interaction.header("Location"))
        .isEqualTo(EXPECTED.linkTo(InteractionId.of("any-interaction")).uri().toString())
        .startsWith(OfflineDeepLinks.NEBULY_SAAS_FRONTEND.toString());
    assertThat(conversation.statusCode()).isEqualTo(303);
    assertThat(conversation.header("Location"))
        .isEqualTo(EXPECTED.linkTo(ConversationId.of("any-conversation")).uri().toString());
    assertThat(nebuly.server().journal().count()).as("requests to Nebuly").isEqualTo(before);
  }
}
