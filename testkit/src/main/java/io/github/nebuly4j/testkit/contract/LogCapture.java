package io.github.nebuly4j.testkit.contract;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * The log lines at WARN or above that were written while a suite watched: the suites check that a
 * cancelled call logs nothing. {@link FakeServerBinding#captureLogs()} starts one; a binding whose
 * adapter logs elsewhere than {@code java.util.logging} gives its own.
 */
public interface LogCapture extends AutoCloseable {

  /**
   * Returns the lines captured so far, each as {@code LEVEL logger: message}.
   *
   * @return a snapshot, oldest first
   */
  List<String> warnings();

  /** Stops capturing. */
  @Override
  void close();

  /**
   * Captures through a handler on the {@code java.util.logging} root logger: the records of every
   * logger that passes its records to its parents, which is the default. Vert.x logs this way when
   * no other logging backend is on the class path, and Quarkus's JBoss LogManager is a
   * {@code java.util.logging} manager.
   *
   * @return a running capture
   */
  static LogCapture onJulRootLogger() {
    Logger root = Logger.getLogger("");
    List<String> lines = new CopyOnWriteArrayList<>();
    SimpleFormatter formatter = new SimpleFormatter();
    Handler handler =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
              lines.add(
                  record.getLevel()
                      + " "
                      + record.getLoggerName()
                      + ": "
                      + formatter.formatMessage(record)
                      + (record.getThrown() == null ? "" : " " + record.getThrown()));
            }
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    handler.setLevel(Level.WARNING);
    root.addHandler(handler);
    return new LogCapture() {
      @Override
      public List<String> warnings() {
        return List.copyOf(lines);
      }

      @Override
      public void close() {
        root.removeHandler(handler);
      }
    };
  }
}
