package io.github.nebuly4j.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.nebuly4j.core.retry.RetryPolicy;
import java.net.URI;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class NebulySettingsTest {
  private static final String KEY = "nb-settings-KEY-4e1a";

  private static NebulySettings.Builder valid() {
    return NebulySettings.builder().apiKey(KEY);
  }

  /** Builds, expecting a refusal; checks that it names the setting and never shows the key. */
  private static InvalidSettingException refused(NebulySettings.Builder builder, String setting) {
    InvalidSettingException e = catchThrowableOfType(InvalidSettingException.class, builder::build);
    assertThat(e).as("build() must refuse %s", builder).isNotNull();
    assertThat(e.setting()).isEqualTo(setting);
    assertThat(e.getMessage()).startsWith(setting).doesNotContain(KEY);
    return e;
  }

  @Test
  void theDefaultsAreTheDocumentedOnes() {
    NebulySettings settings = valid().build();

    assertThat(settings.baseUrl()).isEqualTo(URI.create("https://backend.nebuly.com/api/external"));
    assertThat(settings.apiKey()).isEqualTo(KEY);
    assertThat(settings.allowPlainHttp()).isFalse();
    assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(settings.attemptTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(settings.maxBodySize()).isEqualTo(16 * 1024 * 1024);
    assertThat(settings.maxConnections()).isEqualTo(16);
    assertThat(settings.retryPolicy()).isEqualTo(RetryPolicy.defaults());
    assertThat(settings.conversationGroupBy()).isEqualTo("{\"kind\":\"conversation_id\"}");
  }

  @Test
  void theConversationGroupingIsKeptInOrderAndCopied() {
    NebulySettings settings =
        valid().conversationGroupBy(" {\"field\": \"conversation_id\", \"kind\": \"field\", \"tag\": \"t\"} ").build();

    assertThat(settings.conversationGroupBy()).isEqualTo("{\"kind\":\"field\",\"tag\":\"t\",\"field\":\"conversation_id\"}");
    assertThat(settings.conversationGroupByMembers()).containsExactly(
        java.util.Map.entry("kind", "field"), java.util.Map.entry("tag", "t"), java.util.Map.entry("field", "conversation_id"));
    assertThat(settings.toBuilder().build().conversationGroupBy()).isEqualTo(settings.conversationGroupBy());
    assertThat(settings.toString()).contains("conversationGroupBy={\"kind\":\"field\"");
  }

  @ParameterizedTest
  @CsvSource(
      delimiterString = "|",
      value = {
        "not json | conversationGroupBy must be a JSON object with a text \"kind\" and, optionally, a text \"tag\" and \"field\", got not json",
        "[\"kind\"] | conversationGroupBy must be a JSON object with a text \"kind\" and, optionally, a text \"tag\" and \"field\", got [\"kind\"]",
        "{} | conversationGroupBy must have a \"kind\": a JSON object with a text \"kind\" and, optionally, a text \"tag\" and \"field\"",
        "{\"kind\": \" \"} | conversationGroupBy's \"kind\" must be a text that is not blank, got \" \"",
        "{\"kind\": 3} | conversationGroupBy's \"kind\" must be a text that is not blank, got 3",
        "{\"kind\": \"k\", \"field\": null} | conversationGroupBy's \"field\" must be a text that is not blank, got null",
        "{\"kind\": \"k\", \"by\": \"x\"} | conversationGroupBy has the member \"by\", which group_by does not publish; it may have kind, tag and field"
      })
  void aConversationGroupingThatIsNotAGroupByIsRefused(String value, String message) {
    assertThat(refused(valid().conversationGroupBy(value), "conversationGroupBy")).hasMessage(message);
  }

  @Test
  void aConversationGroupingNeverShowsTheKey() {
    assertThat(refused(valid().conversationGroupBy("{\"kind\": \"" + KEY + "\", \"x\": 1}"), "conversationGroupBy").getMessage())
        .doesNotContain(KEY);
    assertThat(refused(valid().conversationGroupBy(null), "conversationGroupBy"))
        .hasMessage("conversationGroupBy must not be null; the default is {\"kind\": \"conversation_id\"}");
    assertThat(valid().conversationGroupBy("{\"kind\": \"" + KEY + "\"}").toString()).doesNotContain(KEY);
  }

  @Test
  void everySettingIsKeptAndCopiedByToBuilder() {
    RetryPolicy policy = RetryPolicy.builder().maxAttempts(5).build();
    NebulySettings settings =
        valid()
            .baseUrl("http://nebuly.internal/api/")
            .allowPlainHttp(true)
            .connectTimeout(Duration.ofMillis(1))
            .attemptTimeout(Duration.ofMillis(Integer.MAX_VALUE))
            .maxBodySize(1)
            .maxConnections(10_000)
            .retryPolicy(policy)
            .build();

    NebulySettings copy = settings.toBuilder().build();

    for (NebulySettings s : new NebulySettings[] {settings, copy}) {
      assertThat(s.baseUrl()).isEqualTo(URI.create("http://nebuly.internal/api"));
      assertThat(s.allowPlainHttp()).isTrue();
      assertThat(s.connectTimeout()).isEqualTo(Duration.ofMillis(1));
      assertThat(s.attemptTimeout()).isEqualTo(Duration.ofMillis(Integer.MAX_VALUE));
      assertThat(s.maxBodySize()).isEqualTo(1);
      assertThat(s.maxConnections()).isEqualTo(10_000);
      assertThat(s.retryPolicy()).isSameAs(policy);
    }
    assertThat(valid().maxBodySize(1L << 30).maxConnections(1).build().maxBodySize()).isEqualTo(1_073_741_824L);
  }

  @Test
  void anUnsetKeyIsRefusedAndSaysWhatToSet() {
    assertThat(refused(NebulySettings.builder(), "apiKey"))
        .hasMessage("apiKey is not set: set it to the API key of the Nebuly project to read from");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "\t"})
  void aBlankKeyIsRefused(String key) {
    assertThat(refused(NebulySettings.builder().apiKey(key), "apiKey")).hasMessage("apiKey must not be blank");
  }

  static Stream<Arguments> keysThatCouldSplitTheHeader() {
    return Stream.of(
        Arguments.of("nb key", 2), Arguments.of("nb\r\nX-Evil: 1", 2), Arguments.of("nbkey\u007f", 5),
        Arguments.of("nb\tkey", 2), Arguments.of("nbkey\u0000", 5));
  }

  @ParameterizedTest
  @MethodSource("keysThatCouldSplitTheHeader")
  void aKeyThatCouldSplitTheHeaderIsRefusedWithoutQuotingIt(String key, int index) {
    InvalidSettingException e = refused(NebulySettings.builder().apiKey(key), "apiKey");

    assertThat(e).hasMessage("apiKey must not contain spaces or control characters (found one at index " + index + ")");
  }

  @ParameterizedTest
  @CsvSource(
      delimiterString = "|",
      value = {
        "https://backend.nebuly.com/api/external | https://backend.nebuly.com/api/external",
        "https://backend.nebuly.com/api/external/ | https://backend.nebuly.com/api/external",
        "HTTPS://nebuly.example.com:8443/prefix/api/external// | https://nebuly.example.com:8443/prefix/api/external",
        "https://nebuly.example.com | https://nebuly.example.com",
        "https://nebuly.example.com/ | https://nebuly.example.com",
        "http://127.0.0.1:41234/api/external | http://127.0.0.1:41234/api/external",
        "http://localhost:8080 | http://localhost:8080",
        "http://[::1]:8080/x | http://[::1]:8080/x",
        "' https://nebuly.example.com/a%20b ' | https://nebuly.example.com/a%20b"
      })
  void validBaseUrlsAreNormalized(String configured, String expected) {
    assertThat(valid().baseUrl(configured).build().baseUrl()).isEqualTo(URI.create(expected));
  }

  @ParameterizedTest
  @CsvSource(
      delimiterString = "|",
      value = {
        "backend.nebuly.com/api | baseUrl must be an absolute http or https URL, such as https://backend.nebuly.com/api/external; got 'backend.nebuly.com/api'",
        "/api/external | baseUrl must be an absolute http or https URL",
        "ftp://backend.nebuly.com | baseUrl must be an absolute http or https URL",
        "https://backend.nebuly.com/api?x=1 | baseUrl must not have a query or a fragment: 'https://backend.nebuly.com/api?x=1'",
        "https://backend.nebuly.com/api#top | baseUrl must not have a query or a fragment",
        "http://backend.nebuly.com/api | baseUrl uses plain http to a host that is not loopback, so the API key would travel in clear text; use https, or set allowPlainHttp: 'http://backend.nebuly.com/api'",
        "http://10.0.0.5/api | baseUrl uses plain http",
        "https://bad host/ | baseUrl is not a valid URL (Illegal character in authority at index ",
        "https:///nohost | baseUrl has no valid host: 'https:///nohost'",
        "https://under_score.example/ | baseUrl has no valid host"
      })
  void invalidBaseUrlsAreRefusedClearly(String configured, String message) {
    assertThat(refused(valid().baseUrl(configured), "baseUrl")).hasMessageStartingWith(message);
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://user:s3cr3t@nebuly.example.com/api", "http://s3cr3t@127.0.0.1/", "ftp://s3cr3t@x/"})
  void userInfoIsRefusedWithoutEchoingIt(String configured) {
    InvalidSettingException e = refused(valid().baseUrl(configured).allowPlainHttp(true), "baseUrl");

    assertThat(e).hasMessage("baseUrl must not contain user-info (user:password@); set the API key with apiKey");
    assertThat(valid().baseUrl(configured).toString()).doesNotContain("s3cr3t");
  }

  @Test
  void aKeyPastedIntoTheBaseUrlIsNotQuotedBack() {
    refused(valid().baseUrl("https://nebuly.example/api?token=" + KEY), "baseUrl");
    refused(valid().baseUrl("http://nebuly.example/" + KEY), "baseUrl");
  }

  @Test
  void aNullBaseUrlIsRefusedWithTheDefault() {
    assertThat(refused(valid().baseUrl(null), "baseUrl"))
        .hasMessage("baseUrl must not be null; the default is https://backend.nebuly.com/api/external");
  }

  @Test
  void plainHttpToAnyHostWhenExplicitlyAllowed() {
    assertThat(valid().baseUrl("http://nebuly.internal/api/").allowPlainHttp(true).build().baseUrl())
        .hasToString("http://nebuly.internal/api");
  }

  @ParameterizedTest
  @ValueSource(strings = {"localhost", "LOCALHOST", "app.localhost", "127.0.0.1", "127.1.2.3", "[::1]", "::1", "[0:0:0:0:0:0:0:1]"})
  void loopbackHosts(String host) {
    assertThat(NebulySettings.isLoopback(host)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"127.0.0.1.evil.com", "localhost.evil.com", "10.0.0.1", "::2", "128.0.0.1"})
  void notLoopbackHosts(String host) {
    assertThat(NebulySettings.isLoopback(host)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"connectTimeout", "attemptTimeout"})
  void timeoutsMustBeAMillisecondToTwentyFourDays(String setting) {
    assertThat(refused(withTimeout(setting, null), setting)).hasMessage(setting + " must not be null");
    assertThat(refused(withTimeout(setting, Duration.ZERO), setting))
        .hasMessage(setting + " must be at least 1 ms, got PT0S");
    assertThat(refused(withTimeout(setting, Duration.ofSeconds(-1)), setting))
        .hasMessage(setting + " must be at least 1 ms, got PT-1S");
    assertThat(refused(withTimeout(setting, Duration.ofNanos(999_999)), setting))
        .hasMessage(setting + " must be at least 1 ms, got PT0.000999999S");
    assertThat(refused(withTimeout(setting, Duration.ofMillis(Integer.MAX_VALUE + 1L)), setting))
        .hasMessage(setting + " must be at most PT596H31M23.647S, got PT596H31M23.648S");
    assertThat(withTimeout(setting, Duration.ofMillis(1)).build()).isNotNull();
  }

  private static NebulySettings.Builder withTimeout(String setting, Duration value) {
    return setting.equals("connectTimeout") ? valid().connectTimeout(value) : valid().attemptTimeout(value);
  }

  @ParameterizedTest
  @ValueSource(longs = {0, -1, (1L << 30) + 1, Long.MAX_VALUE})
  void theBodyBoundMustBeAByteToAGibibyte(long bound) {
    assertThat(refused(valid().maxBodySize(bound), "maxBodySize"))
        .hasMessage("maxBodySize must be between 1 byte and 1 GiB (1073741824 bytes), got " + bound);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -1, 10_001})
  void thePoolMustHoldOneToTenThousandConnections(int connections) {
    assertThat(refused(valid().maxConnections(connections), "maxConnections"))
        .hasMessage("maxConnections must be between 1 and 10000, got " + connections);
  }

  @Test
  void aNullRetryPolicyIsRefusedAndSaysHowToTurnRetriesOff() {
    assertThat(refused(valid().retryPolicy(null), "retryPolicy"))
        .hasMessage("retryPolicy must not be null; RetryPolicy.none() turns retries off");
  }

  @Test
  void theFirstBrokenSettingIsTheOneNamed() {
    refused(NebulySettings.builder().baseUrl("nonsense").maxConnections(0), "apiKey");
    refused(valid().baseUrl("nonsense").maxConnections(0), "baseUrl");
  }

  @Test
  void descriptionsNeverShowTheKey() {
    NebulySettings settings = valid().build();

    assertThat(settings.toString())
        .doesNotContain(KEY)
        .isEqualTo("NebulySettings[baseUrl=https://backend.nebuly.com/api/external, apiKey=***, allowPlainHttp=false,"
            + " connectTimeout=PT5S, attemptTimeout=PT10S, maxBodySize=16777216, maxConnections=16, retryPolicy="
            + RetryPolicy.defaults() + ", conversationGroupBy={\"kind\":\"conversation_id\"}]");
    assertThat(settings.toBuilder().toString()).doesNotContain(KEY).startsWith("NebulySettings.Builder[");
    assertThat(NebulySettings.builder().toString()).contains("apiKey=<unset>");
  }
}
