package dev.egretta.server;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Collects, while open, every log record at SEVERE or carrying a stack trace (System.Logger and,
 * through slf4j-jdk14, Jetty and Javalin all end in java.util.logging's root logger).
 */
final class LogCapture extends Handler implements AutoCloseable {
  private final List<LogRecord> records = new CopyOnWriteArrayList<>();
  private final Logger root = Logger.getLogger("");

  LogCapture() {
    setLevel(Level.ALL);
    root.addHandler(this);
  }

  /** Records at SEVERE, or with a throwable, so far. */
  List<String> problems() {
    return records.stream()
        .map(r -> r.getLevel() + " " + r.getLoggerName() + ": " + r.getMessage()
            + (r.getThrown() == null ? "" : " / " + r.getThrown()))
        .toList();
  }

  @Override
  public void publish(LogRecord record) {
    if (record.getLevel().intValue() >= Level.SEVERE.intValue() || record.getThrown() != null) {
      records.add(record);
    }
  }

  @Override
  public void flush() {}

  @Override
  public void close() {
    root.removeHandler(this);
  }
}
