package io.github.nebuly4j.bench.stability;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Watches what the process writes: every {@code java.util.logging} record (Vert.x and Netty log
 * there when told to, and Quarkus's JBoss LogManager is a {@code java.util.logging} manager), and
 * every byte of stdout and stderr. It keeps the lines at WARN or above and hands everything to the
 * {@link SecretScan}.
 */
final class OutputWatch {
  /** How many WARN lines the report quotes; the rest are counted. */
  private static final int QUOTED_LINES = 20;

  private final SecretScan secrets;
  private final PrintStream originalOut;
  private final PrintStream originalErr;
  private final List<String> warnings = new ArrayList<>();
  private final AtomicLong warningCount = new AtomicLong();
  private final AtomicLong records = new AtomicLong();
  private final SimpleFormatter formatter = new SimpleFormatter();
  private final Handler handler =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          observe(record);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  private OutputWatch(SecretScan secrets) {
    this.secrets = secrets;
    this.originalOut = System.out;
    this.originalErr = System.err;
    handler.setLevel(Level.ALL);
  }

  /** Starts watching stdout, stderr and the root logger. */
  static OutputWatch start(SecretScan secrets) {
    OutputWatch watch = new OutputWatch(secrets);
    System.setOut(watch.tee(watch.originalOut, secrets.streamMatcher("stdout")));
    System.setErr(watch.tee(watch.originalErr, secrets.streamMatcher("stderr")));
    watch.ensureAttached();
    return watch;
  }

  /**
   * Puts the handler on the root logger if it is not there: a framework that configures logging
   * when it starts may have replaced the root logger's handlers.
   */
  void ensureAttached() {
    Logger root = Logger.getLogger("");
    if (!Arrays.asList(root.getHandlers()).contains(handler)) {
      root.addHandler(handler);
    }
  }

  /** Stops watching and gives the process its streams back. */
  void stop() {
    Logger.getLogger("").removeHandler(handler);
    System.out.flush();
    System.err.flush();
    System.setOut(originalOut);
    System.setErr(originalErr);
  }

  /** The lines at WARN or above, the first ones quoted. */
  List<String> warnings() {
    synchronized (warnings) {
      return List.copyOf(warnings);
    }
  }

  /** How many records at WARN or above were logged. */
  long warningCount() {
    return warningCount.get();
  }

  /** How many records were seen. */
  long records() {
    return records.get();
  }

  private void observe(LogRecord record) {
    records.incrementAndGet();
    String message = formatter.formatMessage(record);
    secrets.inspect("a log record of " + record.getLoggerName(), message);
    if (record.getThrown() != null) {
      secrets.inspect(record.getThrown());
    }
    if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
      warningCount.incrementAndGet();
      synchronized (warnings) {
        if (warnings.size() < QUOTED_LINES) {
          warnings.add(
              record.getLevel()
                  + " "
                  + record.getLoggerName()
                  + ": "
                  + message
                  + (record.getThrown() == null ? "" : " (" + record.getThrown() + ")"));
        }
      }
    }
  }

  private PrintStream tee(PrintStream target, SecretScan.StreamMatcher matcher) {
    OutputStream watched =
        new FilterOutputStream(target) {
          @Override
          public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
          }

          @Override
          public void write(byte[] buffer, int offset, int length) throws IOException {
            matcher.write(buffer, offset, length);
            target.write(buffer, offset, length);
          }

          @Override
          public void flush() {
            target.flush();
          }
        };
    return new PrintStream(watched, true);
  }
}
