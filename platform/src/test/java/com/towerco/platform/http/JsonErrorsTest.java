package com.towerco.platform.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.towerco.events.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonErrorsTest {
  record Body(String name, List<Integer> counts) {
    Body {
      if ("nobody".equals(name)) {
        throw new IllegalArgumentException("name: nobody is not a receiver");
      }
    }
  }

  @Test
  void namesTheFieldAndTheProblemButNeverAJavaClass() {
    assertThat(describe("{\"nope\": 1}")).isEqualTo("unknown field 'nope'");
    assertThat(describe("{\"name\": 3}")).isEqualTo("'name' has the wrong type or value");
    assertThat(describe("{\"counts\": [\"x\"]}")).isEqualTo("'counts.[0]' has the wrong type or value");
    assertThat(describe("{\"name\": ")).isEqualTo("the body is not valid JSON");
    assertThat(describe("{\"name\": \"nobody\"}")).isEqualTo("name: nobody is not a receiver");
  }

  private static String describe(String json) {
    JsonProcessingException e = catchThrowableOfType(JsonProcessingException.class,
        () -> Json.mapper().readValue(json, Body.class));
    String text = JsonErrors.describe(e);
    assertThat(text).doesNotContain("com.towerco", "java.", "class");
    return text;
  }
}
