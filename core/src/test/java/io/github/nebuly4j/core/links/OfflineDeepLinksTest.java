package io.github.nebuly4j.core.links;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.nebuly4j.core.ConversationId;
import io.github.nebuly4j.core.DeepLink;
import io.github.nebuly4j.core.InteractionId;
import io.github.nebuly4j.core.LinkTarget;
import io.github.nebuly4j.core.OrganizationId;
import io.github.nebuly4j.core.ProjectId;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class OfflineDeepLinksTest {

  private static final ProjectId PROJECT = ProjectId.of("proj-1");
  private static final OrganizationId ORGANIZATION = OrganizationId.of("org-1");

  private static OfflineDeepLinks saas() {
    return OfflineDeepLinks.builder().projectId(PROJECT).organizationId(ORGANIZATION).build();
  }

  @Test
  void buildsTheDocumentedInteractionLinkOnNebulySaas() {
    DeepLink link = saas().linkTo(InteractionId.of("int-1"));

    assertThat(link.uri()).hasToString(
        "https://v2.platform.eu.nebuly.com/live-activity?projectId=proj-1&organizationId=org-1"
            + "&interactionId=int-1&liveActivityPageTab=interactions");
    assertThat(link.target()).isEqualTo(LinkTarget.INTERACTION);
    assertThat(link.targetId()).isEqualTo("int-1");
  }

  @Test
  void buildsTheDocumentedConversationLink() {
    DeepLink link = saas().linkTo(ConversationId.of("conv-1"));

    assertThat(link.uri()).hasToString(
        "https://v2.platform.eu.nebuly.com/live-activity?projectId=proj-1&organizationId=org-1"
            + "&conversationId=conv-1&liveActivityPageTab=conversations");
    assertThat(link.target()).isEqualTo(LinkTarget.CONVERSATION);
    assertThat(link.targetId()).isEqualTo("conv-1");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "a/b      | a%2Fb",
        "x y      | x%20y",
        "ü        | %C3%BC",
        "?&#=     | %3F%26%23%3D",
        "../x     | ..%2Fx",
        "%2F      | %252F",
        "a+b      | a%2Bb",
        "😀       | %F0%9F%98%80",
        "A-Z_a.z~ | A-Z_a.z~"
      })
  void queryEncodesEveryValue(String id, String encoded) {
    OfflineDeepLinks links =
        OfflineDeepLinks.builder().projectId(ProjectId.of(id)).organizationId(OrganizationId.of(id)).build();

    assertThat(links.linkTo(InteractionId.of(id)).uri().toString())
        .isEqualTo("https://v2.platform.eu.nebuly.com/live-activity?projectId=" + encoded
            + "&organizationId=" + encoded + "&interactionId=" + encoded + "&liveActivityPageTab=interactions");
    URI uri = links.linkTo(ConversationId.of(id)).uri();
    assertThat(uri.getRawQuery()).contains("&conversationId=" + encoded + "&");
    // The query has exactly the four documented parameters, whatever the id contains.
    assertThat(uri.getRawQuery().split("&")).hasSize(4);
    assertThat(uri.getRawFragment()).isNull();
    assertThat(links.linkTo(InteractionId.of(id)).targetId()).isEqualTo(id);
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://nebuly.acme.internal/analytics", "https://nebuly.acme.internal/analytics/"})
  void selfHostedFrontendKeepsItsPathPrefixWithOrWithoutTrailingSlash(String frontend) {
    OfflineDeepLinks links =
        OfflineDeepLinks.builder().frontend(frontend).projectId(PROJECT).organizationId(ORGANIZATION).build();

    assertThat(links.linkTo(InteractionId.of("i")).uri()).hasToString(
        "https://nebuly.acme.internal/analytics/live-activity?projectId=proj-1&organizationId=org-1"
            + "&interactionId=i&liveActivityPageTab=interactions");
    assertThat(links.frontend()).isEqualTo(URI.create(frontend));
  }

  @Test
  void plainHttpAndPortsAreAllowedForSelfHostedFrontends() {
    OfflineDeepLinks links = OfflineDeepLinks.builder()
        .frontend(URI.create("http://localhost:3000/"))
        .projectId(PROJECT).organizationId(ORGANIZATION).build();

    assertThat(links.linkTo(ConversationId.of("c")).uri().toString())
        .startsWith("http://localhost:3000/live-activity?projectId=proj-1&");
  }

  @ParameterizedTest
  @ValueSource(strings = {"ftp://nebuly.example.com", "javascript:alert(1)", "nebuly.example.com", "/live", "file:///etc/passwd"})
  void rejectsFrontendsThatAreNotHttp(String frontend) {
    assertThatThrownBy(() -> OfflineDeepLinks.builder().frontend(frontend))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("frontend must");
  }

  @Test
  void rejectsFrontendsWithQueryFragmentOrCredentialsWithoutRepeatingThem() {
    assertThatThrownBy(() -> OfflineDeepLinks.builder().frontend("https://h/x?a=1"))
        .hasMessage("frontend must have no query or fragment, got 'https://h/x?a=1'");
    assertThatThrownBy(() -> OfflineDeepLinks.builder().frontend("https://h/x#top"))
        .hasMessageContaining("no query or fragment");
    assertThatThrownBy(() -> OfflineDeepLinks.builder().frontend("https://user:s3cret@h/x"))
        .hasMessage("frontend must not carry user information")
        .hasMessageNotContaining("s3cret");
    assertThatThrownBy(() -> OfflineDeepLinks.builder().frontend("ftp://user:s3cret@h/x"))
        .hasMessageNotContaining("s3cret");
    assertThatThrownBy(() -> OfflineDeepLinks.builder().frontend("https://h/a b"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("frontend is not a valid URL");
    assertThatThrownBy(() -> OfflineDeepLinks.builder().frontend((String) null))
        .hasMessage("frontend must not be null");
  }

  @Test
  void needsProjectAndOrganization() {
    assertThatThrownBy(() -> OfflineDeepLinks.builder().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("OfflineDeepLinks needs both a projectId and an organizationId; missing: projectId, organizationId");
    assertThatThrownBy(() -> OfflineDeepLinks.builder().projectId(PROJECT).build())
        .hasMessageEndingWith("missing: organizationId");
    assertThatThrownBy(() -> OfflineDeepLinks.builder().organizationId(ORGANIZATION).build())
        .hasMessageEndingWith("missing: projectId");
    assertThatThrownBy(() -> OfflineDeepLinks.builder().projectId(null)).hasMessage("projectId must not be null");
  }

  @Test
  void asAResolverItCompletesAtOnceAndNeverFails() throws Exception {
    OfflineDeepLinks links = saas();

    assertThat(links.interactionLink(InteractionId.of("unknown")).toCompletableFuture().get(1, TimeUnit.SECONDS))
        .isEqualTo(links.linkTo(InteractionId.of("unknown")));
    assertThat(links.conversationLink(ConversationId.of("c")).toCompletableFuture().isDone()).isTrue();
    assertThatThrownBy(() -> links.interactionLink(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("id must not be null");
    assertThatThrownBy(() -> links.conversationLink(null)).isInstanceOf(IllegalArgumentException.class);
    assertThat(links.toString()).contains("proj-1");
  }
}
