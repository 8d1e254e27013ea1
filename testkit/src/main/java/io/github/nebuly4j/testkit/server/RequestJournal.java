package io.github.nebuly4j.testkit.server;

import io.github.nebuly4j.core.spi.Arguments;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The requests a fake Nebuly server received, in the order they arrived. A request is recorded as
 * soon as it is read, before any scripted delay, fault or answer. The journal of a {@link
 * FakeNebulyServer} reads the server's memory; the journal of a {@link RemoteFakeNebulyServer}
 * asks the server on each call. Thread-safe.
 */
public final class RequestJournal {
  private final String basePath;
  private final Source source;

  RequestJournal(String basePath, Source source) {
    this.basePath = basePath;
    this.source = source;
  }

  /**
   * Returns every request received so far.
   *
   * @return a snapshot, oldest first
   */
  public List<RecordedRequest> requests() {
    return source.requests();
  }

  /**
   * Returns the requests sent to one path below the base URL.
   *
   * @param path such as {@code /get-conversation-detail}, or a raw path that includes the base
   *     path; compared with the raw path exactly (so an id's percent-encoding must match)
   * @return a snapshot, oldest first
   */
  public List<RecordedRequest> requestsTo(String path) {
    Arguments.requireNonNull(path, "path");
    String full = path.startsWith(basePath + "/") ? path : basePath + path;
    return requests().stream().filter(request -> request.rawPath().equals(full)).toList();
  }

  /**
   * Returns the requests sent to one endpoint, whatever their id.
   *
   * @param endpoint the endpoint
   * @return a snapshot, oldest first
   */
  public List<RecordedRequest> requestsTo(Endpoint endpoint) {
    Arguments.requireNonNull(endpoint, "endpoint");
    String prefix = basePath + endpoint.path();
    return requests().stream()
        .filter(
            request ->
                endpoint.idInPath()
                    ? request.rawPath().startsWith(prefix)
                    : request.rawPath().equals(prefix))
        .toList();
  }

  /**
   * Returns the latest request.
   *
   * @return the request received last
   * @throws NoSuchElementException if there was none
   */
  public RecordedRequest lastRequest() {
    List<RecordedRequest> requests = requests();
    if (requests.isEmpty()) {
      throw new NoSuchElementException("the fake Nebuly server has received no request");
    }
    return requests.get(requests.size() - 1);
  }

  /**
   * Returns how many requests were received.
   *
   * @return the count
   */
  public int count() {
    return requests().size();
  }

  /**
   * Waits until at least {@code count} requests were received, or the timeout passes.
   *
   * @param count the number of requests to wait for
   * @param timeout the longest wait
   * @return true when the count was reached, false on timeout
   * @throws IllegalArgumentException if {@code timeout} is null
   * @throws IllegalStateException if the waiting thread is interrupted
   */
  public boolean awaitCount(int count, Duration timeout) {
    Arguments.requireNonNull(timeout, "timeout");
    return source.awaitCount(count, timeout);
  }

  /** Lists the requests, with the {@code Authorization} values hidden. */
  @Override
  public String toString() {
    return "RequestJournal" + requests();
  }

  /** Where a journal's requests are kept. */
  interface Source {
    List<RecordedRequest> requests();

    boolean awaitCount(int count, Duration timeout);
  }

  /** The requests of a server in this JVM, in its memory. */
  static final class Recorder implements Source {
    private final List<RecordedRequest> requests = new ArrayList<>();

    synchronized void record(RecordedRequest request) {
      requests.add(request);
      notifyAll();
    }

    synchronized void clear() {
      requests.clear();
    }

    @Override
    public synchronized List<RecordedRequest> requests() {
      return List.copyOf(requests);
    }

    @Override
    public synchronized boolean awaitCount(int count, Duration timeout) {
      long deadline = System.nanoTime() + timeout.toNanos();
      while (requests.size() < count) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        try {
          wait(Math.max(1, left / 1_000_000));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while waiting for requests", e);
        }
      }
      return true;
    }
  }
}
