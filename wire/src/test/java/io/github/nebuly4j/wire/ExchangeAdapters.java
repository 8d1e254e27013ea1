package io.github.nebuly4j.wire;

import io.github.nebuly4j.core.ConversationListing;
import io.github.nebuly4j.core.ConversationRepository;
import io.github.nebuly4j.core.DeepLinkResolver;
import io.github.nebuly4j.core.InteractionSearch;
import io.github.nebuly4j.testkit.contract.AdapterUnderTest;
import io.github.nebuly4j.testkit.contract.ContractSettings;

/** The exchange on a plain {@code java.net.http} transport, as testkit's HTTP suites see an adapter. */
final class ExchangeAdapters {
  private static final JdkTransport TRANSPORT = new JdkTransport();

  private ExchangeAdapters() {}

  /** Returns an exchange configured with the suite's settings, as every port. */
  static AdapterUnderTest of(ContractSettings settings) {
    NebulyExchange exchange =
        NebulyExchange.create(
            NebulySettings.builder()
                .baseUrl(settings.baseUrl().toString())
                .apiKey(settings.apiKey())
                .connectTimeout(settings.connectTimeout())
                .attemptTimeout(settings.attemptTimeout())
                .retryPolicy(settings.retryPolicy())
                .maxBodySize(settings.maxBodySize())
                .maxConnections(settings.maxConnections())
                .build(),
            TRANSPORT);
    return new AdapterUnderTest() {
      @Override
      public DeepLinkResolver deepLinkResolver() {
        return exchange;
      }

      @Override
      public ConversationRepository conversationRepository() {
        return exchange;
      }

      @Override
      public InteractionSearch interactionSearch() {
        return exchange;
      }

      @Override
      public ConversationListing conversationListing() {
        return exchange;
      }
    };
  }
}
