package io.github.nebuly4j.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class OpaqueIdsTest {

  static Stream<Arguments> idTypes() {
    return Stream.of(
        Arguments.of("InteractionId", (Function<String, Object>) InteractionId::of),
        Arguments.of("ConversationId", (Function<String, Object>) ConversationId::of),
        Arguments.of("ProjectId", (Function<String, Object>) ProjectId::of),
        Arguments.of("OrganizationId", (Function<String, Object>) OrganizationId::of));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("idTypes")
  void nullIsRejectedWithTheTypeName(String type, Function<String, Object> factory) {
    assertThatThrownBy(() -> factory.apply(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(type + " must not be null");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("idTypes")
  void blankIsRejected(String type, Function<String, Object> factory) {
    for (String blank : new String[] {"", " ", "\t \u2003"}) {
      assertThatThrownBy(() -> factory.apply(blank))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(type + " must not be blank");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("idTypes")
  void controlCharactersAreRejectedWithTheirPosition(String type, Function<String, Object> factory) {
    assertThatThrownBy(() -> factory.apply("ab\ncd"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(type + " must not contain control characters; found U+000A at index 2");
    assertThatThrownBy(() -> factory.apply("x\u0000"))
        .hasMessageContaining("U+0000 at index 1");
    assertThatThrownBy(() -> factory.apply("\u007F")).hasMessageContaining("U+007F");
    assertThatThrownBy(() -> factory.apply("a\u0085")).hasMessageContaining("U+0085");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("idTypes")
  void lengthIsBounded(String type, Function<String, Object> factory) {
    assertThat(factory.apply("a".repeat(256))).hasToString("a".repeat(256));
    assertThatThrownBy(() -> factory.apply("a".repeat(257)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(type + " is 257 characters long; at most 256 are allowed");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("idTypes")
  void dotSegmentsAreRejected(String type, Function<String, Object> factory) {
    assertThatThrownBy(() -> factory.apply("..")).hasMessage(type + " must not be '..'");
    assertThatThrownBy(() -> factory.apply(".")).hasMessage(type + " must not be '.'");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("idTypes")
  void unpairedSurrogatesAreRejected(String type, Function<String, Object> factory) {
    assertThatThrownBy(() -> factory.apply("a\uD83D"))
        .hasMessage(type + " must be valid Unicode; found an unpaired surrogate at index 1");
    assertThatThrownBy(() -> factory.apply("\uDE00b")).hasMessageContaining("at index 0");
  }

  @ParameterizedTest
  @ValueSource(strings = {"a/b", "../x", "x y", "ü", "?&#=", "%2F", "😀", "6f1c0d2e-8b1a-4c3e-9f00-1234567890ab", " padded "})
  void awkwardButPrintableIdsAreAccepted(String value) {
    assertThat(InteractionId.of(value).value()).isEqualTo(value);
    assertThat(new ConversationId(value)).hasToString(value);
  }

  @Test
  void idsAreValuesOfTheirOwnType() {
    assertThat(InteractionId.of("x")).isEqualTo(new InteractionId("x")).isNotEqualTo(ConversationId.of("x"));
    assertThat(ProjectId.of("p").hashCode()).isEqualTo(ProjectId.of("p").hashCode());
  }
}
