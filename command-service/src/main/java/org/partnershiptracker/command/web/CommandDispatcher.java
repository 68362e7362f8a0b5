package org.partnershiptracker.command.web;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.partnershiptracker.command.rules.NotFound;
import org.partnershiptracker.command.rules.Rule;
import org.partnershiptracker.command.rules.RuleViolation;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.partnershiptracker.command.idempotency.IdempotencyContext;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

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

  public CommandDispatcher(CommandGateway commands, MeterRegistry metrics, com.fasterxml.jackson.databind.ObjectMapper json) {
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
      commands.sendAndWait(command);
    } catch (RuntimeException e) {
      outcome = "rejected";
      reason = reason(e instanceof CommandExecutionException && e.getCause() != null ? e.getCause() : e);
      throw e;
    } finally {
      sample.stop(Timer.builder("tracker.command.latency").description("Time to handle a command and store its events")
          .tag("command", type).publishPercentileHistogram().register(metrics));
      Counter.builder("tracker.commands").description("Commands handled, by outcome")
          .tag("command", type).tag("outcome", outcome).tag("reason", reason).register(metrics).increment();
    }
  }

  /** A bounded set of reasons: the rule codes, not-found, id-already-used, invalid, error. */
  private static String reason(Throwable e) {
    if (e instanceof RuleViolation violation) {
      return violation.rule().code();
    }
    if (e instanceof AggregateStreamCreationException) {
      return Rule.ID_ALREADY_USED.code();
    }
    if (e instanceof NotFound || e instanceof AggregateNotFoundException) {
      return "not-found";
    }
    return e instanceof IllegalArgumentException ? "invalid" : "error";
  }

  /** 201 Created, with Location at the partnership's history. */
  public ResponseEntity<Map<String, String>> created(Object command, String partnershipId, String... idPairs) {
    URI history =
        ServletUriComponentsBuilder.fromCurrentContextPath()
            .path("/api/partnerships/{id}/history")
            .buildAndExpand(partnershipId)
            .toUri();
    Map<String, String> body = ids(partnershipId, idPairs);
    planAnswer(201, history.toString(), body);
    send(command);
    return ResponseEntity.created(history).body(body);
  }

  /** The answer a success will give, known before the command runs: stored with its events under the request's key. */
  private void planAnswer(int status, String location, Map<String, String> body) {
    try {
      IdempotencyContext.plan(new IdempotencyContext.Answer(status, "application/json", location, json.writeValueAsBytes(body)));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("ids cannot be written as JSON", e);
    }
  }

  /** 200 OK: an action on something that exists (a reassignment, a signature, a start). */
  public ResponseEntity<Map<String, String>> done(Object command, String partnershipId, String... idPairs) {
    Map<String, String> body = ids(partnershipId, idPairs);
    planAnswer(200, null, body);
    send(command);
    return ResponseEntity.ok(body);
  }

  private static Map<String, String> ids(String partnershipId, String... idPairs) {
    Map<String, String> body = new LinkedHashMap<>();
    body.put("partnershipId", partnershipId);
    for (int i = 0; i + 1 < idPairs.length; i += 2) {
      body.put(idPairs[i], idPairs[i + 1]);
    }
    return body;
  }
}
