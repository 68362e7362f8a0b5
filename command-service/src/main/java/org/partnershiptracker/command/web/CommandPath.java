package org.partnershiptracker.command.web;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.LinkedHashMap;
import java.util.Map;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.partnershiptracker.command.web.access.CommandAuthorization;
import org.partnershiptracker.events.access.Caller;
import org.partnershiptracker.events.value.PartnershipId;
import org.springframework.stereotype.Component;

/**
 * The one path every command takes, whichever way it came in (an HTTP request, a record of the
 * activity inbox): the caller's authorization ({@link CommandAuthorization#check}), the metadata
 * that records who gave it, the send through Axon and the wait for the aggregate's verdict, and the
 * metrics (commands by outcome and reason, latency). A refused command throws; {@link
 * Problems#outcomeOf} says what the failure means.
 */
@Component
public class CommandPath {
  private final CommandGateway commands;
  private final MeterRegistry metrics;

  public CommandPath(CommandGateway commands, MeterRegistry metrics) {
    this.commands = commands;
    this.metrics = metrics;
  }

  /** Sends {@code command} for {@code caller} and waits until its events are stored. */
  public void send(Caller caller, Object command) {
    String type = command.getClass().getSimpleName();
    Timer.Sample sample = Timer.start(metrics);
    String outcome = "accepted";
    String reason = "none";
    try {
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
  public static String reason(Throwable e) {
    return Problems.outcomeOf(e).map(Problems.Outcome::reason).orElse("error");
  }

  /** What a success answers: the partnership's id, then name/id pairs of what was recorded. */
  public static Map<String, String> ids(PartnershipId partnershipId, Object... idPairs) {
    Map<String, String> body = new LinkedHashMap<>();
    body.put("partnershipId", partnershipId.value());
    for (int i = 0; i + 1 < idPairs.length; i += 2) {
      body.put(String.valueOf(idPairs[i]), String.valueOf(idPairs[i + 1]));
    }
    return body;
  }
}
