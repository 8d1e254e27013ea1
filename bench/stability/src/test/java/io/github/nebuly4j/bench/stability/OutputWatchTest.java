package io.github.nebuly4j.bench.stability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class OutputWatchTest {
  private static final String KEY = "k3y+/=!~%ünïcode";

  @Test
  void keepsTheLinesAtWarnOrAboveAndCountsEveryRecord() {
    SecretScan scan = new SecretScan(KEY);
    OutputWatch watch = OutputWatch.start(scan);
    Logger logger = Logger.getLogger("stability.test");
    try {
      logger.info("fine");
      logger.warning("careful");
      logger.log(Level.SEVERE, "Stream reset: 0", new IllegalStateException("reset"));
    } finally {
      watch.stop();
    }

    assertThat(watch.warningCount()).isEqualTo(2);
    assertThat(watch.warnings()).containsExactly(
        "WARNING stability.test: careful",
        "SEVERE stability.test: Stream reset: 0 (java.lang.IllegalStateException: reset)");
    assertThat(watch.records()).isGreaterThanOrEqualTo(3);
  }

  @Test
  void looksForTheKeyInLogRecordsAndInWhatIsPrinted() {
    SecretScan scan = new SecretScan(KEY);
    PrintStream realErr = System.err;
    ByteArrayOutputStream written = new ByteArrayOutputStream();
    // The watch forwards what it sees; here to a buffer rather than the build's output, and the
    // console handler, which writes where stderr was when it was made, is set aside.
    System.setErr(new PrintStream(written, true, StandardCharsets.UTF_8));
    Logger root = Logger.getLogger("");
    Handler[] consoles = root.getHandlers();
    for (Handler handler : consoles) {
      root.removeHandler(handler);
    }
    try {
      OutputWatch watch = OutputWatch.start(scan);
      try {
        Logger.getLogger("stability.test").fine("nothing");
        Logger.getLogger("stability.test").info("key " + KEY);
        System.err.print("also " + KEY);
      } finally {
        watch.stop();
      }
      assertThat(System.err).isNotSameAs(realErr);
    } finally {
      System.setErr(realErr);
      for (Handler handler : consoles) {
        root.addHandler(handler);
      }
    }

    assertThat(scan.findings()).containsExactly("a log record of stability.test", "stderr");
    assertThat(written.toString(StandardCharsets.UTF_8)).contains("also " + KEY);
  }

  @Test
  void attachesAgainWhenAFrameworkReplacedTheRootLoggersHandlers() {
    OutputWatch watch = OutputWatch.start(new SecretScan(KEY));
    Logger root = Logger.getLogger("");
    Handler[] before = root.getHandlers();
    try {
      for (Handler handler : before) {
        root.removeHandler(handler);
      }
      watch.ensureAttached();
      Logger.getLogger("stability.test").warning("after the reset");
    } finally {
      watch.stop();
      for (Handler handler : before) {
        root.addHandler(handler);
      }
    }

    assertThat(watch.warnings()).containsExactly("WARNING stability.test: after the reset");
  }
}
