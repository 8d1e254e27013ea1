package io.github.nebuly4j.vertx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.nebuly4j.core.retry.RetryPolicy;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The options' defaults, copies and toString, and their validation at {@code create}. */
class NebulyVertxOptionsTest {
  private static final String KEY = "sk-options-7f3e9a";

  private static Vertx vertx;

  @BeforeAll
  static void startVertx() {
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void closeVertx() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  private static NebulyVertxOptions valid() {
    return new NebulyVertxOptions().setApiKey(KEY);
  }

  private static IllegalArgumentException rejected(UnaryOperator<NebulyVertxOptions> change) {
    NebulyVertxOptions options = change.apply(valid());
    try {
      NebulyVertxClient.create(vertx, options).close();
    } catch (IllegalArgumentException e) {
      assertThat(e.getMessage()).doesNotContain(KEY);
      return e;
    }
    throw new AssertionError("create accepted " + options);
  }

  @Test
  void defaultsAreTheDocumentedOnes() {
    NebulyVertxOptions options = new NebulyVertxOptions();

    assertThat(options.getBaseUrl()).isEqualTo("https://backend.nebuly.com/api/external");
    assertThat(options.getApiKey()).isNull();
    assertThat(options.getConnectTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(options.getRequestTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(options.getRetryPolicy()).isEqualTo(RetryPolicy.defaults());
    assertThat(options.getMaxResponseBytes()).isEqualTo(16L * 1024 * 1024);
    assertThat(options.getMaxConnections()).isEqualTo(16);
    assertThat(options.isAllowPlainHttp()).isFalse();
  }

  @Test
  void settersAreFluentAndTheCopyIsIndependent() {
    RetryPolicy policy = RetryPolicy.none();
    NebulyVertxOptions original = new NebulyVertxOptions()
        .setBaseUrl("https://nebuly.example/prefix/api/external")
        .setApiKey(KEY)
        .setConnectTimeout(Duration.ofMillis(1500))
        .setRequestTimeout(Duration.ofSeconds(4))
        .setRetryPolicy(policy)
        .setMaxResponseBytes(1234)
        .setMaxConnections(3)
        .setAllowPlainHttp(true);

    NebulyVertxOptions copy = new NebulyVertxOptions(original);
    original.setApiKey("changed").setMaxConnections(99);

    assertThat(copy.getBaseUrl()).isEqualTo("https://nebuly.example/prefix/api/external");
    assertThat(copy.getApiKey()).isEqualTo(KEY);
    assertThat(copy.getConnectTimeout()).isEqualTo(Duration.ofMillis(1500));
    assertThat(copy.getRequestTimeout()).isEqualTo(Duration.ofSeconds(4));
    assertThat(copy.getRetryPolicy()).isSameAs(policy);
    assertThat(copy.getMaxResponseBytes()).isEqualTo(1234);
    assertThat(copy.getMaxConnections()).isEqualTo(3);
    assertThat(copy.isAllowPlainHttp()).isTrue();
    assertThatThrownBy(() -> new NebulyVertxOptions(null)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void toStringNeverShowsTheKeyOrAPasswordInTheUrl() {
    NebulyVertxOptions options = valid().setBaseUrl("https://user:hunter2@nebuly.example/api");

    assertThat(options.toString())
        .doesNotContain(KEY)
        .doesNotContain("hunter2")
        .contains("apiKey=***")
        .contains("nebuly.example/api");
    assertThat(new NebulyVertxOptions().toString()).contains("apiKey=<unset>");
  }

  @Test
  void aClientIsCreatedFromValidOptionsAndHidesTheKey() {
    try (NebulyVertxClient client = NebulyVertxClient.create(vertx, valid())) {
      assertThat(client.toString()).doesNotContain(KEY).contains("backend.nebuly.com");
    }
  }

  @Test
  void theClientKeepsItsOwnCopyOfTheOptions() throws Exception {
    NebulyVertxOptions options = valid();
    try (NebulyVertxClient client = NebulyVertxClient.create(vertx, options)) {
      options.setBaseUrl("https://elsewhere.example");
      assertThat(client.toString()).contains("backend.nebuly.com").doesNotContain("elsewhere");
    }
  }

  @Test
  void aMissingKeyIsRejected() {
    assertThat(rejected(o -> o.setApiKey(null))).hasMessageContaining("API key is not set");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "sk-with space", "sk-with\nnewline"})
  void aBlankOrSplittingKeyIsRejected(String key) {
    assertThat(rejected(o -> o.setApiKey(key))).hasMessageContaining("apiKey");
  }

  @ParameterizedTest
  @ValueSource(strings = {"not a url", "ftp://nebuly.example/api", "/api/external", "https://nebuly.example/api?x=1"})
  void aMalformedBaseUrlIsRejected(String baseUrl) {
    assertThat(rejected(o -> o.setBaseUrl(baseUrl))).hasMessageContaining("base URL");
  }

  @Test
  void aNullBaseUrlIsRejected() {
    assertThat(rejected(o -> o.setBaseUrl(null))).hasMessageContaining("base URL");
  }

  @Test
  void plainHttpToAnotherHostNeedsTheFlag() {
    assertThat(rejected(o -> o.setBaseUrl("http://nebuly.internal.example/api/external")))
        .hasMessageContaining("plain http");

    NebulyVertxClient.create(vertx, valid().setBaseUrl("http://nebuly.internal.example/api").setAllowPlainHttp(true))
        .close();
    NebulyVertxClient.create(vertx, valid().setBaseUrl("http://127.0.0.1:8080/api")).close();
    NebulyVertxClient.create(vertx, valid().setBaseUrl("http://localhost:8080/api")).close();
  }

  @Test
  void badTimeoutsAreRejected() {
    assertThat(rejected(o -> o.setConnectTimeout(null))).hasMessageContaining("connectTimeout");
    assertThat(rejected(o -> o.setConnectTimeout(Duration.ZERO))).hasMessageContaining("connectTimeout");
    assertThat(rejected(o -> o.setRequestTimeout(Duration.ofMillis(-5)))).hasMessageContaining("requestTimeout");
    assertThat(rejected(o -> o.setRequestTimeout(Duration.ofDays(100)))).hasMessageContaining("requestTimeout");
  }

  @Test
  void otherBadValuesAreRejected() {
    assertThat(rejected(o -> o.setRetryPolicy(null))).hasMessageContaining("retryPolicy");
    assertThat(rejected(o -> o.setMaxResponseBytes(0))).hasMessageContaining("maxResponseBytes");
    assertThat(rejected(o -> o.setMaxConnections(0))).hasMessageContaining("maxConnections");
  }

  @Test
  void nullArgumentsOfCreateAreRejected() {
    assertThatThrownBy(() -> NebulyVertxClient.create(null, valid()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("vertx");
    assertThatThrownBy(() -> NebulyVertxClient.create(vertx, null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("options");
  }
}
