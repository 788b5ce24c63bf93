package org.w3id.ruralkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.tags.Tag;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document of the saved queries is valid OpenAPI 3 (swagger-parser's validation) and
 * passes the rules linters such as redocly apply: typed examples, a 4XX response on every
 * operation, declared tags, unique operation ids.
 */
class OpenApiLintTest {
  static OpenAPI api;

  @BeforeAll
  static void parse() {
    SavedQueries queries = new SavedQueries(Path.of("queries"));
    List<SavedQuery> list = queries.names().stream().map(queries::get).toList();
    ObjectNode doc =
        OpenApi.document(list, "http://localhost:3030/api", "test", QueryGuard.DEFAULT);
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    SwaggerParseResult result = new OpenAPIV3Parser().readContents(doc.toString(), null, options);
    assertEquals(List.of(), result.getMessages(), "swagger-parser's validation messages");
    api = result.getOpenAPI();
    assertNotNull(api);
  }

  static List<Operation> operations() {
    return api.getPaths().values().stream().flatMap(p -> p.readOperations().stream()).toList();
  }

  @Test
  void everyOperationHasA4xxResponse() {
    for (Operation op : operations()) {
      assertTrue(
          op.getResponses().keySet().stream().anyMatch(k -> k.startsWith("4")),
          op.getOperationId() + " has no 4XX response");
    }
  }

  @Test
  void examplesAndDefaultsHaveTheParametersType() {
    int integers = 0;
    for (Operation op : operations()) {
      for (Parameter p : op.getParameters() == null ? List.<Parameter>of() : op.getParameters()) {
        if (!"integer".equals(p.getSchema().getType())) continue;
        integers++;
        if (p.getExample() != null)
          assertTrue(
              p.getExample() instanceof Number,
              op.getOperationId() + " " + p.getName() + " example " + p.getExample().getClass());
        if (p.getSchema().getDefault() != null)
          assertTrue(
              p.getSchema().getDefault() instanceof Number,
              op.getOperationId() + " " + p.getName() + " default");
      }
    }
    assertTrue(integers > 0);
    Parameter limit =
        api.getPaths().get("/queries/top-figures").getGet().getParameters().stream()
            .filter(p -> p.getName().equals("limit"))
            .findFirst()
            .orElseThrow();
    assertTrue(
        limit.getExample() == null || limit.getExample() instanceof Number,
        "top-figures limit example is a number");
  }

  @Test
  void theServerUrlIsRelativeOnALoopbackBaseAndAbsoluteOnAPublicOne() {
    assertEquals("/api", OpenApi.serverUrl("http://localhost:3030", "/api"));
    assertEquals("/api", OpenApi.serverUrl("http://127.0.0.1:3030", "/api"));
    assertEquals("/api", OpenApi.serverUrl("http://[::1]:3030", "/api"));
    assertEquals("https://kg.example.org/api", OpenApi.serverUrl("https://kg.example.org", "/api"));
  }

  @Test
  void tagsAreDeclaredAndOperationIdsUnique() {
    Set<String> declared = api.getTags().stream().map(Tag::getName).collect(Collectors.toSet());
    for (Operation op : operations()) {
      if (op.getTags() != null)
        assertTrue(
            declared.containsAll(op.getTags()), op.getOperationId() + " uses an undeclared tag");
    }
    List<String> ids = operations().stream().map(Operation::getOperationId).toList();
    assertEquals(ids.size(), Set.copyOf(ids).size(), "operation ids are unique");
  }
}
