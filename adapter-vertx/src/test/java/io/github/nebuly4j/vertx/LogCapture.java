package io.github.nebuly4j.vertx;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Collects what {@code java.util.logging} records under a logger (surefire makes Vert.x log there),
 * from {@link #start} to {@link #close}, without printing it.
 */
final class LogCapture extends Handler implements AutoCloseable {
  private final Logger logger;
  private final boolean usedParentHandlers;
  private final ConcurrentLinkedQueue<LogRecord> records = new ConcurrentLinkedQueue<>();

  private LogCapture(Logger logger) {
    this.logger = logger;
    this.usedParentHandlers = logger.getUseParentHandlers();
  }

  /**
   * Starts capturing.
   *
   * @param name the logger, such as {@code io.vertx}; its children are captured too
   * @return the capture
   */
  static LogCapture start(String name) {
    LogCapture capture = new LogCapture(Logger.getLogger(name));
    capture.setLevel(Level.ALL);
    capture.logger.addHandler(capture);
    capture.logger.setUseParentHandlers(false);
    return capture;
  }

  /** The records at {@code level} or above, as text with their thrown exception, if any. */
  List<String> atOrAbove(Level level) {
    List<String> texts = new ArrayList<>();
    for (LogRecord record : records) {
      if (record.getLevel().intValue() >= level.intValue()) {
        StringBuilder text = new StringBuilder(record.getLevel() + " " + record.getLoggerName() + ": " + record.getMessage());
        if (record.getThrown() != null) {
          text.append(" (").append(record.getThrown()).append(")");
          for (StackTraceElement frame : record.getThrown().getStackTrace()) {
            text.append("\n    at ").append(frame);
          }
        }
        texts.add(text.toString());
      }
    }
    return texts;
  }

  void clear() {
    records.clear();
  }

  @Override
  public void publish(LogRecord record) {
    records.add(record);
  }

  @Override
  public void flush() {}

  @Override
  public void close() {
    logger.removeHandler(this);
    logger.setUseParentHandlers(usedParentHandlers);
  }
}
