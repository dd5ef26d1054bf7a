package com.towerco.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RepeatedTextTest {
  @Test
  void answersWhatTheParserAnswersForManyStringsThatCollideInASmallTable() throws Exception {
    RepeatedText text = new RepeatedText(4);
    Random random = new Random(3);
    List<String> written = new ArrayList<>();
    StringBuilder json = new StringBuilder("[");
    for (int i = 0; i < 5_000; i++) {
      String value = switch (random.nextInt(4)) {
        case 0 -> "tenant-" + random.nextInt(20);
        case 1 -> "\u00e9\u20ac-" + random.nextInt(20);
        case 2 -> "x".repeat(60 + random.nextInt(10)); // some longer than what is kept
        default -> "";
      };
      written.add(value);
      json.append(i == 0 ? "" : ",").append('"').append(value).append('"');
    }
    json.append(']');
    List<String> read = new ArrayList<>();
    try (JsonParser p = new JsonFactory().createParser(
        json.toString().getBytes(StandardCharsets.UTF_8))) {
      p.nextToken();
      while (p.nextToken() == JsonToken.VALUE_STRING) {
        String value = text.text(p);
        assertThat(value).isEqualTo(p.getText());
        read.add(value);
      }
    }
    assertThat(read).isEqualTo(written);
  }

  @Test
  void aRepeatedValueIsTheSameStringFromBytesAndFromCharacters() {
    RepeatedText text = new RepeatedText(16);
    String fromBytes = text.text("SITE-1".getBytes(StandardCharsets.UTF_8));
    assertThat(text.text("SITE-1".getBytes(StandardCharsets.UTF_8))).isSameAs(fromBytes);
    char[] chars = "..SITE-1..".toCharArray();
    String fromChars = text.text(chars, 2, 6);
    assertThat(fromChars).isEqualTo("SITE-1");
    assertThat(text.text(chars, 2, 6)).isSameAs(fromChars);
    assertThat(text.text(chars, 2, 5)).isEqualTo("SITE-");
  }
}
