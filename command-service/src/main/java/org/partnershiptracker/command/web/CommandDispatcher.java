package org.partnershiptracker.command.web;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.partnershiptracker.command.idempotency.IdempotencyContext;
import org.partnershiptracker.command.web.access.CommandAuthorization;
import org.partnershiptracker.command.web.access.CurrentCaller;
import org.partnershiptracker.events.access.Caller;
import org.partnershiptracker.events.value.PartnershipId;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Sends a command and waits for the aggregate's verdict, then answers with the ids of what was
 * recorded. A refused command throws, and {@link ProblemResponses} turns that into a problem.
 * Counts commands accepted and rejected (by command type and reason) and times them.
 */
@Component
public class CommandDispatcher {
  private final CommandGateway commands;
  private final MeterRegistry metrics;
  private final com.fasterxml.jackson.databind.ObjectMapper json;

  public CommandDispatcher(
      CommandGateway commands,
      MeterRegistry metrics,
      com.fasterxml.jackson.databind.ObjectMapper json) {
    this.commands = commands;
    this.metrics = metrics;
    this.json = json;
  }

  private void send(Object command) {
    String type = command.getClass().getSimpleName();
    Timer.Sample sample = Timer.start(metrics);
    String outcome = "accepted";
    String reason = "none";
    try {
      Caller caller =
          CurrentCaller.get()
              .orElseThrow(() -> new IllegalStateException("a command without a signed-in caller"));
      CommandAuthorization.check(caller, command);
      commands.sendAndWait(
          GenericCommandMessage.asCommandMessage(command)
              .andMetaData(CommandAuthorization.auditOf(caller)));
    } catch (RuntimeException e) {
      outcome = "rejected";
      reason = reason(e);
      throw e;
    } finally {
      sample.stop(
          Timer.builder("tracker.command.latency")
              .description("Time to handle a command and store its events")
              .tag("command", type)
              .publishPercentileHistogram()
              .register(metrics));
      Counter.builder("tracker.commands")
          .description("Commands handled, by outcome")
          .tag("command", type)
          .tag("outcome", outcome)
          .tag("reason", reason)
          .register(metrics)
          .increment();
    }
  }

  /** A bounded set of reasons: the rule codes, not-found, invalid, unavailable, error… */
  private static String reason(Throwable e) {
    return Problems.outcomeOf(e).map(Problems.Outcome::reason).orElse("error");
  }

  /** 201 Created, with Location at the partnership's history. */
  public ResponseEntity<Map<String, String>> created(
      Object command, PartnershipId partnershipId, Object... idPairs) {
    URI history =
        ServletUriComponentsBuilder.fromCurrentContextPath()
            .path("/api/partnerships/{id}/history")
            .buildAndExpand(partnershipId.value())
            .toUri();
    Map<String, String> body = ids(partnershipId, idPairs);
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
    Map<String, String> body = ids(partnershipId, idPairs);
    planAnswer(200, null, body);
    send(command);
    return ResponseEntity.ok(body);
  }

  /** The answer's body: the partnership's id, then name/id pairs of what was recorded. */
  private static Map<String, String> ids(PartnershipId partnershipId, Object... idPairs) {
    Map<String, String> body = new LinkedHashMap<>();
    body.put("partnershipId", partnershipId.value());
    for (int i = 0; i + 1 < idPairs.length; i += 2) {
      body.put(String.valueOf(idPairs[i]), String.valueOf(idPairs[i + 1]));
    }
    return body;
  }
}
