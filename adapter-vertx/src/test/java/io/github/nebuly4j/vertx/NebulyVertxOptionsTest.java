package io.github.nebuly4j.vertx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.nebuly4j.core.retry.RetryPolicy;
import io.github.nebuly4j.wire.InvalidSettingException;
import io.github.nebuly4j.wire.NebulySettings;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.net.URI;
import java.time.Duration;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** The options are NebulySettings under Vert.x's spelling: same defaults, same rules, checked at create. */
class NebulyVertxOptionsTest extends OnVertx {
  private static final String KEY = "sk-options-7f3e9a";

  private static NebulyVertxOptions valid() {
    return new NebulyVertxOptions().setApiKey(KEY);
  }

  /** Every way to create a client refuses the options, naming the setting; the key is never shown. */
  private static InvalidSettingException refused(UnaryOperator<NebulyVertxOptions> change, String setting) {
    NebulyVertxOptions options = change.apply(valid());
    InvalidSettingException first = null;
    WebClient webClient = WebClient.create(vertx);
    try {
      for (Runnable create : new Runnable[] {
          () -> NebulyVertxClient.create(vertx, options),
          () -> NebulyVertxClient.create(vertx, new WebClientOptions(), options),
          () -> NebulyVertxClient.create(vertx, webClient, options)}) {
        InvalidSettingException e = catchThrowableOfType(InvalidSettingException.class, create::run);
        assertThat(e).as("create must refuse %s", options).isNotNull();
        assertThat(e.setting()).isEqualTo(setting);
        assertThat(e.getMessage()).doesNotContain(KEY);
        first = first == null ? e : first;
      }
    } finally {
      webClient.close();
    }
    return first;
  }

  @Test
  void theDefaultsAreNebulySettingsDefaults() {
    NebulySettings settings = valid().toSettings();

    assertThat(settings.baseUrl()).isEqualTo(URI.create("https://backend.nebuly.com/api/external"));
    assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(settings.attemptTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(settings.maxBodySize()).isEqualTo(16L * 1024 * 1024);
    assertThat(settings.maxConnections()).isEqualTo(16);
    assertThat(settings.retryPolicy()).isEqualTo(RetryPolicy.defaults());
    assertThat(settings.allowPlainHttp()).isFalse();
  }

  @Test
  void everySetterReachesTheSettings() {
    RetryPolicy policy = RetryPolicy.none();
    NebulyVertxOptions options = new NebulyVertxOptions()
        .setBaseUrl("http://nebuly.internal/prefix/api/external/")
        .setApiKey(KEY)
        .setAllowPlainHttp(true)
        .setConnectTimeout(Duration.ofMillis(1500))
        .setAttemptTimeout(Duration.ofSeconds(4))
        .setMaxBodySize(1234)
        .setMaxConnections(3)
        .setRetryPolicy(policy);

    NebulySettings settings = options.toSettings();

    assertThat(settings.baseUrl()).isEqualTo(URI.create("http://nebuly.internal/prefix/api/external"));
    assertThat(settings.apiKey()).isEqualTo(KEY);
    assertThat(settings.allowPlainHttp()).isTrue();
    assertThat(settings.connectTimeout()).isEqualTo(Duration.ofMillis(1500));
    assertThat(settings.attemptTimeout()).isEqualTo(Duration.ofSeconds(4));
    assertThat(settings.maxBodySize()).isEqualTo(1234);
    assertThat(settings.maxConnections()).isEqualTo(3);
    assertThat(settings.retryPolicy()).isSameAs(policy);
  }

  @Test
  void eachBrokenRuleIsRefusedAtCreateNamingTheSetting() {
    assertThat(refused(o -> o.setApiKey(null), "apiKey")).hasMessageContaining("apiKey is not set");
    assertThat(refused(o -> o.setApiKey("a key"), "apiKey")).hasMessageContaining("spaces or control characters");
    assertThat(refused(o -> o.setBaseUrl("http://nebuly.example/api"), "baseUrl")).hasMessageContaining("plain http");
    assertThat(refused(o -> o.setBaseUrl("https://user:pw@nebuly.example/api"), "baseUrl"))
        .hasMessageNotContaining("pw@");
    assertThat(refused(o -> o.setConnectTimeout(Duration.ZERO), "connectTimeout")).hasMessageContaining("at least 1 ms");
    assertThat(refused(o -> o.setAttemptTimeout(null), "attemptTimeout")).hasMessageContaining("must not be null");
    assertThat(refused(o -> o.setMaxBodySize(0), "maxBodySize")).hasMessageContaining("between 1 byte and 1 GiB");
    assertThat(refused(o -> o.setMaxConnections(0), "maxConnections")).hasMessageContaining("between 1 and 10000");
    assertThat(refused(o -> o.setRetryPolicy(null), "retryPolicy")).hasMessageContaining("RetryPolicy.none()");
  }

  @Test
  void theClientKeepsWhatItWasCreatedWith() {
    NebulyVertxOptions options = valid();
    NebulyVertxClient client = NebulyVertxClient.create(vertx, options);
    try {
      options.setApiKey(null).setMaxConnections(0);

      assertThat(client.toString()).contains("maxConnections=16").doesNotContain(KEY);
    } finally {
      client.close();
    }
  }

  @Test
  void nullArgumentsAreRefused() {
    WebClient webClient = WebClient.create(vertx);
    try {
      assertThatThrownBy(() -> NebulyVertxClient.create(null, valid())).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> NebulyVertxClient.create(vertx, (NebulyVertxOptions) null))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> NebulyVertxClient.create(vertx, (WebClientOptions) null, valid()))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> NebulyVertxClient.create(vertx, (WebClient) null, valid()))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> NebulyVertxClient.create(null, webClient, valid()))
          .isInstanceOf(IllegalArgumentException.class);
    } finally {
      webClient.close();
    }
  }

  @Test
  void theDescriptionNeverShowsTheKey() {
    assertThat(valid().setBaseUrl("https://user:pw@nebuly.example/api").toString())
        .startsWith("NebulyVertxOptions{")
        .contains("apiKey=***")
        .doesNotContain(KEY)
        .doesNotContain("pw@");
    assertThat(new NebulyVertxOptions().toString()).contains("apiKey=<unset>");
  }
}
