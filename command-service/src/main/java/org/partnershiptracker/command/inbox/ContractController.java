package org.partnershiptracker.command.inbox;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves the Kafka contract (docs/asyncapi.yaml, copied into the jar by the build) to anyone, as
 * the OpenAPI document is: council systems read it before they have a client.
 */
@RestController
@Tag(name = "Contract", description = "The AsyncAPI document of the Kafka topics")
class ContractController {
  static final String DOCUMENT = "contract/asyncapi.yaml";

  @GetMapping(value = "/schemas/{type}.json", produces = "application/schema+json")
  @Operation(
      summary = "The JSON Schema of an activity type's data, generated from its request type")
  ResponseEntity<com.fasterxml.jackson.databind.node.ObjectNode> schema(
      @org.springframework.web.bind.annotation.PathVariable String type) {
    return ActivitySchemas.of(type)
        .map(
            schema ->
                ResponseEntity.ok()
                    .contentType(MediaType.parseMediaType("application/schema+json"))
                    .body(schema))
        .orElseThrow(
            () ->
                new org.partnershiptracker.command.rules.NotFound(
                    "no activity type '" + type + "'"));
  }

  @GetMapping(value = "/asyncapi.yaml", produces = "application/yaml")
  @Operation(summary = "AsyncAPI 3.0: the activity inbox, its outcomes and DLT, the events topic")
  ResponseEntity<byte[]> asyncApi() throws IOException {
    try (InputStream document = new ClassPathResource(DOCUMENT).getInputStream()) {
      return ResponseEntity.ok()
          .contentType(MediaType.parseMediaType("application/yaml"))
          .body(document.readAllBytes());
    }
  }
}
