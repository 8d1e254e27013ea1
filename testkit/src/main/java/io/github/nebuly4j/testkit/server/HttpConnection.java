package io.github.nebuly4j.testkit.server;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.ToIntFunction;

/**
 * One accepted TCP connection of {@link FakeNebulyServer}, speaking HTTP/1.1: it reads requests
 * (with {@code Content-Length} or chunked bodies) and writes answers, and it can wait while
 * watching for the peer to close. Used by one thread at a time, the connection's own.
 */
final class HttpConnection implements Closeable {
  /** The longest request line plus headers. */
  private static final int MAX_HEAD = 64 * 1024;

  private final long id;
  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;
  private byte[] buffer = new byte[8 * 1024];
  private int position;
  private int limit;
  private volatile boolean closedByServer;

  HttpConnection(long id, Socket socket) throws IOException {
    this.id = id;
    this.socket = socket;
    // Without it, a small answer on a reused connection waits for the peer's delayed ACK (~40 ms).
    socket.setTcpNoDelay(true);
    this.in = socket.getInputStream();
    this.out = new BufferedOutputStream(socket.getOutputStream(), 16 * 1024);
  }

  long id() {
    return id;
  }

  /** Tells whether this side closed the connection (rather than the peer). */
  boolean closedByServer() {
    return closedByServer;
  }

  /**
   * Reads the next request.
   *
   * @param maxBody the body bytes to keep for a request of this head; the rest is read and dropped
   * @return the request, or empty when the peer closed the connection between requests
   * @throws BadRequest when the bytes are not an HTTP/1.1 request
   * @throws IOException when the connection fails or ends within a request
   */
  Optional<IncomingRequest> readRequest(ToIntFunction<IncomingRequest> maxBody) throws IOException {
    if (limit == position && !fill()) {
      return Optional.empty();
    }
    int[] headBytes = {0};
    String requestLine = readLine(headBytes);
    while (requestLine.isEmpty()) {
      // RFC 9112 lets a server skip empty lines before a request.
      requestLine = readLine(headBytes);
    }
    String[] parts = requestLine.split(" ", -1);
    if (parts.length != 3 || parts[0].isEmpty() || !parts[2].startsWith("HTTP/1.")) {
      throw new BadRequest("malformed request line");
    }
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (String line = readLine(headBytes); !line.isEmpty(); line = readLine(headBytes)) {
      int colon = line.indexOf(':');
      if (colon <= 0) {
        throw new BadRequest("malformed header line");
      }
      headers
          .computeIfAbsent(line.substring(0, colon).strip(), name -> new ArrayList<>())
          .add(line.substring(colon + 1).strip());
    }
    IncomingRequest request = new IncomingRequest(parts[0], parts[1], parts[2], headers, new byte[0]);
    if (request.expectsContinue()) {
      out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
    }
    return Optional.of(request.withBody(readBody(request, maxBody.applyAsInt(request))));
  }

  private byte[] readBody(IncomingRequest request, int maxBody) throws IOException {
    BoundedBytes body = new BoundedBytes(maxBody);
    if (request.header("Transfer-Encoding").map(value -> value.toLowerCase(Locale.ROOT).contains("chunked")).orElse(false)) {
      int[] lineBytes = {0};
      for (long size = chunkSize(readLine(lineBytes)); size > 0; size = chunkSize(readLine(lineBytes))) {
        readInto(body, size);
        if (!readLine(lineBytes).isEmpty()) {
          throw new BadRequest("a chunk does not end with CRLF");
        }
        lineBytes[0] = 0;
      }
      while (!readLine(lineBytes).isEmpty()) {
        // Trailer fields are read and dropped.
      }
      return body.toByteArray();
    }
    Optional<String> length = request.header("Content-Length");
    if (length.isEmpty()) {
      return body.toByteArray();
    }
    long size;
    try {
      size = Long.parseLong(length.get());
    } catch (NumberFormatException e) {
      throw new BadRequest("Content-Length is not a number");
    }
    if (size < 0) {
      throw new BadRequest("Content-Length is negative");
    }
    readInto(body, size);
    return body.toByteArray();
  }

  private static long chunkSize(String line) throws BadRequest {
    int extension = line.indexOf(';');
    String size = (extension < 0 ? line : line.substring(0, extension)).strip();
    try {
      long value = Long.parseLong(size, 16);
      if (value < 0) {
        throw new BadRequest("negative chunk size");
      }
      return value;
    } catch (NumberFormatException e) {
      throw new BadRequest("malformed chunk size");
    }
  }

  private void readInto(BoundedBytes body, long size) throws IOException {
    long left = size;
    while (left > 0) {
      if (limit == position && !fill()) {
        throw new EOFException("the peer closed the connection within a request body");
      }
      int length = (int) Math.min(left, limit - position);
      body.write(buffer, position, length);
      position += length;
      left -= length;
    }
  }

  /** Reads one line, CRLF or LF ended, as ISO-8859-1; counts it against the head's bound. */
  private String readLine(int[] headBytes) throws IOException {
    int start = position;
    int scanned = position;
    while (true) {
      for (; scanned < limit; scanned++) {
        if (buffer[scanned] == '\n') {
          int end = scanned > start && buffer[scanned - 1] == '\r' ? scanned - 1 : scanned;
          String line = new String(buffer, start, end - start, StandardCharsets.ISO_8859_1);
          headBytes[0] += scanned + 1 - start;
          position = scanned + 1;
          return line;
        }
      }
      if (headBytes[0] + (limit - start) > MAX_HEAD) {
        throw new BadRequest("the request head is larger than " + MAX_HEAD + " bytes");
      }
      int consumed = start;
      if (!fill()) {
        throw new EOFException("the peer closed the connection within a request");
      }
      // fill() may have moved the unread bytes to the start of the buffer.
      int shift = consumed - position;
      start -= shift;
      scanned -= shift;
    }
  }

