package io.github.nebuly4j.wire;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.DeserializationContext;
import io.github.nebuly4j.core.NebulyException;
import io.github.nebuly4j.core.Omission;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What went wrong while one answer was read, collected as it is read: {@link NebulyCodec} creates
 * one per answer and hands it to wire's deserializers as an attribute of the Jackson call. A value
 * of the wrong type or outside its rule is {@linkplain #reject rejected}: its path and what was
 * found are recorded, the value is skipped and reads as absent. Afterwards the problems become the
 * conversation's {@link Omission}s, or, where the domain cannot do without the field, a {@link
 * NebulyException.MalformedResponse} that names it.
 *
 * <p>Every text taken from the body (a name in a path, a value found) passes through the {@link
 * Redaction} and is cut to {@value #QUOTE_LENGTH} characters. Not thread-safe: one answer, one thread.
 */
final class FieldProblems {
  /** The most characters of a value found in the body that a problem quotes. */
  static final int QUOTE_LENGTH = 40;

  /** UTF-8 needs at most four bytes a character: enough bytes to fill a quote. */
  private static final int BYTES_PER_CHAR = 4;

  private final int status;
  private final byte[] body;
  private final int length;
  private final Redaction redaction;
  private List<FieldProblem> problems = List.of();

  FieldProblems(int status, byte[] body, int length, Redaction redaction) {
    this.status = status;
    this.body = body;
    this.length = length;
    this.redaction = redaction;
  }

  /** Returns the collector of the answer being read by {@code ctxt}. */
  static FieldProblems of(DeserializationContext ctxt) {
    return (FieldProblems) ctxt.getAttribute(FieldProblems.class);
  }

  /**
   * Records that the value at the parser's current token is not {@code expected}, skips the value
   * (the parser ends on its last token), and returns null, the value it reads as.
   *
   * @param expected what the field holds, in plain words, such as {@code a whole number}
   * @param why a further explanation, or null
   */
  <T> T reject(JsonParser p, String expected, String why) throws IOException {
    String path = WirePath.of(p.getParsingContext(), redaction);
    String found = found(p);
    if (problems.isEmpty()) {
      problems = new ArrayList<>();
    }
    problems.add(
        new FieldProblem(path, "expected " + expected + ", found " + found + (why == null ? "" : " (" + redaction.redact(why) + ")")));
    return null;
  }

  /**
   * Describes the value at the parser's current token in plain words, such as {@code the text
   * "yesterday"}, {@code the number 42} or {@code an object {"a": 1}}, and skips it.
   */
  String found(JsonParser p) throws IOException {
    switch (p.currentToken()) {
      case VALUE_STRING:
        return "the text " + quote(p.getText());
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        return "the number " + redaction.excerpt(p.getText(), QUOTE_LENGTH);
      case VALUE_TRUE:
      case VALUE_FALSE:
        return "the value " + p.getText();
      case VALUE_NULL:
        return "null";
      case START_OBJECT:
        return "an object " + skipAndQuote(p);
      case START_ARRAY:
        return "an array " + skipAndQuote(p);
      default:
        return "the token " + p.currentToken();
    }
  }

  /** Returns {@code text} as a quoted JSON string: redacted, cut, control characters escaped. */
  String quote(String text) {
    StringBuilder quoted = new StringBuilder("\"");
    JsonStringEncoder.getInstance().quoteAsString(redaction.excerpt(text, QUOTE_LENGTH), quoted);
    return quoted.append('"').toString();
  }

  /** Returns the body's text from {@code byteOffset} on, redacted and cut, on one line. */
  String excerptAt(long byteOffset) {
    return excerpt(byteOffset, length);
  }

  /**
   * Returns the exception for a field without which the answer cannot be used: the problem
   * recorded at {@code path}, or else {@code path is null or absent}.
   */
  NebulyException.MalformedResponse missing(String path, String expected) {
    return at(path)
        .map(problem -> malformed(problem.message(), null))
        .orElseGet(() -> malformed(path + " is null or absent; expected " + expected, null));
  }

  /** Returns the problem recorded at exactly {@code path}, if any. */
  Optional<FieldProblem> at(String path) {
    for (FieldProblem problem : problems) {
      if (problem.path().equals(path)) {
        return Optional.of(problem);
      }
    }
    return Optional.empty();
  }

  /** Returns the exception for the answer, with {@code problem} in plain words. */
  NebulyException.MalformedResponse malformed(String problem, Throwable cause) {
    return new NebulyException.MalformedResponse(status, problem, cause);
  }

  /** Returns the problems recorded, as omissions, in the order they were found. */
  List<Omission> omissions() {
    List<Omission> omissions = new ArrayList<>(problems.size());
    for (FieldProblem problem : problems) {
      omissions.add(problem.omission());
    }
    return omissions;
  }

  /**
   * Returns the problems recorded inside the value at {@code path}, as omissions whose paths are
   * relative to it ({@code data[3].tags.channel} inside {@code data[3]} is {@code tags.channel}),
   * in the order they were found.
   */
  List<Omission> omissionsUnder(String path) {
    if (problems.isEmpty()) {
      return List.of();
    }
    List<Omission> omissions = new ArrayList<>();
    for (FieldProblem problem : problems) {
      String field = problem.path();
      if (field.length() > path.length() && field.startsWith(path)) {
        char next = field.charAt(path.length());
        if (next == '.') {
          omissions.add(new Omission(field.substring(path.length() + 1), problem.reason()));
        } else if (next == '[') {
          omissions.add(new Omission(field.substring(path.length()), problem.reason()));
        }
      }
    }
    return omissions;
  }

  private String skipAndQuote(JsonParser p) throws IOException {
    long start = p.currentTokenLocation().getByteOffset();
    p.skipChildren();
    return excerpt(start, p.currentLocation().getByteOffset());
  }

  /** The body's bytes {@code [from, to)} as one line of text: whitespace runs become one space. */
  private String excerpt(long from, long to) {
    if (from < 0 || from >= length) {
      return "";
    }
    int end = (int) Math.min(Math.min(to, length), from + (long) redaction.window(QUOTE_LENGTH) * BYTES_PER_CHAR);
    String text = new String(body, (int) from, end - (int) from, StandardCharsets.UTF_8);
    StringBuilder line = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c <= ' ') {
        if (line.length() > 0 && line.charAt(line.length() - 1) != ' ') {
          line.append(' ');
        }
      } else {
        line.append(c);
      }
    }
    return redaction.excerpt(line, QUOTE_LENGTH);
  }
}
