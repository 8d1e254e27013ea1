package io.github.nebuly4j.quarkus;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nebuly4j.core.ConversationRepository;
import io.github.nebuly4j.core.DeepLinkResolver;
import io.github.nebuly4j.testkit.contract.AdapterUnderTest;
import io.github.nebuly4j.testkit.contract.ContractSettings;
import io.github.nebuly4j.testkit.contract.FakeServerBinding;
import io.github.nebuly4j.testkit.server.FakeNebulyServer;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;

/**
 * Binds the contract suites to the application's own beans: for the standard settings, {@link
 * #adapter} returns the injected {@link DeepLinkResolver} and {@link ConversationRepository},
 * after checking that the {@code nebuly.*} properties produced exactly those settings. For other
 * settings (a suite sends a wrong API key), it builds a client of the same class, outside CDI.
 */
abstract class QuarkusFakeServerBinding implements FakeServerBinding {
  private static final Map<ContractSettings, NebulyHttpClient> OTHER_CLIENTS = new ConcurrentHashMap<>();

  @InjectFakeServer FakeNebulyServer server;

  @Inject DeepLinkResolver deepLinkResolver;

  @Inject ConversationRepository conversationRepository;

  @Inject NebulyHttpClient client;

  @Inject Vertx vertx;

  @Override
  public FakeNebulyServer server() {
    assertThat(server).as("the fake server injected by FakeServerResource").isNotNull();
    return server;
  }

  @Override
  public AdapterUnderTest adapter(ContractSettings settings) {
    ContractSettings configured = contractSettings(client.settings());
    if (settings.equals(configured)) {
      return adapterOf(deepLinkResolver, conversationRepository);
    }
    assertThat(settings.withApiKey(ContractSettings.API_KEY))
        .as("only the API key may differ from the configured settings")
        .isEqualTo(configured);
    NebulyHttpClient other = OTHER_CLIENTS.computeIfAbsent(settings, s -> new NebulyHttpClient(vertx, nebulySettings(s)));
    return adapterOf(other, other);
  }

  @AfterAll
  static void closeOtherClients() {
    OTHER_CLIENTS.values().forEach(NebulyHttpClient::close);
    OTHER_CLIENTS.clear();
  }

  static ContractSettings contractSettings(NebulySettings settings) {
    return new ContractSettings(
        settings.baseUrl(),
        settings.apiKey(),
        settings.connectTimeout(),
        settings.readTimeout(),
        settings.retryPolicy(),
        settings.maxBodyBytes(),
        NebulyHttpClient.MAX_CONNECTIONS);
  }

  private static NebulySettings nebulySettings(ContractSettings settings) {
    return new NebulySettings(
        settings.apiKey(),
        settings.baseUrl(),
        settings.connectTimeout(),
        settings.attemptTimeout(),
        settings.retryPolicy(),
        settings.maxBodySize(),
        Optional.empty());
  }

  private static AdapterUnderTest adapterOf(DeepLinkResolver links, ConversationRepository conversations) {
    return new AdapterUnderTest() {
      @Override
      public DeepLinkResolver deepLinkResolver() {
        return links;
      }

      @Override
      public ConversationRepository conversationRepository() {
        return conversations;
      }
    };
  }
}
