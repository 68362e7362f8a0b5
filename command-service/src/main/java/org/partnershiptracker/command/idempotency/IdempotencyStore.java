package org.partnershiptracker.command.idempotency;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** Responses kept per Idempotency-Key in PostgreSQL, beside the event store. */
@Component
class IdempotencyStore {
  enum State { IN_PROGRESS, COMPLETED }

  record StoredResponse(
      String fingerprint, State state, int status, String contentType, String location, byte[] body) {}

  private final JdbcTemplate jdbc;

  IdempotencyStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Claims the key for this request; false if someone claimed it first. */
  boolean claim(String key, String fingerprint) {
    return jdbc.update(
            "INSERT INTO idempotency_record (idempotency_key, request_fingerprint, state) VALUES (?, ?, ?) "
                + "ON CONFLICT (idempotency_key) DO NOTHING",
            key,
            fingerprint,
            State.IN_PROGRESS.name())
        == 1;
  }

  Optional<StoredResponse> find(String key) {
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

  void complete(String key, int status, String contentType, String location, byte[] body) {
    jdbc.update(
        "UPDATE idempotency_record SET state = ?, status_code = ?, content_type = ?, location = ?, response_body = ? "
            + "WHERE idempotency_key = ?",
        State.COMPLETED.name(),
        status,
        contentType,
        location,
        body,
        key);
  }

  /** Forgets a claim whose request failed on our side, so that a retry runs again. */
  void release(String key) {
    jdbc.update("DELETE FROM idempotency_record WHERE idempotency_key = ?", key);
  }
}
