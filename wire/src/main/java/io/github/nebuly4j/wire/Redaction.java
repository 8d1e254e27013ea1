package io.github.nebuly4j.wire;

import io.github.nebuly4j.core.spi.Arguments;

/**
 * Keeps the API key out of text that came from the server before that text reaches a message: a
 * body can echo the key back (a proxy's error page, a misconfigured server quoting the request).
 * {@link ErrorDecoder} and {@link NebulyCodec} both redact through it.
 */
final class Redaction {
  /** What the key is replaced with. */
  static final String MARK = "***";

  private final String apiKey;

  Redaction(String apiKey) {
    this.apiKey = Arguments.requireNonNull(apiKey, "apiKey");
  }

  /** Returns {@code text} with every occurrence of the key replaced by {@value #MARK}; null stays null. */
  String redact(String text) {
    return text == null || apiKey.isEmpty() ? text : text.replace(apiKey, MARK);
  }

  /** Tells whether {@code text} holds the key. */
  boolean reveals(String text) {
    return text != null && !apiKey.isEmpty() && text.contains(apiKey);
  }

  /** Returns how many characters {@link #excerpt} looks at to show {@code limit} of them. */
  int window(int limit) {
    return (int) Math.min(Integer.MAX_VALUE, (long) limit + apiKey.length());
  }

  /**
   * Returns at most {@code limit} characters of {@code text}, with "…" when cut. The key is
   * replaced first and the text cut after, so that a key cut in half at the limit cannot leak its
   * first half; only {@code limit} plus the key's length characters of a long text are looked at.
   */
  String excerpt(CharSequence text, int limit) {
    int looked = Math.min(text.length(), window(limit));
    String redacted = redact(text.subSequence(0, looked).toString());
    if (redacted.length() <= limit && looked == text.length()) {
      return redacted;
    }
    int cut = Math.min(limit, redacted.length());
    if (cut > 0 && Character.isHighSurrogate(redacted.charAt(cut - 1))) {
      cut--;
    }
    return redacted.substring(0, cut) + "…";
  }

  @Override
  public String toString() {
    return "Redaction[apiKey=" + MARK + "]";
  }
}
