package org.partnershiptracker.command.inbox;

import io.cloudevents.CloudEvent;
import java.util.List;
import java.util.Map;

/** Why a record cannot be recorded, found while reading it: becomes its outcome. */
final class Unrecordable extends RuntimeException {
  final String outcome;
  final String reason;
  final transient List<Map<String, String>> errors;

  Unrecordable(String outcome, String reason, String detail, List<Map<String, String>> errors) {
    super(detail, null, false, false);
    this.outcome = outcome;
    this.reason = reason;
    this.errors = errors;
  }

  static Unrecordable invalid(String reason, String field, String message) {
    return new Unrecordable(
        InboxOutcome.INVALID,
        reason,
        field + ": " + message,
        List.of(Map.of("field", field, "message", message)));
  }

  InboxOutcome of(CloudEvent event) {
    return new InboxOutcome(
        event == null ? null : event.getId(),
        event == null ? null : event.getSource().toString(),
        event == null ? null : event.getType(),
        event == null ? null : event.getSubject(),
        outcome,
        reason,
        null,
        getMessage(),
        errors,
        null);
  }
}
