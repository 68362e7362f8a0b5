package org.partnershiptracker.command.idempotency;

import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Responses kept per Idempotency-Key in PostgreSQL, beside the event store. */
@Component
public class IdempotencyStore {
  public enum State {
    IN_PROGRESS,
    COMPLETED
  }

  public record StoredResponse(
      String fingerprint,
      State state,
      int status,
      String contentType,
      String location,
      byte[] body) {}

  private final JdbcTemplate jdbc;

  IdempotencyStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Claims the key for this request; false if someone holds it. A claim left in progress longer
   * than the lease (its process died) is taken over by the same request.
   */
  public boolean claim(String key, String fingerprint, java.time.Duration lease) {
    return jdbc.update(
            "INSERT INTO idempotency_record (idempotency_key, request_fingerprint, state) VALUES"
                + " (?, ?, ?) ON CONFLICT (idempotency_key) DO UPDATE SET created_at = now() WHERE"
                + " idempotency_record.state = 'IN_PROGRESS' AND"
                + " idempotency_record.request_fingerprint = EXCLUDED.request_fingerprint AND"
                + " idempotency_record.created_at < now() - make_interval(secs => ?)",
            key,
            fingerprint,
            State.IN_PROGRESS.name(),
            (double) lease.toMillis() / 1000)
        == 1;
  }

  /**
   * The answer kept under the key, or a claim in progress. A claim in progress longer than the
   * lease (left by a process that died) is forgotten, and empty is returned: the retry runs.
   */
  public Optional<StoredResponse> answered(String key, java.time.Duration lease) {
    Optional<StoredResponse> kept = find(key);
    if (kept.isPresent()
        && kept.get().state() == State.IN_PROGRESS
        && jdbc.update(
                "DELETE FROM idempotency_record WHERE idempotency_key = ? AND state ="
                    + " 'IN_PROGRESS' AND created_at < now() - make_interval(secs => ?)",
                key,
                (double) lease.toMillis() / 1000)
            == 1) {
      return Optional.empty();
    }
    return kept;
  }

  /**
   * Keeps the answer under a key no one has answered yet, in the caller's transaction; false if
   * another request with the key was answered first (its answer stands). Inserting the row takes
   * the key: a second request with it waits for the first's transaction, then finds it answered.
   */
  public boolean keep(
      String key,
      String fingerprint,
      int status,
      String contentType,
      String location,
      byte[] body) {
    return jdbc.update(
            "INSERT INTO idempotency_record (idempotency_key, request_fingerprint, state,"
                + " status_code, content_type, location, response_body) VALUES (?, ?, ?, ?, ?, ?,"
                + " ?) ON CONFLICT (idempotency_key) DO NOTHING",
            key,
            fingerprint,
            State.COMPLETED.name(),
            status,
            contentType,
            location,
            body)
        == 1;
  }

  /** Deletes the records older than the retention period; returns how many. */
  public int forgetOlderThan(java.time.Duration retention) {
    return jdbc.update(
        "DELETE FROM idempotency_record WHERE created_at < now() - make_interval(secs => ?)",
        (double) retention.toSeconds());
  }

  public Optional<StoredResponse> find(String key) {
    return jdbc
        .query(
            "SELECT request_fingerprint, state, status_code, content_type, location, response_body "
                + "FROM idempotency_record WHERE idempotency_key = ?",
            (row, n) ->
                new StoredResponse(
                    row.getString(1).trim(),
                    State.valueOf(row.getString(2)),
                    row.getInt(3),
                    row.getString(4),
                    row.getString(5),
                    row.getBytes(6)),
            key)
        .stream()
        .findFirst();
  }

  /**
   * Stores the answer under a key still in progress (a command's unit of work may have stored it
   * already).
   */
  public void complete(String key, int status, String contentType, String location, byte[] body) {
    jdbc.update(
        "UPDATE idempotency_record SET state = ?, status_code = ?, content_type = ?, location = ?,"
            + " response_body = ? WHERE idempotency_key = ? AND state = 'IN_PROGRESS'",
        State.COMPLETED.name(),
        status,
        contentType,
        location,
        body,
        key);
  }

  /** Forgets a claim whose request failed on our side, so that a retry runs again. */
  public void release(String key) {
    jdbc.update(
        "DELETE FROM idempotency_record WHERE idempotency_key = ? AND state = 'IN_PROGRESS'", key);
  }
}
