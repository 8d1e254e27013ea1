package io.github.nebuly4j.wire;

/**
 * Where a {@link NebulyTransport} reports how one attempt went. Implemented by {@link
 * NebulyExchange}; every method is safe on any thread, and calls after the attempt ended (it was
 * answered, failed, timed out or was aborted) are ignored.
 */
public interface AttemptListener {

  /**
   * A connection is in hand and the request is being sent: the wait for a connection, bounded by
   * the connect timeout, is over.
   */
  void connected();

  /**
   * The server answered, whatever the status.
   *
   * @param answer the status, the headers and the body read within the bound
   */
  void answered(WireAnswer answer);

  /**
   * The attempt failed before a complete answer: no connection, a reset, a closed connection, a
   * TLS failure, a timeout of the client itself. The exchange classifies {@code cause} (walking its
   * causes) into a {@code NebulyException}.
   *
   * @param cause what the HTTP client reported
   */
  void failed(Throwable cause);
}
