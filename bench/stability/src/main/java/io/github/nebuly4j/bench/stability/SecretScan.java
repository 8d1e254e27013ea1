package io.github.nebuly4j.bench.stability;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Looks for the API key in everything the process shows: exception messages, {@code toString}s,
 * stack traces, log records and the bytes written to stdout and stderr. It records where the key
 * was found, never the text around it.
 */
final class SecretScan {
  private final String secret;
  private final List<byte[]> encodings;
  private final Set<String> findings = new LinkedHashSet<>();
  private final AtomicLong texts = new AtomicLong();
  private final AtomicLong bytes = new AtomicLong();

  SecretScan(String secret) {
    this.secret = secret;
    Set<String> seen = new LinkedHashSet<>();
    List<byte[]> forms = new ArrayList<>();
    // The key reaches a stream in whatever charset the stream writes; look for each one's bytes.
    for (Charset charset : List.of(StandardCharsets.UTF_8, StandardCharsets.ISO_8859_1, Charset.defaultCharset())) {
      byte[] form = secret.getBytes(charset);
      if (seen.add(new String(form, StandardCharsets.ISO_8859_1))) {
        forms.add(form);
      }
    }
    this.encodings = List.copyOf(forms);
  }

  /** Looks at one text; {@code where} says what it was, such as {@code the message of a Timeout}. */
  void inspect(String where, String text) {
    texts.incrementAndGet();
    if (text != null && text.contains(secret)) {
      synchronized (findings) {
        findings.add(where);
      }
    }
  }

  /** Looks at a failure's {@code toString}, message and stack trace, its causes and suppressed ones included. */
  void inspect(Throwable failure) {
    String type = failure.getClass().getSimpleName();
    inspect("the message of a " + type, failure.getMessage());
    inspect("the toString of a " + type, failure.toString());
    StringWriter trace = new StringWriter();
    failure.printStackTrace(new PrintWriter(trace));
    inspect("the stack trace of a " + type, trace.toString());
  }

  /** Returns a matcher of the key's bytes over a stream written in pieces. */
  StreamMatcher streamMatcher(String where) {
    return new StreamMatcher(where);
  }

  /** Where the key was found, in the order first found. */
  List<String> findings() {
    synchronized (findings) {
      return List.copyOf(findings);
    }
  }

  /** How many texts were looked at. */
  long textsInspected() {
    return texts.get();
  }

  /** How many bytes of output were looked at. */
  long bytesInspected() {
    return bytes.get();
  }

  /** Finds the key's bytes in a stream even when a write splits them: it keeps the last bytes of each write. */
  final class StreamMatcher {
    private final String where;
    private final int keep;
    private byte[] tail = new byte[0];

    private StreamMatcher(String where) {
      this.where = where;
      this.keep = encodings.stream().mapToInt(form -> form.length).max().orElse(1) - 1;
    }

    synchronized void write(byte[] buffer, int offset, int length) {
      bytes.addAndGet(length);
      byte[] window = new byte[tail.length + length];
      System.arraycopy(tail, 0, window, 0, tail.length);
      System.arraycopy(buffer, offset, window, tail.length, length);
      for (byte[] form : encodings) {
        if (indexOf(window, form) >= 0) {
          synchronized (findings) {
            findings.add(where);
          }
        }
      }
      int kept = Math.min(keep, window.length);
      tail = java.util.Arrays.copyOfRange(window, window.length - kept, window.length);
    }
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
