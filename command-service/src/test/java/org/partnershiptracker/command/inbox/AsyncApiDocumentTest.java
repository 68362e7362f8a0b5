package org.partnershiptracker.command.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * docs/asyncapi.yaml is a valid AsyncAPI 3.0.0 document: it validates against the official AsyncAPI
 * 3.0.0 JSON Schema (vendored from {@code @asyncapi/specs}, see the resource folder's README).
 */
class AsyncApiDocumentTest {
  private static final Path DOCUMENT = Path.of("../docs/asyncapi.yaml");

  private static Schema asyncApi() throws IOException {
    try (InputStream schema =
        AsyncApiDocumentTest.class.getResourceAsStream("/asyncapi/asyncapi-3.0.0.schema.json")) {
      return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
          .getSchema(schema, InputFormat.JSON);
    }
  }

  private static JsonNode document() throws IOException {
    return new ObjectMapper(new YAMLFactory()).readTree(DOCUMENT.toFile());
  }

  @Test
  void theContractIsAValidAsyncApi300Document() throws IOException {
    List<Error> errors = asyncApi().validate(document());
    assertThat(errors).as("AsyncAPI 3.0.0 schema errors").isEmpty();
  }

  @Test
  void theSchemaRefusesWhatAsyncApi300DoesNotAllow() throws IOException {
    // So that the first test cannot pass by validating nothing: a 2.x-style channel parameter
    // (with a schema, which 3.0 dropped) and an operation without its action are refused.
    ObjectNode broken = (ObjectNode) document();
    ((ObjectNode) broken.at("/components/parameters/organisationId"))
        .putObject("schema")
        .put("type", "string");
    ((ObjectNode) broken.at("/operations/recordActivity")).remove("action");
    assertThat(asyncApi().validate(broken)).isNotEmpty();
  }
}
