package io.github.nebuly4j.core;

/** The one rule set of every Nebuly id, so that the four id types cannot drift apart. */
final class OpaqueIds {
  /** Nebuly's ids are UUIDs (36 characters); the bound only stops absurd input early. */
  static final int MAX_LENGTH = 256;

  private OpaqueIds() {}

  static String validate(String kind, String value) {
    if (value == null) {
      throw new IllegalArgumentException(kind + " must not be null");
    }
    if (value.isBlank()) {
      throw new IllegalArgumentException(kind + " must not be blank");
    }
    if (value.length() > MAX_LENGTH) {
      throw new IllegalArgumentException(
          kind + " is " + value.length() + " characters long; at most " + MAX_LENGTH + " are allowed");
    }
    if (value.equals(".") || value.equals("..")) {
      // A dot segment is removed from any URL path it stands in, so such an id could never be sent.
      throw new IllegalArgumentException(kind + " must not be '" + value + "'");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isISOControl(c)) {
        throw new IllegalArgumentException(
            String.format(
                "%s must not contain control characters; found U+%04X at index %d", kind, (int) c, i));
      }
      if (Character.isHighSurrogate(c)
          && i + 1 < value.length()
          && Character.isLowSurrogate(value.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw new IllegalArgumentException(
            kind + " must be valid Unicode; found an unpaired surrogate at index " + i);
      }
    }
    return value;
  }
}
