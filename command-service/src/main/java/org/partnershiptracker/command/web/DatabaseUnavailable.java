package org.partnershiptracker.command.web;

import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;

/**
 * Whether a failure means the database cannot be reached. The answer is then a 503 with Retry-After
 * ({@link Problems#unavailable()}), so a client retries (with its Idempotency-Key) instead of
 * reading a 500.
 */
public final class DatabaseUnavailable {
  public static final String RETRY_AFTER_SECONDS = "5";

  private DatabaseUnavailable() {}

  public static boolean causedBy(Throwable failure) {
    for (Throwable cause = failure;
        cause != null;
        cause = cause.getCause() == cause ? null : cause.getCause()) {
      if (cause instanceof SQLTransientConnectionException
          || cause instanceof SQLNonTransientConnectionException
          || cause instanceof DataAccessResourceFailureException
          || cause instanceof TransientDataAccessResourceException
          || cause instanceof java.net.ConnectException
          || (cause instanceof java.sql.SQLException sql
              && sql.getSQLState() != null
              && sql.getSQLState().startsWith("08"))) {
        return true;
      }
    }
    return false;
  }
}
