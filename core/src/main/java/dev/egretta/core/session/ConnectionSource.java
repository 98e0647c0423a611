package dev.egretta.core.session;

import dev.egretta.core.ConfigurationException;
import dev.egretta.core.EgrettaException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;

/** Where {@link JdbcSessionStore} gets connections: one shared connection under a lock, or a pool. */
abstract class ConnectionSource implements AutoCloseable {

  /** Work on a connection. */
  @FunctionalInterface
  interface Work<T> {
    T apply(Connection c) throws SQLException;
  }

  abstract <T> T call(String what, Work<T> work);

  @Override
  public abstract void close();

  /** Runs work in a transaction: committed when it returns, rolled back when it throws. */
  <T> T transaction(String what, Work<T> work) {
    return call(what, c -> {
      boolean auto = c.getAutoCommit();
      c.setAutoCommit(false);
      try {
        T result = work.apply(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(auto);
      }
    });
  }

  static EgrettaException failure(String what, SQLException e) {
    return new EgrettaException("the session store could not " + what + ": " + e.getMessage(), e);
  }

  /** A JDBC URL fit for a message: any password in it masked. */
  static String redact(String url) {
    return url == null ? "(unknown URL)" : url.replaceAll("password=[^&;]*", "password=***");
  }

  /**
   * How often an operation that met SQLite's lock after its busy timeout is tried in all. Every
   * operation is one statement or a transaction rolled back on failure, so trying again repeats no
   * write; a random pause lets the waiters' retries spread out (SQLite's own wait is not fair, and
   * under heavy load one process can lose the lock to the others for longer than the timeout).
   */
  static final int BUSY_ATTEMPTS = 4;

  /** Whether {@code e} (or a cause) is SQLite's SQLITE_BUSY, in any of its extended forms. */
  static boolean busy(SQLException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException s && (s.getErrorCode() & 0xff) == 5
          && String.valueOf(s.getMessage()).contains("SQLITE_BUSY")) {
        return true;
      }
    }
    return false;
  }

  private static void backOff(String what, int attempt) {
    try {
      Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextLong(50, 250L * attempt));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EgrettaException("the session store could not " + what + ": interrupted while the database was busy", e);
    }
  }

  static ConnectionSource single(String url, Properties props) {
    if (url.startsWith("jdbc:sqlite:")) {
      SqliteNativeLibrary.prepare();
    }
    return new Single(url, props);
  }

  static ConnectionSource pooled(DataSource ds) {
    return new Pooled(ds);
  }

  private static final class Single extends ConnectionSource {
    private final String url;
    private final Properties props;
    private final ReentrantLock lock = new ReentrantLock();
    private Connection connection;
    private boolean closed;

    Single(String url, Properties props) {
      this.url = url;
      this.props = props;
    }

    @Override
    <T> T call(String what, Work<T> work) {
      for (int attempt = 1; ; attempt++) {
        boolean connecting = false;
        lock.lock();
        try {
          if (closed) {
            throw new IllegalStateException("the session store is closed");
          }
          if (connection == null || connection.isClosed()) {
            // Opening meets the lock too: a new file's first connections race to switch it to WAL,
            // and SQLite answers that race with SQLITE_BUSY at once, without waiting its busy timeout.
            connecting = true;
            connection = DriverManager.getConnection(url, props);
            connecting = false;
          }
          return work.apply(connection);
        } catch (SQLException e) {
          if (attempt == BUSY_ATTEMPTS || !busy(e)) {
            throw connecting ? cannotConnect(e) : failure(what, e);
          }
          discard(); // a BEGIN that met the lock can leave the connection without its transaction: start afresh
        } finally {
          lock.unlock();
        }
        backOff(what, attempt);
      }
    }

    private void discard() {
      try {
        if (connection != null) {
          connection.close();
        }
      } catch (SQLException ignored) {
        // it is being replaced
      }
      connection = null;
    }

    private ConfigurationException cannotConnect(SQLException e) {
      return new ConfigurationException("cannot connect to session database " + redact(url) + ": " + e.getMessage(), e);
    }

    @Override
    public void close() {
      lock.lock();
      try {
        closed = true;
        if (connection != null) {
          connection.close();
        }
      } catch (SQLException e) {
        throw failure("close", e);
      } finally {
        lock.unlock();
      }
    }
  }

  private static final class Pooled extends ConnectionSource {
    private final DataSource ds;

    Pooled(DataSource ds) {
      this.ds = ds;
    }

    @Override
    <T> T call(String what, Work<T> work) {
      try (Connection c = ds.getConnection()) {
        return work.apply(c);
      } catch (SQLException e) {
        throw failure(what, e);
      }
    }

    @Override
    public void close() {}
  }
}
