package io.github.nebuly4j.testkit.jdk;

import io.github.nebuly4j.core.NebulyException;
import io.github.nebuly4j.testkit.contract.ContractSettings;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * HTTP/1.1 over plain sockets for {@link JdkHttpAdapter}: a pool of at most {@code
 * maxConnections} kept-alive connections, one blocking exchange per attempt on a thread of its
 * own, and an abort that closes the attempt's socket. {@code java.net.http} cannot bound its
 * connections per host (a pool of one), and has no deadline over a whole response body; plain
 * sockets do both in a few lines.
 */
final class SocketTransport {
  private static final ExecutorService IO =
      Executors.newCachedThreadPool(daemon("jdk-adapter-io"));
  private static final ScheduledExecutorService TIMERS =
      Executors.newSingleThreadScheduledExecutor(daemon("jdk-adapter-timer"));

  private final ContractSettings settings;
  private final Set<JdkHttpAdapter.Flaw> flaws;
  private final InetSocketAddress address;
  private final String host;
  private final Pool pool;

  SocketTransport(ContractSettings settings, Set<JdkHttpAdapter.Flaw> flaws) {
    this.settings = settings;
    this.flaws = flaws;
    this.host = settings.baseUrl().getHost();
    this.address = new InetSocketAddress(host, settings.baseUrl().getPort());
    this.pool = new Pool(settings.maxConnections());
  }

  /**
   * Starts one attempt.
   *
   * @param path the raw path, base path included
   * @return the attempt; its answer completes with the status, headers and (bounded) body, or
   *     fails with a {@link NebulyException} or the {@link IOException} of the exchange
   */
  Attempt send(String method, String path, byte[] body) {
    Attempt attempt = new Attempt(request(method, path, body));
    if (!flaws.contains(JdkHttpAdapter.Flaw.NO_ATTEMPT_TIMEOUT)
        && !flaws.contains(JdkHttpAdapter.Flaw.IDLE_TIMEOUT_ONLY)) {
      TIMERS.schedule(
          () -> attempt.abort(new NebulyException.Timeout(settings.attemptTimeout(), null)),
          settings.attemptTimeout().toNanos(),
          TimeUnit.NANOSECONDS);
    }
    attempt.lease = pool.acquire();
    attempt.lease.thenAccept(lease -> IO.execute(() -> attempt.exchange(lease)));
    return attempt;
  }

  private byte[] request(String method, String path, byte[] body) {
    StringBuilder head =
        new StringBuilder(method)
            .append(' ')
            .append(path)
            .append(" HTTP/1.1\r\nHost: ")
            .append(host)
            .append(':')
            .append(address.getPort())
            .append("\r\nAuthorization: Bearer ")
            .append(settings.apiKey())
            .append("\r\nAccept: application/json\r\n");
    if (body.length > 0) {
      head.append("Content-Type: application/json\r\nContent-Length: ").append(body.length).append("\r\n");
    }
    if (flaws.contains(JdkHttpAdapter.Flaw.NO_KEEP_ALIVE)) {
      head.append("Connection: close\r\n");
    }
    byte[] headBytes = head.append("\r\n").toString().getBytes(StandardCharsets.UTF_8);
    byte[] request = new byte[headBytes.length + body.length];
    System.arraycopy(headBytes, 0, request, 0, headBytes.length);
    System.arraycopy(body, 0, request, headBytes.length, body.length);
    return request;
  }

  /**
   * What came back: the status, the headers (names in any case) and the body, which is cut at the
   * bound for an error status.
   */
  record Answer(int status, Map<String, List<String>> headers, byte[] body) {
    Optional<String> header(String name) {
      return headers.getOrDefault(name, List.of()).stream().findFirst();
    }
  }

  /** The body of a success is larger than the bound. */
  static final class TooLarge extends IOException {
    private static final long serialVersionUID = 1L;

    TooLarge(long bound) {
      super("the body is larger than " + bound + " bytes");
    }
  }

  /** One request and its answer, on a connection of the pool. */
  final class Attempt {
    private final byte[] request;
    private final CompletableFuture<Answer> answer = new CompletableFuture<>();
    private final AtomicBoolean aborted = new AtomicBoolean();
    private volatile CompletableFuture<Pool.Lease> lease;
    private volatile Socket socket;

    private Attempt(byte[] request) {
      this.request = request;
    }

