package io.github.nebuly4j.quarkus.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nebuly4j.core.ConversationListing;
import io.github.nebuly4j.core.ConversationRepository;
import io.github.nebuly4j.core.DeepLinkResolver;
import io.github.nebuly4j.core.InteractionSearch;
import io.github.nebuly4j.quarkus.runtime.RestClientTransport;
import io.github.nebuly4j.testkit.contract.AdapterUnderTest;
import io.github.nebuly4j.testkit.contract.ContractSettings;
import io.github.nebuly4j.testkit.contract.FakeServerBinding;
import io.github.nebuly4j.testkit.server.FakeNebulyServer;
import io.github.nebuly4j.wire.NebulyExchange;
import io.github.nebuly4j.wire.NebulySettings;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;

/**
 * Binds the contract suites to the application's own beans: for the standard settings, {@link
 * #adapter} returns the injected {@link DeepLinkResolver}, {@link ConversationRepository}, {@link
 * InteractionSearch} and {@link ConversationListing},
 * after checking that the {@code quarkus.nebuly.*} properties produced exactly those settings. For
 * other settings (a suite sends a wrong API key), it builds the same exchange over the same REST
 * Client transport as the beans, outside CDI.
 */
abstract class QuarkusFakeServerBinding implements FakeServerBinding {
  private static final Map<ContractSettings, RestClientTransport> OTHER_TRANSPORTS = new ConcurrentHashMap<>();

  @InjectFakeServer FakeNebulyServer server;

  @Inject DeepLinkResolver deepLinkResolver;

  @Inject ConversationRepository conversationRepository;

  @Inject InteractionSearch interactionSearch;

  @Inject ConversationListing conversationListing;

  @Inject NebulySettings configured;

  @Inject Vertx vertx;

  @Override
  public FakeNebulyServer server() {
    assertThat(server).as("the fake server injected by FakeServerResource").isNotNull();
    return server;
  }

  @Override
  public AdapterUnderTest adapter(ContractSettings settings) {
    if (settings.equals(contractSettings(configured))) {
      return AdapterUnderTest.of(deepLinkResolver, conversationRepository, interactionSearch, conversationListing);
    }
    NebulySettings wanted = nebulySettings(settings);
    RestClientTransport transport =
        OTHER_TRANSPORTS.computeIfAbsent(
            settings, s -> RestClientTransport.create(vertx, wanted, RestClientTransport.TransportOptions.DEFAULTS));
    NebulyExchange exchange = NebulyExchange.create(wanted, transport);
    return AdapterUnderTest.of(exchange);
  }

  @AfterAll
  static void closeOtherTransports() {
    OTHER_TRANSPORTS.values().forEach(RestClientTransport::close);
    OTHER_TRANSPORTS.clear();
  }

  static ContractSettings contractSettings(NebulySettings settings) {
    return new ContractSettings(
        settings.baseUrl(),
        settings.apiKey(),
        settings.connectTimeout(),
        settings.attemptTimeout(),
        settings.retryPolicy(),
        settings.maxBodySize(),
        settings.maxConnections());
  }

  private static NebulySettings nebulySettings(ContractSettings settings) {
    return NebulySettings.builder()
        .baseUrl(settings.baseUrl().toString())
        .apiKey(settings.apiKey())
        .connectTimeout(settings.connectTimeout())
        .attemptTimeout(settings.attemptTimeout())
        .retryPolicy(settings.retryPolicy())
        .maxBodySize(settings.maxBodySize())
        .maxConnections(settings.maxConnections())
        .build();
  }
}
