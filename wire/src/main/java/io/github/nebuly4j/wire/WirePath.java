package io.github.nebuly4j.wire;

import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.io.JsonStringEncoder;

/**
 * The path of the value a parser is at, written as a reader of Nebuly's documents would:
 * {@code conversation[3].end_timestamp}, {@code tags.channel}, or {@code tags["a name"]} for a name
 * that is not a plain word. Built only when something has to be reported.
 */
final class WirePath {
  /** The longest name a path quotes; a longer one is cut. */
  private static final int NAME_LENGTH = 40;

  private WirePath() {}

  /**
   * Returns the path of the value at {@code context}; empty for the document itself. A name comes
   * from the server, so it is shown through {@code redaction}: never the API key, at most {@value
   * #NAME_LENGTH} characters.
   */
  static String of(JsonStreamContext context, Redaction redaction) {
    StringBuilder path = new StringBuilder();
    append(context, redaction, path);
    return path.toString();
  }

  /** Returns {@code parent[index]}. */
  static String element(String parent, int index) {
    return parent + "[" + index + "]";
  }

  private static void append(JsonStreamContext context, Redaction redaction, StringBuilder path) {
    if (context == null) {
      return;
    }
    append(context.getParent(), redaction, path);
    // A container that has just started has no entry yet: it adds nothing to the path.
    if (!context.hasPathSegment()) {
      return;
    }
    if (context.inArray()) {
      path.append('[').append(context.getCurrentIndex()).append(']');
    } else if (context.inObject()) {
      appendName(redaction.excerpt(context.getCurrentName(), NAME_LENGTH), path);
    }
  }

  private static void appendName(String shown, StringBuilder path) {
    if (isPlainWord(shown)) {
      if (path.length() > 0) {
        path.append('.');
      }
      path.append(shown);
    } else {
      path.append("[\"");
      JsonStringEncoder.getInstance().quoteAsString(shown, path);
      path.append("\"]");
    }
  }

  private static boolean isPlainWord(String name) {
    if (name.isEmpty()) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
      if (!plain) {
        return false;
      }
    }
    return true;
  }
}
