package io.github.nebuly4j.bench.stability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SecretScanTest {
  private static final String KEY = "k3y+/=!~%ünïcode";

  @Test
  void findsTheKeyInAFailuresCauseAndSaysWhereNeverWhat() {
    SecretScan scan = new SecretScan(KEY);

    scan.inspect(new IllegalStateException("outer", new IOException("Bearer " + KEY + " refused")));

    assertThat(scan.findings()).containsExactly("the stack trace of a IllegalStateException");
    assertThat(String.join(" ", scan.findings())).doesNotContain(KEY);
  }

  @Test
  void findsTheKeyInAMessageAndAToString() {
    SecretScan scan = new SecretScan(KEY);

    scan.inspect("a log record of x", "sent " + KEY);
    scan.inspect(new IllegalArgumentException(KEY));

    assertThat(scan.findings()).contains("a log record of x", "the message of a IllegalArgumentException",
        "the toString of a IllegalArgumentException");
  }

  @Test
  void findsTheKeysBytesInAStreamEvenWhenAWriteSplitsThem() {
    SecretScan scan = new SecretScan(KEY);
    SecretScan.StreamMatcher stdout = scan.streamMatcher("stdout");
    byte[] bytes = ("header Bearer " + KEY + " trailer").getBytes(StandardCharsets.UTF_8);

    for (byte b : bytes) {
      stdout.write(new byte[] {b}, 0, 1);
    }

    assertThat(scan.findings()).containsExactly("stdout");
    assertThat(scan.bytesInspected()).isEqualTo(bytes.length);
  }

  @Test
  void findsTheKeyWrittenInIsoLatin1Too() {
    SecretScan scan = new SecretScan(KEY);
    byte[] bytes = ("x" + KEY).getBytes(StandardCharsets.ISO_8859_1);

    scan.streamMatcher("stderr").write(bytes, 0, bytes.length);

    assertThat(scan.findings()).containsExactly("stderr");
  }

  @Test
  void findsNothingWhereTheKeyIsNot() {
    SecretScan scan = new SecretScan(KEY);
    byte[] bytes = "k3y+/=!~%ünïcod and the rest".getBytes(StandardCharsets.UTF_8);

    scan.inspect(new IllegalStateException("k3y"));
    scan.streamMatcher("stdout").write(bytes, 0, bytes.length);

    assertThat(scan.findings()).isEmpty();
    assertThat(scan.textsInspected()).isEqualTo(3);
  }
}
