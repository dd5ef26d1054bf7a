package com.towerco.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApiDocsTest {
  private final JsonNode document = ApiDocs.load();

  @Test
  void isAnOpenApi3DocumentWhoseReferencesAllResolve() {
    assertThat(document.path("openapi").asText()).isEqualTo("3.0.3");
    List<String> broken = new ArrayList<>();
    collectBrokenRefs(document, broken);
    assertThat(broken).isEmpty();
    assertThat(document.path("components").has("x-command-responses")).isFalse();
  }

  @Test
  void everyOperationSaysWhatItAnswersAndWhoMayCallIt() {
    document.get("paths").fields().forEachRemaining(path -> path.getValue().fields()
        .forEachRemaining(op -> {
          assertThat(op.getValue().path("responses").size()).as(path.getKey() + " " + op.getKey())
              .isPositive();
          assertThat(op.getValue().path("summary").asText()).as(path.getKey()).isNotBlank();
          boolean open = op.getValue().has("security");
          if (!open) {
            assertThat(op.getValue().path("responses").has("401")
                || op.getValue().path("responses").has("302")
                || path.getKey().startsWith("/ui") || path.getKey().startsWith("/webjars")
                || path.getKey().startsWith("/api/docs/"))
                .as(path.getKey() + " " + op.getKey() + " documents its 401").isTrue();
          }
        }));
  }

  @Test
  void writesJavalinCatchAllParametersAsOpenApiParameters() {
    assertThat(ApiDocs.openApiPath("/ui/<path>")).isEqualTo("/ui/{path}");
    assertThat(ApiDocs.openApiPath("/api/v1/sites/{id}")).isEqualTo("/api/v1/sites/{id}");
  }

  private void collectBrokenRefs(JsonNode node, List<String> broken) {
    if (node.isObject()) {
      JsonNode ref = node.get("$ref");
      if (ref != null && document.at(ref.asText().substring(1)).isMissingNode()) {
        broken.add(ref.asText());
      }
      node.forEach(child -> collectBrokenRefs(child, broken));
    } else if (node.isArray()) {
      node.forEach(child -> collectBrokenRefs(child, broken));
    }
  }
}
