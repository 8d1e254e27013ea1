package io.github.nebuly4j.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nebuly4j.core.NebulyException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

class TransportFailuresTest {
  private static final String KEY = "nb-failures-KEY-77";
  private static final NebulySettings SETTINGS =
      NebulySettings.builder()
          .baseUrl("https://nebuly.example:8443/api/external")
          .apiKey(KEY)
          .connectTimeout(Duration.ofMillis(1500))
          .build();
  private static final TransportFailures FAILURES =
      new TransportFailures(SETTINGS, new ErrorDecoder(KEY, body -> null));

  /** A client's own timeout type, known to wire by its name only (as Netty's and Vert.x's are). */
  static final class PoolTimeoutException extends RuntimeException {
    PoolTimeoutException(String message) {
      super(message);
    }
  }

  @Test
  void aRefusedConnectionIsATransportFailureSayingSoWhereverItIsWrapped() {
    ConnectException refused = new ConnectException("Connection refused: /10.0.0.1:8443");
    Throwable wrapped = new CompletionException(new RuntimeException("wrapped", refused));

    for (Throwable failure : new Throwable[] {refused, wrapped}) {
      for (boolean connected : new boolean[] {false, true}) {
        NebulyException e = FAILURES.classify(failure, connected);
        assertThat(e).isInstanceOf(NebulyException.Transport.class);
        assertThat(e.getMessage())
            .contains("could not connect to nebuly.example:8443")
            .contains("ConnectException: Connection refused");
        assertThat(e.getCause()).isSameAs(failure);
      }
    }
  }

  @Test
  void unknownHostsAndTlsFailuresAreFailuresToConnect() {
    assertThat(FAILURES.classify(new UnknownHostException("nebuly.example"), true).getMessage())
        .contains("could not connect");
    assertThat(FAILURES.classify(new UncheckedIOException(new SSLHandshakeException("PKIX path building failed")), true)
            .getMessage())
        .contains("could not connect", "SSLHandshakeException", "PKIX");
  }

  @Test
  void aConnectionLostAfterItWasInHandFailedBeforeTheAnswerWasComplete() {
    NebulyException e = FAILURES.classify(new IOException("Connection reset by peer"), true);

    assertThat(e).isInstanceOf(NebulyException.Transport.class);
    assertThat(e.getMessage())
        .contains("the connection to nebuly.example:8443 failed before the answer was complete")
        .contains("IOException: Connection reset by peer");
  }

  @Test
  void anythingBeforeTheConnectionIsAFailureToConnect() {
    assertThat(FAILURES.classify(new ClosedChannelException(), false).getMessage())
        .contains("could not connect", "ClosedChannelException");
  }

  @Test
  void aClientTimeoutBeforeTheConnectionIsAConnectTimeoutWithTheConfiguredLimit() {
    for (Throwable failure : new Throwable[] {
        new TimeoutException("pool"),
        new SocketTimeoutException("connect timed out"),
        new PoolTimeoutException("no connection within 1500 ms"),
        new RuntimeException(new ConnectException("wrapping").initCause(new PoolTimeoutException("deep")))
    }) {
      NebulyException e = FAILURES.classify(failure, false);
      assertThat(e).isInstanceOf(NebulyException.Timeout.class);
      assertThat(((NebulyException.Timeout) e).phase()).isEqualTo(NebulyException.Timeout.Phase.CONNECT);
      assertThat(((NebulyException.Timeout) e).limit()).isEqualTo(Duration.ofMillis(1500));
      assertThat(e.getCause()).isSameAs(failure);
    }
  }

  @Test
  void aClientTimeoutAfterTheConnectionIsTheApplicationsOwnAndReportedAsATransportFailure() {
    NebulyException e = FAILURES.classify(new TimeoutException("idle for 3000 ms"), true);

    assertThat(e).isInstanceOf(NebulyException.Transport.class);
    assertThat(e.getMessage()).contains("failed before the answer was complete", "idle for 3000 ms");
  }

  @Test
  void aNebulyExceptionInTheChainIsTheAnswerAsItIs() {
    NebulyException closed = new NebulyException.Transport("this client is closed", null);

    assertThat(FAILURES.classify(new CompletionException(closed), false)).isSameAs(closed);
  }

  @Test
  void theKeyIsRedactedFromTheClientsMessage() {
    NebulyException e = FAILURES.classify(new IOException("header Authorization: Bearer " + KEY), true);

    assertThat(e.getMessage()).doesNotContain(KEY).contains("Bearer ***");
  }

  @Test
  void noCauseAndCyclicCausesStillGiveATypedFailure() {
    RuntimeException first = new RuntimeException("first");
    RuntimeException second = new RuntimeException("second", first);
    first.initCause(second);

    assertThat(FAILURES.classify(null, false)).isInstanceOf(NebulyException.Transport.class);
    assertThat(FAILURES.classify(first, true)).isInstanceOf(NebulyException.Transport.class);
  }
}