  /**
   * Reads more bytes into the buffer, keeping the unread ones.
   *
   * @return false at the end of the stream
   */
  private boolean fill() throws IOException {
    if (position > 0) {
      System.arraycopy(buffer, position, buffer, 0, limit - position);
      limit -= position;
      position = 0;
    }
    if (limit == buffer.length) {
      buffer = java.util.Arrays.copyOf(buffer, Math.min(buffer.length * 2, MAX_HEAD + 8 * 1024));
    }
    int read = in.read(buffer, limit, buffer.length - limit);
    if (read < 0) {
      return false;
    }
    limit += read;
    return true;
  }

  /**
   * Waits until {@code done} is true or the deadline passes, reading meanwhile so that a peer that
   * closes the connection is seen at once. Bytes that arrive (a pipelined request) are kept.
   *
   * @param done checked at least every {@code checkMillis}
   * @param deadline a {@link System#nanoTime()} to stop at, or {@link Long#MAX_VALUE}
   * @param checkMillis how often {@code done} is checked
   * @return false when the peer closed the connection
   */
  boolean await(BooleanSupplier done, long deadline, long checkMillis) {
    try {
      while (!done.getAsBoolean()) {
        long left = deadline == Long.MAX_VALUE ? Long.MAX_VALUE : deadline - System.nanoTime();
        if (left <= 0) {
          return true;
        }
        long slice = Math.max(1, Math.min(checkMillis, TimeUnit.NANOSECONDS.toMillis(left) + 1));
        if (limit - position >= MAX_HEAD) {
          // A peer that pipelines this much is not watched any longer; the wait goes on unwatched.
          TimeUnit.MILLISECONDS.sleep(slice);
          continue;
        }
        socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, slice));
        try {
          if (!fill()) {
            return false;
          }
        } catch (SocketTimeoutException e) {
          // The slice passed with nothing to read: check again.
        }
      }
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (IOException e) {
      return false;
    } finally {
      try {
        socket.setSoTimeout(0);
      } catch (IOException e) {
        // The socket is closed; the next read or write says so.
      }
    }
  }

  /** Writes a whole answer and flushes it. */
  void send(Response response, boolean close) throws IOException {
    writeHead(response.status(), response.headers(), response.body().length, close);
    out.write(response.body());
    out.flush();
  }

  /**
   * Writes the status line and headers, unflushed.
   *
   * @param contentLength the body's length, or -1 for a chunked body
   * @param close whether to announce {@code Connection: close}
   */
  void writeHead(int status, Map<String, String> headers, long contentLength, boolean close)
      throws IOException {
    StringBuilder head = new StringBuilder(256);
    head.append("HTTP/1.1 ").append(status).append(' ').append(reason(status)).append("\r\n");
    headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
    if (contentLength < 0) {
      head.append("Transfer-Encoding: chunked\r\n");
    } else {
      head.append("Content-Length: ").append(contentLength).append("\r\n");
    }
    if (close) {
      head.append("Connection: close\r\n");
    }
    head.append("\r\n");
    out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
  }

  /** The stream the body goes to after {@link #writeHead}; flushed by the caller. */
  OutputStream body() {
    return out;
  }

  /** Closes the connection from this side. */
  @Override
  public void close() {
    closedByServer = true;
    try {
      socket.close();
    } catch (IOException e) {
      // Already closed: nothing more to release.
    }
  }

  private static String reason(int status) {
    return switch (status) {
      case 100 -> "Continue";
      case 200 -> "OK";
      case 204 -> "No Content";
      case 301 -> "Moved Permanently";
      case 302 -> "Found";
      case 303 -> "See Other";
      case 307 -> "Temporary Redirect";
      case 308 -> "Permanent Redirect";
      case 400 -> "Bad Request";
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      case 404 -> "Not Found";
      case 405 -> "Method Not Allowed";
      case 422 -> "Unprocessable Entity";
      case 429 -> "Too Many Requests";
      case 500 -> "Internal Server Error";
      case 502 -> "Bad Gateway";
      case 503 -> "Service Unavailable";
      case 504 -> "Gateway Timeout";
      default -> "Status " + status;
    };
  }

  /** The bytes are not an HTTP/1.1 request; the answer is 400 and the connection closes. */
  static final class BadRequest extends IOException {
    private static final long serialVersionUID = 1L;

    BadRequest(String message) {
      super(message);
    }
  }

  /** Keeps the first bytes up to a bound and counts, but drops, the rest. */
  private static final class BoundedBytes {
    private final int bound;
    private byte[] bytes = new byte[256];
    private int size;

    BoundedBytes(int bound) {
      this.bound = bound;
    }

    void write(byte[] source, int offset, int length) {
      int kept = Math.min(length, bound - size);
      if (kept <= 0) {
        return;
      }
      if (size + kept > bytes.length) {
        bytes = java.util.Arrays.copyOf(bytes, Math.min(bound, Math.max(bytes.length * 2, size + kept)));
      }
      System.arraycopy(source, offset, bytes, size, kept);
      size += kept;
    }

    byte[] toByteArray() {
      return java.util.Arrays.copyOf(bytes, size);
    }
  }
}
