package io.github.nebuly4j.wire;

import io.github.nebuly4j.core.NebulyException;
import io.github.nebuly4j.core.RequestViolation;
import io.github.nebuly4j.core.spi.Arguments;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Turns an answer that is not a success into the right {@link NebulyException}, the same way for
 * every adapter. {@link NebulyExchange} creates one per exchange (it holds the API key, to redact
 * it) over {@link NebulyCodec}'s reader of error documents.
 *
 * <table>
 *   <caption>Status to exception</caption>
 *   <tr><th>status</th><th>exception</th></tr>
 *   <tr><td>401, 403</td><td>{@link NebulyException.Authentication}</td></tr>
 *   <tr><td>404</td><td>{@link NebulyException.NotFound} (a repository turns it into an empty result)</td></tr>
 *   <tr><td>429</td><td>{@link NebulyException.RateLimited} with {@link RetryAfter} parsed</td></tr>
 *   <tr><td>any other 4xx (400, 405, 409, 413, 422, …)</td><td>{@link NebulyException.InvalidRequest}
 *       with FastAPI's violations</td></tr>
 *   <tr><td>5xx</td><td>{@link NebulyException.ServiceFailure} (retryable for 500, 502, 503, 504)</td></tr>
 *   <tr><td>1xx, 2xx, 3xx</td><td>{@link NebulyException.ServiceFailure}, not retryable: an
 *       adapter never follows redirects to Nebuly, so such an answer means a wrong base URL or a
 *       proxy in the way</td></tr>
 *   <tr><td>below 100, above 599</td><td>{@link NebulyException.Transport}: not HTTP</td></tr>
 * </table>
 *
 * <p>The detail is FastAPI's {@code detail} string. A body that is not a FastAPI document (an HTML
 * page of a proxy, plain text, other JSON) is summarized: an HTML page by its {@code <title>}, else
 * by its first {@value #SUMMARY_LENGTH} characters with tags stripped. Every text taken from the
 * server has the API key replaced by {@code ***} before it reaches a message.
 */
final class ErrorDecoder {
  /** The most characters of a non-FastAPI body that a detail quotes. */
  public static final int SUMMARY_LENGTH = 200;

  /** A page larger than this is only looked at up to here: its title and first words suffice. */
  private static final int SCAN_LENGTH = 64 * 1024;

  private static final Pattern SPACES = Pattern.compile("\\s+");

  private final Redaction redaction;
  private final Function<String, ErrorDocument> jsonReader;
  private final Clock clock;

  /**
   * Creates a decoder that measures HTTP-dates in {@code Retry-After} against the system clock.
   *
   * @param apiKey the API key the adapter sends, so that it can be redacted
   * @param jsonReader binds a body into an {@link ErrorDocument}, such as {@code body ->
   *     objectMapper.readValue(body, ErrorDocument.class)} with checked exceptions wrapped; it may
   *     throw any {@link RuntimeException} on a body that is not JSON, and the body is then read as text
   * @throws IllegalArgumentException if an argument is null
   */
  ErrorDecoder(String apiKey, Function<String, ErrorDocument> jsonReader) {
    this(apiKey, jsonReader, Clock.systemUTC());
  }

  /**
   * Creates a decoder.
   *
   * @param apiKey the API key the adapter sends, so that it can be redacted
   * @param jsonReader binds a body into an {@link ErrorDocument}; see {@link #ErrorDecoder(String, Function)}
   * @param clock the clock an HTTP-date in {@code Retry-After} is measured against
   * @throws IllegalArgumentException if an argument is null
   */
  ErrorDecoder(String apiKey, Function<String, ErrorDocument> jsonReader, Clock clock) {
    this.redaction = new Redaction(apiKey);
    this.jsonReader = Arguments.requireNonNull(jsonReader, "jsonReader");
    this.clock = Arguments.requireNonNull(clock, "clock");
  }

  /**
   * Decodes an answer that is not a success.
   *
   * @param response the status, headers and body the adapter read
   * @param resource what was asked for, for a {@link NebulyException.NotFound}, such as {@code
   *     interaction 'abc'}; it is the caller's text and is not redacted
   * @return the exception to fail the call with (returned, not thrown)
   * @throws IllegalArgumentException if an argument is null
   */
  public NebulyException decode(ErrorResponse response, String resource) {
    Arguments.requireNonNull(response, "response");
    Arguments.requireNonNull(resource, "resource");
    int status = response.status();
    if (status < 100 || status > 599) {
      return new NebulyException.Transport(
          "the server answered with status " + status + ", which HTTP does not define", null);
    }
    Body body = read(response);
    if (status == 401 || status == 403) {
      return new NebulyException.Authentication(status, body.text());
    }
    if (status == 404) {
      return new NebulyException.NotFound(resource, body.text());
    }
    if (status == 429) {
      Duration retryAfter = RetryAfter.parse(response.retryAfter(), clock).orElse(null);
      return new NebulyException.RateLimited(retryAfter, body.text());
    }
    if (status >= 400 && status <= 499) {
      return new NebulyException.InvalidRequest(status, body.text(), body.violations());
    }
    if (status >= 500) {
      return new NebulyException.ServiceFailure(status, body.text());
    }
    String unexpected = "unexpected status for Nebuly's API; is the base URL right?";
    return new NebulyException.ServiceFailure(
        status, body.text() == null ? unexpected : unexpected + " " + body.text());
  }

  /**
   * Reports a body larger than the configured bound. The adapter stops reading at the bound.
   *
   * @param httpStatus the answer's status
   * @param maxBytes the configured bound
   * @return the exception to fail the call with
   * @throws IllegalArgumentException if the status is not 100-599
   */
  public static NebulyException.MalformedResponse bodyTooLarge(int httpStatus, long maxBytes) {
    return new NebulyException.MalformedResponse(
        httpStatus,
        "the body is larger than the configured maximum of " + maxBytes + " bytes; raise the bound if"
            + " such answers are expected",
        null);
  }

  /**
   * Replaces every occurrence of the API key in {@code text} with {@code ***}.
   *
   * @param text any text, or null
   * @return the text without the key, or null
   */
  public String redact(String text) {
    return redaction.redact(text);
  }

  /** Returns a description without the API key. */
  @Override
  public String toString() {
    return "ErrorDecoder[apiKey=***]";
  }

  private record Body(String text, List<RequestViolation> violations) {}

  private Body read(ErrorResponse response) {
    String raw = response.body();
    if (raw == null || raw.isBlank()) {
      return new Body(null, List.of());
    }
    // Redact first and cut after: a key cut in half at the boundary would leak its first half.
    String body = redact(raw);
    String contentType = response.contentType() == null ? "" : response.contentType().toLowerCase(Locale.ROOT);
    String stripped = body.strip();
    if (contentType.contains("json") || stripped.startsWith("{")) {
      ErrorDocument document;
      try {
        document = jsonReader.apply(raw);
      } catch (RuntimeException notJson) {
        document = null;
      }
      if (document != null) {
        Body fromDocument = fromDetail(document.detail());
        if (fromDocument != null) {
          return fromDocument;
        }
      }
    }
    boolean html = contentType.contains("html") || stripped.startsWith("<");
    return new Body(html ? summarizeHtml(stripped) : summarizeText(stripped), List.of());
  }

  private Body fromDetail(Object detail) {
    if (detail instanceof String) {
      return new Body(redact((String) detail), List.of());
    }
    if (detail instanceof Number || detail instanceof Boolean) {
      return new Body(detail.toString(), List.of());
    }
    if (detail instanceof List) {
      List<RequestViolation> violations = new ArrayList<>();
      for (Object element : (List<?>) detail) {
        if (element instanceof Map) {
          violations.add(violation((Map<?, ?>) element));
        }
      }
      // The violations speak for themselves in the message; a detail would only repeat them.
      return violations.isEmpty() ? null : new Body(null, List.copyOf(violations));
    }
    return null;
  }

  private RequestViolation violation(Map<?, ?> element) {
    Object loc = element.get("loc");
    List<String> location = new ArrayList<>();
    if (loc instanceof List) {
      for (Object part : (List<?>) loc) {
        location.add(redact(String.valueOf(part)));
      }
    } else if (loc != null) {
      location.add(redact(String.valueOf(loc)));
    }
    return new RequestViolation(location, text(element.get("msg")), text(element.get("type")));
  }

  private String text(Object value) {
    return value == null ? "" : redact(String.valueOf(value));
  }

  private String summarizeHtml(String page) {
    String scanned = page.length() > SCAN_LENGTH ? page.substring(0, SCAN_LENGTH) : page;
    int title = indexOfIgnoreCase(scanned, "<title", 0);
    int titleStart = title < 0 ? -1 : scanned.indexOf('>', title);
    int titleEnd = titleStart < 0 ? -1 : indexOfIgnoreCase(scanned, "</title", titleStart);
    if (titleEnd >= 0) {
      // Redacted again after unescaping: "&amp;" in a page could have hidden a key with an "&".
      String text = summarizeText(redact(unescape(htmlText(scanned.substring(titleStart + 1, titleEnd)))));
      if (text != null) {
        return text;
      }
    }
    return summarizeText(redact(unescape(htmlText(scanned))));
  }

  /**
   * Drops tags, comments, scripts and styles. Written as one forward scan, not regular
   * expressions, so that a hostile page (thousands of unclosed tags) costs linear time.
   */
  private static String htmlText(String page) {
    StringBuilder text = new StringBuilder(page.length());
    int i = 0;
    while (i < page.length()) {
      char c = page.charAt(i);
      int next = -1;
      if (c == '<') {
        if (page.startsWith("<!--", i)) {
          next = after(page, page.indexOf("-->", i + 4), 3);
        } else if (page.regionMatches(true, i, "<script", 0, 7)) {
          next = afterClosingTag(page, "</script", i);
        } else if (page.regionMatches(true, i, "<style", 0, 6)) {
          next = afterClosingTag(page, "</style", i);
        } else {
          int end = page.indexOf('>', i);
          // Without any '>' left, this '<' and every later one are plain text.
          next = end < 0 ? -1 : end + 1;
        }
      }
      if (next < 0) {
        text.append(c);
        i++;
      } else {
        text.append(' ');
        i = next;
      }
    }
    return text.toString();
  }

  private static int afterClosingTag(String page, String closing, int from) {
    int end = indexOfIgnoreCase(page, closing, from);
    if (end < 0) {
      return page.length();
    }
    int gt = page.indexOf('>', end);
    return gt < 0 ? page.length() : gt + 1;
  }

  private static int after(String page, int found, int length) {
    return found < 0 ? page.length() : found + length;
  }

  private static int indexOfIgnoreCase(String text, String needle, int from) {
    for (int i = Math.max(0, from); i <= text.length() - needle.length(); i++) {
      if (text.regionMatches(true, i, needle, 0, needle.length())) {
        return i;
      }
    }
    return -1;
  }

  private static String summarizeText(String text) {
    String scanned = text.length() > SCAN_LENGTH ? text.substring(0, SCAN_LENGTH) : text;
    String oneLine = SPACES.matcher(scanned).replaceAll(" ").strip();
    if (oneLine.isEmpty()) {
      return null;
    }
    return oneLine.length() <= SUMMARY_LENGTH ? oneLine : oneLine.substring(0, SUMMARY_LENGTH) + "…";
  }

  private static String unescape(String html) {
    return html.replace("&nbsp;", " ")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&");
  }
}
