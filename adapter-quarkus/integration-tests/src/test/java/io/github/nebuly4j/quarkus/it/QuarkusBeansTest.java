package io.github.nebuly4j.quarkus.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.nebuly4j.core.ConversationId;
import io.github.nebuly4j.core.DeepLink;
import io.github.nebuly4j.core.DeepLinkResolver;
import io.github.nebuly4j.core.InteractionId;
import io.github.nebuly4j.core.NebulyException;
import io.github.nebuly4j.core.OrganizationId;
import io.github.nebuly4j.core.ProjectId;
import io.github.nebuly4j.core.links.OfflineDeepLinks;
import io.github.nebuly4j.quarkus.NebulyMutinyClient;
import io.github.nebuly4j.quarkus.runtime.NebulyConfig;
import io.github.nebuly4j.wire.NebulyExchange;
import io.github.nebuly4j.wire.NebulySettings;
import io.github.nebuly4j.testkit.contract.ContractSettings;
import io.github.nebuly4j.testkit.server.Endpoint;
import io.github.nebuly4j.testkit.server.Fault;
import io.github.nebuly4j.testkit.server.FakeNebulyServer;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The CDI beans as an application injects them, and what the configuration made of them. */
@QuarkusTest
@TestProfile(NebulyTestProfile.class)
class QuarkusBeansTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  @InjectFakeServer FakeNebulyServer server;

  @Inject NebulyMutinyClient mutiny;

  @Inject DeepLinkResolver resolver;

  @Inject OfflineDeepLinks offlineLinks;

  @Inject NebulyConfig config;

  @Inject NebulyExchange client;

  @Inject NebulySettings settings;

  @BeforeEach
  void resetServer() {
    server.acceptApiKey(ContractSettings.API_KEY).reset();
  }

  @Test
  void theConfigurationBecomesTheContractSettings() {
    assertThat(QuarkusFakeServerBinding.contractSettings(settings))
        .isEqualTo(ContractSettings.standard(server.baseUrl()));
  }

  @Test
  void offlineDeepLinksAreBuiltFromTheConfiguredIds() {
    OfflineDeepLinks expected =
        OfflineDeepLinks.builder()
            .frontend(FakeServerResource.FRONTEND_URL)
            .projectId(ProjectId.of(FakeServerResource.PROJECT_ID))
            .organizationId(OrganizationId.of(FakeServerResource.ORGANIZATION_ID))
            .build();

    assertThat(offlineLinks.linkTo(InteractionId.of("i-1"))).isEqualTo(expected.linkTo(InteractionId.of("i-1")));
    assertThat(offlineLinks.linkTo(ConversationId.of("c-1"))).isEqualTo(expected.linkTo(ConversationId.of("c-1")));
    assertThat(server.journal().count()).as("offline links make no request").isZero();
  }

  @Test
  void theInjectedResolverIsTheHttpOneEvenWithOfflineLinksConfigured() {
    CompletionStage<DeepLink> unknown = resolver.interactionLink(InteractionId.of("unknown"));

    assertThatThrownBy(() -> unknown.toCompletableFuture().get(WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS))
        .hasCauseInstanceOf(NebulyException.NotFound.class);
    assertThat(server.journal().requestsTo(Endpoint.INTERACTION_LINK)).hasSize(1);
  }

  @Test
  void mutinyVariantsReturnTheResultsOfThePorts() {
    URI interaction = URI.create("https://nebuly.example/i/m-1");
    URI conversation = URI.create("https://nebuly.example/c/m-1");
    server.seedInteractionLink(InteractionId.of("m-1"), interaction);
    server.seedConversationLink(ConversationId.of("m-1"), conversation);

    assertThat(mutiny.interactionLink(InteractionId.of("m-1")).await().atMost(WAIT))
        .isEqualTo(DeepLink.toInteraction(InteractionId.of("m-1"), interaction));
    assertThat(mutiny.conversationLink(ConversationId.of("m-1")).await().atMost(WAIT))
        .isEqualTo(DeepLink.toConversation(ConversationId.of("m-1"), conversation));
    assertThat(mutiny.findConversation(ConversationId.of("m-1")).await().atMost(WAIT)).isEqualTo(Optional.empty());
  }

  @Test
  void mutinyFailuresAreNebulyExceptions() {
    assertThatThrownBy(() -> mutiny.conversationLink(ConversationId.of("unknown")).await().atMost(WAIT))
        .isInstanceOf(NebulyException.NotFound.class);
  }

  @Test
  void aUniSendsNothingUntilSubscribedAndSendsAgainOnEachSubscription() {
    server.seedInteractionLink(InteractionId.of("lazy"), URI.create("https://nebuly.example/i/lazy"));

    Uni<DeepLink> link = mutiny.interactionLink(InteractionId.of("lazy"));
    assertThat(server.journal().count()).isZero();

    link.await().atMost(WAIT);
    link.await().atMost(WAIT);
    assertThat(server.journal().count()).isEqualTo(2);
  }

  @Test
  void cancellingAUniAbandonsTheCallWithoutRetrying() {
    CompletableFuture<Void> release = new CompletableFuture<>();
    server.seedInteractionLink(InteractionId.of("held"), URI.create("https://nebuly.example/i/held"));
    server.fault(Fault.holdUntil(release));
    CompletableFuture<DeepLink> outcome = new CompletableFuture<>();

    Cancellable subscription =
        mutiny
            .interactionLink(InteractionId.of("held"))
            .subscribe()
            .with(outcome::complete, outcome::completeExceptionally);
    assertThat(server.journal().awaitCount(1, WAIT)).as("the request arrived").isTrue();
    subscription.cancel();
    release.complete(null);

    // Another call goes through after the held one: had a retry been scheduled, it would be here too.
    server.clearFaults();
    mutiny.interactionLink(InteractionId.of("held")).await().atMost(WAIT);
    assertThat(server.journal().count()).isEqualTo(2);
    assertThat(outcome).isNotDone();
  }

  @Test
  void nullIdsAreRejectedAtOnce() {
    assertThatThrownBy(() -> mutiny.interactionLink(null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> mutiny.conversationLink(null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> mutiny.findConversation(null)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theApiKeyShowsInNoDescription() {
    assertThat(String.valueOf(config)).doesNotContain(ContractSettings.API_KEY);
    assertThat(client.toString()).doesNotContain(ContractSettings.API_KEY).contains("apiKey=***");
    assertThat(settings.toString()).doesNotContain(ContractSettings.API_KEY);
    assertThatThrownBy(() -> ConfigProvider.getConfig().getConfigValue("quarkus.nebuly.api-key"))
        .as("quarkus.nebuly.api-key is a secret key of the application's configuration")
        .isInstanceOf(SecurityException.class)
        .hasMessageNotContaining(ContractSettings.API_KEY);
  }

  @Test
  void aFailedCallFailsTheCompletionStageWithTheNebulyExceptionItself() {
    server.fault(Fault.status(422).on(Endpoint.CONVERSATION_DETAIL));

    CompletableFuture<?> call = client.findById(ConversationId.of("rejected"));
    assertThatThrownBy(call::join)
        .isInstanceOf(CompletionException.class)
        .cause()
        .isInstanceOf(NebulyException.InvalidRequest.class);
  }
}
