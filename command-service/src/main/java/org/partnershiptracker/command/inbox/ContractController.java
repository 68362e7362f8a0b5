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