    CompletableFuture<Answer> answer() {
      return answer;
    }

    /** Ends the attempt with {@code why} and closes its connection, wherever the attempt is. */
    void abort(Throwable why) {
      if (!answer.completeExceptionally(why)) {
        return;
      }
      aborted.set(true);
      CompletableFuture<Pool.Lease> waiting = lease;
      if (waiting != null && !sendsCancelledWaiters()) {
        waiting.cancel(false);
      }
      closeQuietly(socket);
    }

    /** With that flaw, an attempt aborted before it has a connection is sent all the same. */
    private boolean sendsCancelledWaiters() {
      return flaws.contains(JdkHttpAdapter.Flaw.SENDS_CANCELLED_WAITERS) && socket == null;
    }

    private void exchange(Pool.Lease lease) {
      Socket connection = lease.socket();
      boolean reusable = false;
      boolean cutShort = false;
      try {
        if (answer.isDone() && !sendsCancelledWaiters()) {
          throw new IOException("aborted before it was sent");
        }
        if (connection == null) {
          connection = new Socket();
          connection.connect(address, (int) settings.connectTimeout().toMillis());
          connection.setTcpNoDelay(true);
        }
        boolean sendAnyway = sendsCancelledWaiters();
        socket = connection;
        if (answer.isDone() && !sendAnyway) {
          throw new IOException("aborted before it was sent");
        }
        connection.setSoTimeout(
            flaws.contains(JdkHttpAdapter.Flaw.IDLE_TIMEOUT_ONLY) ? (int) settings.attemptTimeout().toMillis() : 0);
        OutputStream out = connection.getOutputStream();
        out.write(request);
        out.flush();
        Reading reading = new Reading(new BufferedInputStream(connection.getInputStream()));
        Answer read = reading.answer();
        reusable = reading.reusable && !flaws.contains(JdkHttpAdapter.Flaw.NO_KEEP_ALIVE);
        answer.complete(read);
      } catch (SocketTimeoutException e) {
        answer.completeExceptionally(
            new NebulyException.Timeout(
                socket == null ? settings.connectTimeout() : settings.attemptTimeout(), e));
      } catch (TooLarge e) {
        cutShort = true;
        answer.completeExceptionally(e);
      } catch (IOException | RuntimeException e) {
        answer.completeExceptionally(e instanceof IOException ? e : new IOException("a malformed answer", e));
      } finally {
        cutShort |= aborted.get();
        if (reusable && !cutShort) {
          pool.release(connection);
        } else {
          closeQuietly(connection);
          if (!cutShort || !flaws.contains(JdkHttpAdapter.Flaw.LEAKS_CONNECTION_ON_ABORT)) {
            pool.release(null);
          }
        }
      }
    }
  }

  /** Reads one answer from a connection. */
  private final class Reading {
    private final InputStream in;
    private boolean reusable;

    Reading(InputStream in) {
      this.in = in;
    }

    Answer answer() throws IOException {
      String[] statusLine = line().split(" ", 3);
      if (statusLine.length < 2 || !statusLine[0].startsWith("HTTP/1.")) {
        throw new IOException("not an HTTP/1.1 answer");
      }
      int status = Integer.parseInt(statusLine[1]);
      Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      for (String line = line(); !line.isEmpty(); line = line()) {
        int colon = line.indexOf(':');
        headers.computeIfAbsent(line.substring(0, colon).strip(), name -> new ArrayList<>())
            .add(line.substring(colon + 1).strip());
      }
      boolean closes =
          headers.getOrDefault("Connection", List.of()).stream()
              .anyMatch(value -> value.toLowerCase(Locale.ROOT).contains("close"));
      boolean success = status >= 200 && status <= 299;
      long bound = settings.maxBodySize();
      Body body =
          new Body(
              bound,
              success
                  ? Body.Beyond.FAIL
                  : flaws.contains(JdkHttpAdapter.Flaw.UNBOUNDED_ERROR_BODIES) ? Body.Beyond.DRAIN : Body.Beyond.CUT);
      boolean whole;
      if (headers.getOrDefault("Transfer-Encoding", List.of()).stream().anyMatch(v -> v.toLowerCase(Locale.ROOT).contains("chunked"))) {
        whole = chunked(body);
      } else if (headers.containsKey("Content-Length")) {
        long length = Long.parseLong(headers.get("Content-Length").get(0));
        if (success && length > bound) {
          throw new TooLarge(bound);
        }
        whole = body.read(in, length);
      } else {
        whole = body.read(in, Long.MAX_VALUE);
        closes = true;
      }
      reusable = whole && !closes;
      return new Answer(status, headers, body.bytes.toByteArray());
    }

