package io.github.nebuly4j.core.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PercentEncodingTest {

  @Test
  void leavesUnreservedCharactersAlone() {
    String unreserved = "ABCXYZabcxyz0189-._~";
    assertThat(PercentEncoding.encode(unreserved)).isEqualTo(unreserved);
  }

  @Test
  void encodesReservedCharactersFromUtf8InUpperCaseHex() {
    assertThat(PercentEncoding.encode("a/b?c#d&e=f+g h%")).isEqualTo("a%2Fb%3Fc%23d%26e%3Df%2Bg%20h%25");
    assertThat(PercentEncoding.encode("ü€😀")).isEqualTo("%C3%BC%E2%82%AC%F0%9F%98%80");
  }

  @ParameterizedTest
  @ValueSource(strings = {"a/b", "../x", "x y", "ü", "?&#=", "%2F", "a+b", "日本語", "مرحبا"})
  void decodesBackToTheSameText(String text) {
    String encoded = PercentEncoding.encode(text);
    assertThat(encoded).matches("[A-Za-z0-9._~%-]*");
    // URLDecoder reads '+' as a space; the encoder never emits '+', so the round trip is exact.
    assertThat(URLDecoder.decode(encoded, StandardCharsets.UTF_8)).isEqualTo(text);
  }

  @Test
  void rejectsNull() {
    assertThatThrownBy(() -> PercentEncoding.encode(null)).hasMessage("value must not be null");
    assertThatThrownBy(() -> Arguments.requireNonNull(null, "thing")).hasMessage("thing must not be null");
  }
}
