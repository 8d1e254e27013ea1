package io.github.nebuly4j.core.spi;

import java.nio.charset.StandardCharsets;

/**
 * RFC 3986 percent-encoding of one path segment or one query value: how every Nebuly id reaches a
 * URL, both in the offline deep links of core and in the requests an adapter sends.
 *
 * <p>Everything but the unreserved characters ({@code A-Z a-z 0-9 - . _ ~}) is encoded from its
 * UTF-8 bytes, so the result is safe both as a path segment (a {@code /} can never split it) and as
 * a query value (a {@code &}, {@code =} or {@code #} can never end it). Spaces become {@code %20},
 * not {@code +}, because {@code +} means a space only in HTML forms.
 */
public final class PercentEncoding {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private PercentEncoding() {}

  /**
   * Percent-encodes {@code value}.
   *
   * @param value any text; unpaired surrogates are not valid input
   * @return the encoded text, only ASCII
   */
  public static String encode(String value) {
    Arguments.requireNonNull(value, "value");
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    StringBuilder encoded = new StringBuilder(bytes.length + 16);
    for (byte b : bytes) {
      int c = b & 0xFF;
      if (isUnreserved(c)) {
        encoded.append((char) c);
      } else {
        encoded.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
      }
    }
    return encoded.toString();
  }

  private static boolean isUnreserved(int c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == '-'
        || c == '.'
        || c == '_'
        || c == '~';
  }
}
