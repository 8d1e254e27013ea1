package io.github.nebuly4j.bench.quarkus;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** What the bench's Quarkus mains log at ERROR while open: how they explain a command line they refuse. */
final class RefusalLog extends Handler implements AutoCloseable {
  private final Logger logger = Logger.getLogger(RefusalLog.class.getPackageName());
  private final List<String> messages = new CopyOnWriteArrayList<>();

  RefusalLog() {
    logger.addHandler(this);
  }

  @Override
  public void publish(LogRecord record) {
    if (record.getLevel().intValue() >= Level.SEVERE.intValue()) {
      messages.add(record.getMessage());
    }
  }

  /** The messages logged so far, one after the other. */
  String text() {
    return String.join("\n", messages);
  }

  @Override
  public void flush() {}

  @Override
  public void close() {
    logger.removeHandler(this);
  }
}
