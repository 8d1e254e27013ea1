package io.github.nebuly4j.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.nebuly4j.core.ConversationId;
import io.github.nebuly4j.core.InteractionId;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NebulyApiTest {

  @ParameterizedTest
  @CsvSource(
      delimiterString = "|",
      value = {
        "3f1c2a9e-0b7d-4c55-9a11-2f3e4d5c6b7a | 3f1c2a9e-0b7d-4c55-9a11-2f3e4d5c6b7a",
        "a/b | a%2Fb",
        "../x | ..%2Fx",
        "x y | x%20y",
        "ü | %C3%BC",
        "?&#= | %3F%26%23%3D",
        "%2F | %252F",
        "a+b | a%2Bb",
        "... | ..."
      })
  void idsArePercentEncodedAsOneSegment(String id, String encoded) {
    assertThat(NebulyApi.interactionLinkPath(InteractionId.of(id))).isEqualTo("/deeplinks/interaction/" + encoded);
    assertThat(NebulyApi.conversationLinkPath(ConversationId.of(id))).isEqualTo("/deeplinks/conversation/" + encoded);
  }

  @Test
  void conversationDetailRequestSerializesToTheDocumentedBody() throws Exception {
    assertThat(NebulyApi.CONVERSATION_DETAIL_PATH).isEqualTo("/get-conversation-detail");
    String json = new ObjectMapper().writeValueAsString(NebulyApi.conversationDetailRequest(ConversationId.of("c/1")));
    assertThat(json).isEqualTo("{\"conversation_id\":\"c/1\"}");
  }

  @Test
  void userAgentCarriesTheBuildVersion() {
    assertThat(NebulyApi.VERSION).matches("\\d+\\.\\d+\\.\\d+.*").doesNotContain("${");
    assertThat(NebulyApi.USER_AGENT).isEqualTo("nebuly4j/" + NebulyApi.VERSION);
  }

  @Test
  void authorizationIsABearerTokenAndRefusesHeaderInjection() {
    assertThat(NebulyApi.authorization("abc.DEF-123")).isEqualTo("Bearer abc.DEF-123");
    for (String bad : new String[] {"", "  ", "a b", "a\r\nX-Evil: 1", "a\tb"}) {
      assertThatThrownBy(() -> NebulyApi.authorization(bad))
          .isInstanceOf(IllegalArgumentException.class)
          .message()
          .doesNotContain(bad.isBlank() ? "\u0000" : bad);
    }
    assertThatThrownBy(() -> NebulyApi.authorization(null)).isInstanceOf(IllegalArgumentException.class);
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
    assertThat(NebulyApi.baseUrl(configured, false)).isEqualTo(URI.create(expected));
    assertThat(NebulyApi.baseUrl(URI.create(configured.strip()), false)).isEqualTo(URI.create(expected));
  }

  @Test
  void theDefaultBaseUrlIsValid() {
    assertThat(NebulyApi.baseUrl(NebulyApi.DEFAULT_BASE_URL, false)).hasToString("https://backend.nebuly.com/api/external");
  }

  @ParameterizedTest
  @CsvSource(
      delimiterString = "|",
      value = {
        "backend.nebuly.com/api | absolute http or https",
        "/api/external | absolute http or https",
        "ftp://backend.nebuly.com | absolute http or https",
        "https://backend.nebuly.com/api?x=1 | query or a fragment",
        "https://backend.nebuly.com/api#top | query or a fragment",
        "http://backend.nebuly.com/api | plain http",
        "http://10.0.0.5/api | plain http",
        "https://bad host/ | not a valid URL",
        "https:///nohost | no valid host",
        "https://under_score.example/ | no valid host"
      })
  void invalidBaseUrlsAreRefusedClearly(String configured, String message) {
    assertThatThrownBy(() -> NebulyApi.baseUrl(configured, false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message);
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://user:s3cr3t@nebuly.example.com/api", "http://s3cr3t@127.0.0.1/", "ftp://s3cr3t@x/"})
  void userInfoIsRefusedWithoutEchoingIt(String configured) {
    assertThatThrownBy(() -> NebulyApi.baseUrl(configured, true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("user-info")
        .message()
        .doesNotContain("s3cr3t");
  }

  @Test
  void plainHttpToAnyHostWhenExplicitlyAllowed() {
    assertThat(NebulyApi.baseUrl("http://nebuly.internal/api/", true)).hasToString("http://nebuly.internal/api");
    assertThatThrownBy(() -> NebulyApi.baseUrl((String) null, true)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> NebulyApi.baseUrl((URI) null, true)).isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"localhost", "LOCALHOST", "app.localhost", "127.0.0.1", "127.1.2.3", "[::1]", "::1", "[0:0:0:0:0:0:0:1]"})
  void loopbackHosts(String host) {
    assertThat(NebulyApi.isLoopback(host)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"127.0.0.1.evil.com", "localhost.evil.com", "10.0.0.1", "::2", "128.0.0.1"})
  void notLoopbackHosts(String host) {
    assertThat(NebulyApi.isLoopback(host)).isFalse();
  }

  @ParameterizedTest
  @CsvSource(
      delimiterString = "|",
      value = {
        "https://h.example/api/external | /get-conversation-detail | https://h.example/api/external/get-conversation-detail",
        "https://h.example/api/external/ | /get-conversation-detail | https://h.example/api/external/get-conversation-detail",
        "https://h.example/api/external/ | get-conversation-detail | https://h.example/api/external/get-conversation-detail",
        "https://h.example | /deeplinks/interaction/a%2Fb | https://h.example/deeplinks/interaction/a%2Fb",
        "http://127.0.0.1:1234/p/q | /x | http://127.0.0.1:1234/p/q/x"
      })
  void joinsBaseUrlAndPath(String base, String path, String expected) {
    assertThat(NebulyApi.url(URI.create(base), path)).isEqualTo(expected);
  }

  @Test
  void joinedLinkPathsStayOneSegment() {
    String url = NebulyApi.url(NebulyApi.baseUrl("https://h.example/api/external/", false), NebulyApi.interactionLinkPath(InteractionId.of("../x")));
    URI uri = URI.create(url);
    assertThat(uri.normalize().getRawPath()).isEqualTo("/api/external/deeplinks/interaction/..%2Fx");
    assertThat(uri.getPath()).endsWith("/interaction/../x");
  }
}
