package cn.tongban.platform.web;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Recognises a failure that means "the database is not reachable right now" (no connection within the pool's short
 * timeout, connection refused or lost, the server shutting down), answered with 503 and {@code Retry-After}
 * instead of 500: the request may be repeated once the database is back, which the pool notices by itself.
 */
public final class DatabaseUnavailable {
  /** Seconds a client should wait before trying again. */
  public static final int RETRY_AFTER_SECONDS = 5;

  private DatabaseUnavailable() {}

  public static boolean is(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof CannotGetJdbcConnectionException || t instanceof CannotCreateTransactionException
          || t instanceof DataAccessResourceFailureException || t instanceof SQLTransientConnectionException
          || t instanceof java.net.ConnectException) {
        return true;
      }
      if (t instanceof SQLException s && s.getSQLState() != null
          && (s.getSQLState().startsWith("08") || s.getSQLState().startsWith("57P"))) {
        return true; // connection exceptions, admin/crash shutdown
      }
    }
    return false;
  }
}
