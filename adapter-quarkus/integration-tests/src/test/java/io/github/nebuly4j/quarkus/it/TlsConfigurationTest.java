package io.github.nebuly4j.quarkus.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.nebuly4j.core.DeepLink;
import io.github.nebuly4j.core.DeepLinkResolver;
import io.github.nebuly4j.core.InteractionId;
import io.github.nebuly4j.core.NebulyException;
import io.github.nebuly4j.core.retry.RetryPolicy;
import io.github.nebuly4j.quarkus.runtime.RestClientTransport;
import io.github.nebuly4j.wire.NebulyExchange;
import io.github.nebuly4j.wire.NebulySettings;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * quarkus.nebuly.tls-configuration-name gives the client a TLS configuration of Quarkus's TLS
 * registry: the injected resolver reaches an https Nebuly with a private certificate, which the
 * same client without that configuration refuses.
 */
@QuarkusTest
@TestProfile(TlsProfile.class)
class TlsConfigurationTest {
  TlsNebuly nebuly;

  @Inject DeepLinkResolver resolver;

  @Inject NebulySettings settings;

  @Inject Vertx vertx;

  @Test
  void theNamedTlsConfigurationTrustsThePrivateCertificate() throws Exception {
    DeepLink link = resolver.interactionLink(InteractionId.of("tls-1")).toCompletableFuture().get(20, TimeUnit.SECONDS);

    assertThat(link.uri()).isEqualTo(TlsNebuly.LINK);
  }

  @Test
  void withoutItTheCertificateIsRefused() {
    NebulySettings once = settings.toBuilder().retryPolicy(RetryPolicy.none()).build();
    try (RestClientTransport plain = RestClientTransport.create(vertx, once, RestClientTransport.TransportOptions.DEFAULTS)) {
      NebulyExchange exchange = NebulyExchange.create(once, plain);

      assertThatThrownBy(() -> exchange.interactionLink(InteractionId.of("tls-1")).get(20, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .cause()
          .isInstanceOf(NebulyException.Transport.class);
    }
  }
}
