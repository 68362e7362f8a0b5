package org.partnershiptracker.command.web;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Sends a command and waits for the aggregate's verdict, then answers with the ids of what was
 * recorded. A refused command throws, and {@link ProblemResponses} turns that into a problem.
 */
@Component
public class CommandDispatcher {
  private final CommandGateway commands;

  public CommandDispatcher(CommandGateway commands) {
    this.commands = commands;
  }

  /** 201 Created, with Location at the partnership's history. */
  public ResponseEntity<Map<String, String>> created(Object command, String partnershipId, String... idPairs) {
    commands.sendAndWait(command);
    URI history =
        ServletUriComponentsBuilder.fromCurrentContextPath()
            .path("/api/partnerships/{id}/history")
            .buildAndExpand(partnershipId)
            .toUri();
    return ResponseEntity.created(history).body(ids(partnershipId, idPairs));
  }

  /** 200 OK: an action on something that exists (a reassignment, a signature, a start). */
  public ResponseEntity<Map<String, String>> done(Object command, String partnershipId, String... idPairs) {
    commands.sendAndWait(command);
    return ResponseEntity.ok(ids(partnershipId, idPairs));
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
