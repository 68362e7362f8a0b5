package org.partnershiptracker.command.web;

import java.net.URI;
import java.util.Map;
import org.partnershiptracker.command.idempotency.IdempotencyContext;
import org.partnershiptracker.command.web.access.CurrentCaller;
import org.partnershiptracker.events.access.Caller;
import org.partnershiptracker.events.value.PartnershipId;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The HTTP side of the {@link CommandPath}: sends a command for the signed-in caller, then answers
 * with the ids of what was recorded (and plans that answer for the request's Idempotency-Key). A
 * refused command throws, and {@link ProblemResponses} turns that into a problem.
 */
@Component
public class CommandDispatcher {
  private final CommandPath path;
  private final com.fasterxml.jackson.databind.ObjectMapper json;

  public CommandDispatcher(CommandPath path, com.fasterxml.jackson.databind.ObjectMapper json) {
    this.path = path;
    this.json = json;
  }

  private void send(Object command) {
    Caller caller =
        CurrentCaller.get()
            .orElseThrow(() -> new IllegalStateException("a command without a signed-in caller"));
    path.send(caller, command);
  }

  /** 201 Created, with Location at the partnership's history. */
  public ResponseEntity<Map<String, String>> created(
      Object command, PartnershipId partnershipId, Object... idPairs) {
    URI history =
        ServletUriComponentsBuilder.fromCurrentContextPath()
            .path("/api/partnerships/{id}/history")
            .buildAndExpand(partnershipId.value())
            .toUri();
    Map<String, String> body = CommandPath.ids(partnershipId, idPairs);
    planAnswer(201, history.toString(), body);
    send(command);
    return ResponseEntity.created(history).body(body);
  }

  /**
   * The answer a success will give, known before the command runs: stored with its events under the
   * request's key.
   */
  private void planAnswer(int status, String location, Map<String, String> body) {
    try {
      IdempotencyContext.plan(
          new IdempotencyContext.Answer(
              status, "application/json", location, json.writeValueAsBytes(body)));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("ids cannot be written as JSON", e);
    }
  }

  /** 200 OK: an action on something that exists (a reassignment, a signature, a start). */
  public ResponseEntity<Map<String, String>> done(
      Object command, PartnershipId partnershipId, Object... idPairs) {
    Map<String, String> body = CommandPath.ids(partnershipId, idPairs);
    planAnswer(200, null, body);
    send(command);
    return ResponseEntity.ok(body);
  }
}