    private boolean chunked(Body body) throws IOException {
      for (long size = Long.parseLong(line().split(";")[0].strip(), 16); size > 0;
          size = Long.parseLong(line().split(";")[0].strip(), 16)) {
        if (!body.read(in, size)) {
          return false;
        }
        line();
      }
      while (!line().isEmpty()) {
        // Trailers are dropped.
      }
      return true;
    }

    private String line() throws IOException {
      ByteArrayOutputStream line = new ByteArrayOutputStream();
      for (int c = in.read(); c != '\n'; c = in.read()) {
        if (c < 0) {
          throw new EOFException("the server closed the connection within an answer");
        }
        if (c != '\r') {
          line.write(c);
        }
      }
      return line.toString(StandardCharsets.ISO_8859_1);
    }
  }

  /** The bytes of a body, up to a bound, and what happens beyond it. */
  private static final class Body {
    /** What reading does beyond the bound. */
    enum Beyond {
      /** Fails with {@link TooLarge}: a success must fit. */
      FAIL,
      /** Stops: an error is typed by its status and its first bytes. */
      CUT,
      /** Reads on and drops the bytes, as a flawed adapter that reads error bodies whole. */
      DRAIN
    }

    private final long bound;
    private final Beyond beyond;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    Body(long bound, Beyond beyond) {
      this.bound = bound;
      this.beyond = beyond;
    }

    /**
     * Reads {@code length} bytes, or to the end of the stream for {@code Long.MAX_VALUE}.
     *
     * @return false when the body was cut at the bound, so the rest is still unread
     */
    boolean read(InputStream in, long length) throws IOException {
      byte[] buffer = new byte[16 * 1024];
      long left = length;
      while (left > 0) {
        int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
        if (read < 0) {
          if (length == Long.MAX_VALUE) {
            return true;
          }
          throw new EOFException("the server closed the connection within a body");
        }
        left -= read;
        int kept = (int) Math.max(0, Math.min(read, bound - bytes.size()));
        bytes.write(buffer, 0, kept);
        if (kept < read) {
          switch (beyond) {
            case FAIL -> throw new TooLarge(bound);
            case CUT -> {
              return false;
            }
            case DRAIN -> {
              // Read on: the bytes beyond the bound are dropped.
            }
          }
        }
      }
      return true;
    }
  }

  /**
   * At most {@code max} connections: idle ones are reused, newest first; a caller beyond the
   * limit waits for one to be given back, or for one to close.
   */
  private static final class Pool {
    private final int max;
    private final Deque<Socket> idle = new ArrayDeque<>();
    private final Deque<CompletableFuture<Lease>> waiting = new ArrayDeque<>();
    private int taken;

    /** An idle connection to reuse, or, with a null socket, the right to open one. */
    record Lease(Socket socket) {}

    Pool(int max) {
      this.max = max;
    }

    synchronized CompletableFuture<Lease> acquire() {
      Socket reused = idle.pollFirst();
      if (reused != null) {
        return CompletableFuture.completedFuture(new Lease(reused));
      }
      if (taken < max) {
        taken++;
        return CompletableFuture.completedFuture(new Lease(null));
      }
      CompletableFuture<Lease> lease = new CompletableFuture<>();
      waiting.addLast(lease);
      return lease;
    }

    /** Gives a connection back for reuse or, with null, frees the place of a closed one. */
    void release(Socket reusable) {
      while (true) {
        CompletableFuture<Lease> next;
        synchronized (this) {
          next = waiting.pollFirst();
          if (next == null) {
            if (reusable != null) {
              idle.addFirst(reusable);
            } else {
              taken--;
            }
            return;
          }
        }
        // A waiter cancelled in the meantime refuses it: the next one gets it.
        if (next.complete(new Lease(reusable))) {
          return;
        }
      }
    }
  }

  private static void closeQuietly(Socket socket) {
    if (socket == null) {
      return;
    }
    try {
      socket.close();
    } catch (IOException e) {
      // Closed already: nothing more to release.
    }
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return task -> {
      Thread thread = new Thread(task, name);
      thread.setDaemon(true);
      return thread;
    };
  }
}
